import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { csvLines } from '../../platform/text/csv.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole } from '../organisations/organisations.entity.js';
import { hasRank, viewerRole } from '../organisations/organisations.policy.js';
import { readableSpaceIds, spaceRights } from '../spaces/spaces.service.js';
import { readableThread, spaceTopic, type SpaceEvent } from '../discussions/discussions.service.js';
import { readableResource } from '../resources/resources.service.js';
import { SpaceActivityKind } from '../discussions/discussions.inputs.js';
import {
  AssessmentStatus,
  Mitigation,
  MitigationStatus,
  Risk,
  RiskAssessment,
  RiskScoreChange as RiskScoreChangeRow,
} from './risks.entity.js';
import {
  HeatmapKind,
  MitigationState,
  RiskLevel,
  type AddMitigationInput,
  type AddRiskInput,
  type CreateRiskAssessmentInput,
  type GroupCount,
  type HeatmapCell,
  type LevelCount,
  type PublicRiskAssessment,
  type RiskAssessmentFilter,
  type RiskSummary,
  type RiskSummaryFilter,
  type UpdateRiskAssessmentInput,
  type UpdateRiskInput,
} from './risks.inputs.js';

/** The common 5×5 rule: the score is likelihood × impact, never stored. */
export function levelOf(likelihood: number, impact: number): RiskLevel {
  const score = likelihood * impact;
  if (score >= 20) return RiskLevel.CRITICAL;
  if (score >= 10) return RiskLevel.HIGH;
  if (score >= 5) return RiskLevel.MEDIUM;
  return RiskLevel.LOW;
}

/** Residual scores fall back to the inherent ones for a risk nobody has treated yet. */
export const residualOf = (
  risk: Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>,
) => ({
  likelihood: risk.residualLikelihood ?? risk.likelihood,
  impact: risk.residualImpact ?? risk.impact,
});

export function heatmapOf(scores: Array<{ likelihood: number; impact: number }>): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood -= 1) {
    for (let impact = 1; impact <= 5; impact += 1) {
      cells.push({
        likelihood,
        impact,
        level: levelOf(likelihood, impact),
        count: scores.filter((s) => s.likelihood === likelihood && s.impact === impact).length,
      });
    }
  }
  return cells;
}

const today = () => new Date().toISOString().slice(0, 10);

export function mitigationState(mitigation: Mitigation): MitigationState {
  if (mitigation.status === MitigationStatus.DONE) return MitigationState.DONE;
  if (mitigation.dueDate < today()) return MitigationState.OVERDUE;
  return mitigation.status === MitigationStatus.IN_PROGRESS
    ? MitigationState.IN_PROGRESS
    : MitigationState.PLANNED;
}

export interface AssessmentRights {
  assessment: RiskAssessment;
  edit: boolean;
  manage: boolean;
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    assessmentById: RequestLoader<string, RiskAssessment>;
  }
}

export function assessmentLoader(context: Context) {
  return requestLoader(context, 'assessmentById', async (em, ids) =>
    byKey(ids, await em.find(RiskAssessment, { id: { $in: [...ids] } }), (a) => a.id),
  );
}

/** Readers of the space see it (drafts only inside the owning organisation); members edit; admins publish. */
export async function assessmentRights(context: Context, id: string): Promise<AssessmentRights> {
  const assessment = await assessmentLoader(context).load(id);
  if (!assessment) throw notFound('The risk assessment');
  await spaceRights(context, assessment.spaceId).catch(() => {
    throw notFound('The risk assessment');
  });
  const role =
    context.viewer.kind === 'user' ? await viewerRole(context, assessment.organisationId) : null;
  if (assessment.status === AssessmentStatus.DRAFT && !role) throw notFound('The risk assessment');
  return {
    assessment,
    edit: hasRank(role, MemberRole.MEMBER) && assessment.status !== AssessmentStatus.ARCHIVED,
    manage: hasRank(role, MemberRole.ADMIN),
  };
}

function publishSpaceActivity(context: Context, event: SpaceEvent) {
  context.db.afterCommit(() => context.pubsub.publish(spaceTopic(event.spaceId), event));
}

