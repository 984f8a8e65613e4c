import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { forbidden, notFound } from '../../platform/graphql/errors.js';
import { mayActAs, MemberRole, viewerRole, hasRank } from '../organisations/index.js';
import { spaceRights } from '../spaces/index.js';
import { AssessmentStatus, RiskAssessment } from './risks.entity.js';
import { assessmentLoader } from './risks.reads.js';

/**
 * Who may do what with risk assessments: readers of the space see them (drafts only inside the
 * owning organisation); its members record and edit them; its admins publish and archive.
 */

export interface AssessmentRights {
  assessment: RiskAssessment;
  edit: boolean;
  manage: boolean;
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

/** The space, when the viewer is a member of its organisation and may record an assessment there. */
export async function requireRecordAssessment(context: Context, spaceId: string) {
  const { space } = await spaceRights(context, spaceId);
  if (!(await mayActAs(context, space.organisationId, MemberRole.MEMBER))) {
    throw forbidden("Only members of the space's organisation can record its risk assessments.");
  }
  return space;
}

/** An assessment the viewer may edit (members), or publish and archive (`manage`: admins). */
export async function requireEditAssessment(
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

/** The CSV export is for members of the organisation. */
export async function requireExportAssessment(
  context: Context,
  id: string,
): Promise<RiskAssessment> {
  const { assessment, edit } = await assessmentRights(context, id);
  if (!edit && !(await mayActAs(context, assessment.organisationId, MemberRole.MEMBER))) {
    throw forbidden('The export is for members of the organisation.');
  }
  return assessment;
}
