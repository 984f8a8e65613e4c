import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, notFound } from '../../platform/graphql/errors.js';
import { readableThread, SpaceActivityKind } from '../discussions/index.js';
import { readableResource } from '../resources/index.js';
import {
  Mitigation,
  MitigationStatus,
  Risk,
  RiskScoreChange as RiskScoreChangeRow,
} from './risks.entity.js';
import {
  HeatmapKind,
  MitigationState,
  RiskLevel,
  type AddMitigationInput,
  type AddRiskInput,
  type HeatmapCell,
  type UpdateRiskInput,
} from './risks.inputs.js';
import { publishSpaceActivity } from './risks.live.js';
import { requireEditAssessment } from './risks.policy.js';

/**
 * Risks and their mitigations: the scoring rules, adding and rescoring risks, planning and
 * completing actions. (Assessments: assessments.service.ts; what they add up to:
 * summaries.service.ts.)
 */

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
  const assessment = await requireEditAssessment(context, input.assessmentId);
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
  await requireEditAssessment(context, risk.assessmentId).catch((error: unknown) => {
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

export { HeatmapKind };
