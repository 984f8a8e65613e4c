import type { Context } from '../../platform/graphql/context.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { viewerOrganisationIds } from '../organisations/index.js';
import {
  Mitigation,
  Risk,
  RiskAssessment,
  RiskScoreChange as RiskScoreChangeRow,
} from './risks.entity.js';

/**
 * Reads of assessments, risks, their actions and score history, batched per request. Rows are
 * shown, never changed through: writes merge or load their own.
 */

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

/**
 * The organisations whose drafts the viewer sees: a signed-in person's own (an API token sees no
 * drafts, not even of its organisation).
 */
export async function draftOrganisationIds(context: Context): Promise<string[]> {
  return context.viewer.kind === 'user' ? viewerOrganisationIds(context) : [];
}
