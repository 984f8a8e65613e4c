import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/index.js';
import { readableSpaceIds } from '../spaces/index.js';
import { AssessmentStatus, RiskAssessment } from './risks.entity.js';
import type {
  CreateRiskAssessmentInput,
  RiskAssessmentFilter,
  UpdateRiskAssessmentInput,
} from './risks.inputs.js';
import { requireEditAssessment, requireRecordAssessment } from './risks.policy.js';
import { draftOrganisationIds } from './risks.reads.js';

/** Risk assessments themselves: recording, editing, publishing and listing them. */

export async function createAssessment(
  context: Context,
  input: CreateRiskAssessmentInput,
): Promise<RiskAssessment> {
  const { userId } = requireUser(context);
  const space = await requireRecordAssessment(context, input.spaceId);
  return context.db.write(async (em) => {
    const assessment = em.create(RiskAssessment, {
      organisationId: space.organisationId,
      spaceId: space.id,
      title: input.title.normalize('NFC').trim(),
      subject: input.subject.normalize('NFC').trim(),
      sector: input.sector,
      region: input.region.trim(),
      period: input.period.trim(),
      methodology: input.methodology,
      status: AssessmentStatus.DRAFT,
      createdBy: userId,
    });
    recordAudit(em, context, {
      organisationId: space.organisationId,
      action: 'risk_assessment.created',
      targetType: 'RiskAssessment',
      targetId: assessment.id,
    });
    await em.flush();
    return assessment;
  });
}

export async function updateAssessment(
  context: Context,
  input: UpdateRiskAssessmentInput,
): Promise<RiskAssessment> {
  const assessment = await requireEditAssessment(context, input.id);
  return context.db.write(async (em) => {
    const managed = em.merge(assessment);
    for (const key of ['title', 'subject', 'region', 'period'] as const) {
      const value = input[key];
      if (value !== undefined && value !== null) managed[key] = value.normalize('NFC').trim();
    }
    if (input.methodology !== undefined && input.methodology !== null)
      managed.methodology = input.methodology;
    if (input.sector) managed.sector = input.sector;
    if (input.status) managed.status = input.status;
    await em.flush();
    return managed;
  });
}

export async function setAssessmentState(
  context: Context,
  id: string,
  change: 'archive' | 'publish' | 'unpublish',
): Promise<RiskAssessment> {
  const assessment = await requireEditAssessment(context, id, true);
  return context.db.write(async (em) => {
    const managed = em.merge(assessment);
    if (change === 'archive') managed.status = AssessmentStatus.ARCHIVED;
    if (change === 'publish') {
      if (managed.status === AssessmentStatus.DRAFT) managed.status = AssessmentStatus.ACTIVE;
      managed.publishedAt = new Date();
    }
    if (change === 'unpublish') managed.publishedAt = null;
    recordAudit(em, context, {
      organisationId: assessment.organisationId,
      action: `risk_assessment.${change === 'archive' ? 'archived' : change === 'publish' ? 'published' : 'unpublished'}`,
      targetType: 'RiskAssessment',
      targetId: assessment.id,
    });
    await em.flush();
    return managed;
  });
}

export async function listAssessments(
  context: Context,
  filter: RiskAssessmentFilter | undefined,
  page: PageArgs,
): Promise<Connection<RiskAssessment>> {
  const spaceIds = await readableSpaceIds(context);
  const after = decodeCursor(page.after);
  if (spaceIds.length === 0)
    return toConnection([], page.first, () => ({ at: new Date(), id: '' }), false);
  const memberOf = await draftOrganisationIds(context);
  const rows = await context.db.read((em) =>
    em.find(
      RiskAssessment,
      {
        spaceId: { $in: spaceIds },
        // Drafts stay inside their organisation.
        $or: [{ status: { $ne: AssessmentStatus.DRAFT } }, { organisationId: { $in: memberOf } }],
        ...(filter?.organisationId ? { organisationId: filter.organisationId } : {}),
        ...(filter?.sector ? { sector: filter.sector } : {}),
        ...(filter?.region ? { region: { $ilike: filter.region.replace(/[\\%_]/g, '\\$&') } } : {}),
        ...(filter?.status ? { status: filter.status } : {}),
        ...afterCursor(after),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (a) => ({ at: a.createdAt, id: a.id }), Boolean(after));
}