export async function createAssessment(
  context: Context,
  input: CreateRiskAssessmentInput,
): Promise<RiskAssessment> {
  const { userId } = requireUser(context);
  const { space } = await spaceRights(context, input.spaceId);
  if (!hasRank(await viewerRole(context, space.organisationId), MemberRole.MEMBER)) {
    throw forbidden("Only members of the space's organisation can record its risk assessments.");
  }
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

async function editableAssessment(
  context: Context,
  id: string,
  manage = false,
): Promise<RiskAssessment> {
  requireUser(context);
  const rights = await assessmentRights(context, id);
  if (manage ? !rights.manage : !rights.edit) {
    throw forbidden(
      manage
        ? 'Only admins can publish or archive an assessment.'
        : 'Only members of its organisation can change this assessment.',
    );
  }
  return rights.assessment;
}

export async function updateAssessment(
  context: Context,
  input: UpdateRiskAssessmentInput,
): Promise<RiskAssessment> {
  const assessment = await editableAssessment(context, input.id);
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
  const assessment = await editableAssessment(context, id, true);
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
  const rows = await context.db.read(async (em) => {
    const memberOf = context.viewer.kind === 'user' ? await viewerOrganisations(context, em) : [];
    return em.find(
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
    );
  });
  return toConnection(rows, page.first, (a) => ({ at: a.createdAt, id: a.id }), Boolean(after));
}

async function viewerOrganisations(context: Context, em: EntityManager): Promise<string[]> {
  if (context.viewer.kind !== 'user') return [];
  const rows = await em.execute<Array<{ organisation_id: string }>>(
    'select organisation_id from membership where user_id = ?',
    [context.viewer.userId],
  );
  return rows.map((row) => row.organisation_id);
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    risksOfAssessment: RequestLoader<string, Risk[]>;
  }
}

export function risksOf(context: Context) {
  return requestLoader(context, 'risksOfAssessment', async (em, assessmentIds) => {
    const rows = await em.find(
      Risk,
      { assessmentId: { $in: [...assessmentIds] } },
      { orderBy: { createdAt: 'asc' } },
    );
    return assessmentIds.map((id) =>
      rows
        .filter((r) => r.assessmentId === id)
        .sort((x, y) => y.likelihood * y.impact - x.likelihood * x.impact),
    );
  });
}

async function checkEvidence(
  context: Context,
  input: { evidenceThreadIds?: string[]; evidenceResourceIds?: string[] },
) {
  for (const id of input.evidenceThreadIds ?? []) {
    await readableThread(context, id).catch(() => {
      throw BadUserInput.field(
        'evidenceThreadIds',
        'EVIDENCE_NOT_FOUND',
        'One of the evidence threads does not exist or you cannot read it.',
      );
    });
  }
  for (const id of input.evidenceResourceIds ?? []) {
    await readableResource(context, id).catch(() => {
      throw BadUserInput.field(
        'evidenceResourceIds',
        'EVIDENCE_NOT_FOUND',
        'One of the evidence resources does not exist or you cannot read it.',
      );
    });
  }
}

function recordScore(em: EntityManager, risk: Risk, userId: string) {
  em.create(RiskScoreChangeRow, {
    organisationId: risk.organisationId,
    spaceId: risk.spaceId,
    riskId: risk.id,
    likelihood: risk.likelihood,
    impact: risk.impact,
    residualLikelihood: risk.residualLikelihood ?? null,
    residualImpact: risk.residualImpact ?? null,
    changedBy: userId,
  });
}

export async function addRisk(context: Context, input: AddRiskInput): Promise<Risk> {
  const { userId } = requireUser(context);
  const assessment = await editableAssessment(context, input.assessmentId);
  await checkEvidence(context, input);
  return context.db.write(async (em) => {
    const risk = em.create(Risk, {
      organisationId: assessment.organisationId,
      spaceId: assessment.spaceId,
      assessmentId: assessment.id,
      title: input.title.normalize('NFC').trim(),
      description: input.description,
      process: input.process.trim(),
      scheme: input.scheme,
      likelihood: input.likelihood,
      impact: input.impact,
      indicators: input.indicators.map((i) => i.trim()),
      evidenceThreadIds: [...new Set(input.evidenceThreadIds)],
      evidenceResourceIds: [...new Set(input.evidenceResourceIds)],
      createdBy: userId,
    });
    await em.flush();
    recordScore(em, risk, userId);
    await em.flush();
    publishSpaceActivity(context, {
      kind: SpaceActivityKind.RISK_ADDED,
      spaceId: assessment.spaceId,
      riskId: risk.id,
      assessmentId: assessment.id,
    });
    return risk;
  });
}

async function editableRisk(context: Context, em: EntityManager, id: string): Promise<Risk> {
  const risk = await em.findOne(Risk, { id });
  if (!risk) throw notFound('The risk');
  await editableAssessment(context, risk.assessmentId).catch((error: unknown) => {
    // A reader who may not edit hears FORBIDDEN; anyone else learns nothing about the risk.
    throw (error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN'
      ? error
      : notFound('The risk');
  });
  return risk;
}

export async function updateRisk(context: Context, input: UpdateRiskInput): Promise<Risk> {
  const { userId } = requireUser(context);
  if ((input.residualLikelihood == null) !== (input.residualImpact == null)) {
    throw BadUserInput.field(
      'residualImpact',
      'RESIDUAL_PAIR',
      'Give residual likelihood and impact together.',
    );
  }
  return context.db.write(async (em) => {
    const risk = await editableRisk(context, em, input.id);
    const before = [
      risk.likelihood,
      risk.impact,
      risk.residualLikelihood,
      risk.residualImpact,
    ].join();
    for (const key of ['title', 'description', 'process', 'scheme'] as const) {
      const value = input[key];
      if (value !== undefined && value !== null)
        risk[key] = key === 'title' ? value.normalize('NFC').trim() : value;
    }
    if (input.likelihood) risk.likelihood = input.likelihood;
    if (input.impact) risk.impact = input.impact;
    if (input.residualLikelihood && input.residualImpact) {
      risk.residualLikelihood = input.residualLikelihood;
      risk.residualImpact = input.residualImpact;
    }
    if (input.indicators) risk.indicators = input.indicators.map((i) => i.trim()).filter(Boolean);
    const rescored =
      before !==
      [risk.likelihood, risk.impact, risk.residualLikelihood, risk.residualImpact].join();
    if (rescored) recordScore(em, risk, userId);
    await em.flush();
    if (rescored) {
      publishSpaceActivity(context, {
        kind: SpaceActivityKind.RISK_RESCORED,
        spaceId: risk.spaceId,
        riskId: risk.id,
        assessmentId: risk.assessmentId,
      });
    }
    return risk;
  });
}

export async function addMitigation(
  context: Context,
  input: AddMitigationInput,
): Promise<Mitigation> {
  const { userId } = requireUser(context);
  const due = new Date(`${input.dueDate}T00:00:00Z`);
  if (Number.isNaN(due.getTime()) || due.toISOString().slice(0, 10) !== input.dueDate) {
    throw BadUserInput.field('dueDate', 'INVALID_DATE', 'Use a real date like 2026-12-31.');
  }
  if (input.dueDate < today())
    throw BadUserInput.field('dueDate', 'IN_THE_PAST', 'A new action cannot be due in the past.');
  if ((input.residualLikelihood == null) !== (input.residualImpact == null)) {
    throw BadUserInput.field(
      'residualImpact',
      'RESIDUAL_PAIR',
      'Give residual likelihood and impact together.',
    );
  }
  return context.db.write(async (em) => {
    const risk = await editableRisk(context, em, input.riskId);
    if (input.ownerUserId) {
      const [row] = await em.execute<Array<{ member: boolean }>>(
        'select alany.is_member_of(?, ?) as member',
        [input.ownerUserId, risk.organisationId],
      );
      if (!row?.member)
        throw BadUserInput.field(
          'ownerUserId',
          'OWNER_NOT_MEMBER',
          'The owner must be a member of the organisation.',
        );
    }
    const mitigation = em.create(Mitigation, {
      organisationId: risk.organisationId,
      spaceId: risk.spaceId,
      riskId: risk.id,
      action: input.action.normalize('NFC').trim(),
      ownerUserId: input.ownerUserId ?? null,
      dueDate: input.dueDate,
      status: MitigationStatus.PLANNED,
    });
    // The action and the score it is expected to leave are one change: both or neither.
    const rescored =
      input.residualLikelihood != null &&
      input.residualImpact != null &&
      (risk.residualLikelihood !== input.residualLikelihood ||
        risk.residualImpact !== input.residualImpact);
    if (rescored) {
      risk.residualLikelihood = input.residualLikelihood;
      risk.residualImpact = input.residualImpact;
      recordScore(em, risk, userId);
    }
    await em.flush();
    if (rescored) {
      publishSpaceActivity(context, {
        kind: SpaceActivityKind.RISK_RESCORED,
        spaceId: risk.spaceId,
        riskId: risk.id,
        assessmentId: risk.assessmentId,
      });
    }
    return mitigation;
  });
}

export async function setMitigationStatus(
  context: Context,
  id: string,
  status: MitigationStatus,
): Promise<Mitigation> {
  requireUser(context);
  return context.db.write(async (em) => {
    const mitigation = await em.findOne(Mitigation, { id });
    if (!mitigation) throw notFound('The mitigation');
    await editableRisk(context, em, mitigation.riskId).catch(() => {
      throw notFound('The mitigation');
    });
    mitigation.status = status;
    mitigation.completedAt = status === MitigationStatus.DONE ? new Date() : null;
    await em.flush();
    return mitigation;
  });
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    mitigationsOfRisk: RequestLoader<string, Mitigation[]>;
  }
}

export function mitigationsOf(context: Context) {
  return requestLoader(context, 'mitigationsOfRisk', async (em, riskIds) => {
    const rows = await em.find(
      Mitigation,
      { riskId: { $in: [...riskIds] } },
      { orderBy: { dueDate: 'asc', createdAt: 'asc' } },
    );
    return riskIds.map((id) => rows.filter((m) => m.riskId === id));
  });
}

export async function scoreHistory(context: Context, risk: Risk): Promise<RiskScoreChangeRow[]> {
  return context.db.read((em) =>
    em.find(RiskScoreChangeRow, { riskId: risk.id }, { orderBy: { createdAt: 'asc' } }),
  );
}

const LEVELS = Object.values(RiskLevel);
const countLevels = (levels: RiskLevel[]): LevelCount[] =>
  LEVELS.map((level) => ({ level, count: levels.filter((l) => l === level).length }));

function groupBy(rows: Array<{ key: string; level: RiskLevel }>): GroupCount[] {
  const keys = [...new Set(rows.map((row) => row.key))].sort();
  return keys.map((key) => {
    const levels = rows.filter((row) => row.key === key).map((row) => row.level);
    return { key, risks: levels.length, byLevel: countLevels(levels) };
  });
}

/** Aggregates over every assessment the viewer may read (drafts only of its own organisations). */
export async function riskSummary(
  context: Context,
  filter: RiskSummaryFilter | undefined,
): Promise<RiskSummary> {
  const spaceIds = await readableSpaceIds(context);
  if (spaceIds.length === 0)
    return {
      assessments: 0,
      risks: 0,
      byLevel: countLevels([]),
      bySector: [],
      byRegion: [],
      heatmap: heatmapOf([]),
    };
  const rows = await context.db.read(async (em) => {
    const memberOf = await viewerOrganisations(context, em);
    const conditions = [
      'a.space_id = any(?::uuid[])',
      `(a.status <> 'DRAFT' or a.organisation_id = any(?::uuid[]))`,
    ];
    const params: unknown[] = [`{${spaceIds.join(',')}}`, `{${memberOf.join(',')}}`];
    if (filter?.networkId) {
      conditions.push(
        'a.organisation_id in (select organisation_id from network_membership where network_id = ?)',
      );
      params.push(filter.networkId);
    }
    if (filter?.sector) {
      conditions.push('a.sector = ?');
      params.push(filter.sector);
    }
    if (filter?.region) {
      conditions.push('a.region ilike ?');
      params.push(filter.region);
    }
    return em.execute<
      Array<{
        assessment_id: string;
        sector: string;
        region: string;
        likelihood: number | null;
        impact: number | null;
      }>
    >(
      `select a.id as assessment_id, a.sector, a.region, r.likelihood, r.impact
       from risk_assessment a left join risk r on r.assessment_id = a.id
       where ${conditions.join(' and ')}`,
      params,
    );
  });
  const risks = rows.filter((row) => row.likelihood !== null && row.impact !== null) as Array<{
    sector: string;
    region: string;
    likelihood: number;
    impact: number;
  }>;
  const withLevel = risks.map((risk) => ({
    ...risk,
    level: levelOf(risk.likelihood, risk.impact),
  }));
  return {
    assessments: new Set(rows.map((row) => row.assessment_id)).size,
    risks: risks.length,
    byLevel: countLevels(withLevel.map((r) => r.level)),
    bySector: groupBy(withLevel.map((r) => ({ key: r.sector, level: r.level }))),
    byRegion: groupBy(withLevel.map((r) => ({ key: r.region || '—', level: r.level }))),
    heatmap: heatmapOf(risks),
  };
}

export async function publicAssessment(
  context: Context,
  id: string,
): Promise<PublicRiskAssessment | null> {
  const rows = await context.db.read((em) =>
    em.execute<
      Array<{
        assessment_id: string;
        title: string;
        subject: string;
        sector: PublicRiskAssessment['sector'];
        region: string;
        period: string;
        published_at: Date;
        risk_title: string | null;
        likelihood: number | null;
        impact: number | null;
        residual_likelihood: number | null;
        residual_impact: number | null;
        mitigations_total: string;
        mitigations_done: string;
        mitigations_overdue: string;
      }>
    >('select * from alany.public_risk_summary(?)', [id]),
  );
  const first = rows[0];
  if (!first) return null;
  const risks = rows.filter(
    (row) => row.risk_title !== null && row.likelihood !== null && row.impact !== null,
  );
  const residual = risks.map((row) => ({
    likelihood: row.residual_likelihood ?? row.likelihood!,
    impact: row.residual_impact ?? row.impact!,
  }));
  const sum = (key: 'mitigations_total' | 'mitigations_done' | 'mitigations_overdue') =>
    risks.reduce((total, row) => total + Number(row[key]), 0);
  return {
    id: first.assessment_id,
    title: first.title,
    subject: first.subject,
    sector: first.sector,
    region: first.region,
    period: first.period,
    publishedAt: new Date(first.published_at),
    risks: risks.map((row, index) => ({
      title: row.risk_title!,
      level: levelOf(row.likelihood!, row.impact!),
      residualLevel: levelOf(residual[index]!.likelihood, residual[index]!.impact),
    })),
    heatmap: heatmapOf(risks.map((row) => ({ likelihood: row.likelihood!, impact: row.impact! }))),
    residualHeatmap: heatmapOf(residual),
    mitigationProgress: {
      total: sum('mitigations_total'),
      done: sum('mitigations_done'),
      overdue: sum('mitigations_overdue'),
    },
  };
}

export async function assessmentCsv(context: Context, id: string): Promise<string> {
  const { assessment, edit } = await assessmentRights(context, id);
  if (!edit && !hasRank(await viewerRole(context, assessment.organisationId), MemberRole.MEMBER)) {
    throw forbidden('The export is for members of the organisation.');
  }
  const risks = (await risksOf(context).load(assessment.id)) ?? [];
  const mitigations = await mitigationsOf(context).loadMany(risks.map((r) => r.id));
  const header = [
    'risk',
    'process',
    'likelihood',
    'impact',
    'score',
    'level',
    'residual_likelihood',
    'residual_impact',
    'residual_level',
    'mitigation',
    'due_date',
    'status',
  ];
  const rows: Array<Array<string | number | null>> = [header];
  risks.forEach((risk, index) => {
    const residual = residualOf(risk);
    const base = [
      risk.title,
      risk.process,
      risk.likelihood,
      risk.impact,
      risk.likelihood * risk.impact,
      levelOf(risk.likelihood, risk.impact),
      risk.residualLikelihood ?? '',
      risk.residualImpact ?? '',
      levelOf(residual.likelihood, residual.impact),
    ];
    const list = mitigations[index];
    const items = list && !(list instanceof Error) && list.length ? list : [null];
    for (const mitigation of items) {
      rows.push([
        ...base,
        mitigation?.action ?? '',
        mitigation?.dueDate ?? '',
        mitigation ? mitigationState(mitigation) : '',
      ]);
    }
  });
  return csvLines(rows);
}

export { HeatmapKind };
