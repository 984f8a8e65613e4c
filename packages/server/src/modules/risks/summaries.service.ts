import type { Context } from '../../platform/graphql/context.js';
import { csvLines } from '../../platform/text/csv.js';
import { networkOrganisationIds } from '../networks/index.js';
import { readableSpaceIds } from '../spaces/index.js';
import {
  RiskLevel,
  type GroupCount,
  type LevelCount,
  type PublicRiskAssessment,
  type RiskSummary,
  type RiskSummaryFilter,
} from './risks.inputs.js';
import { requireExportAssessment } from './risks.policy.js';
import { draftOrganisationIds, mitigationsOf, risksOf } from './risks.reads.js';
import { heatmapOf, levelOf, mitigationState, residualOf } from './risks.service.js';

/** What assessments add up to: the summary across them, the public page, the CSV export. */

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
  const memberOf = await draftOrganisationIds(context);
  const inNetwork = filter?.networkId
    ? await networkOrganisationIds(context, filter.networkId)
    : undefined;
  const rows = await context.db.read(async (em) => {
    const conditions = [
      'a.space_id = any(?::uuid[])',
      `(a.status <> 'DRAFT' or a.organisation_id = any(?::uuid[]))`,
    ];
    const params: unknown[] = [`{${spaceIds.join(',')}}`, `{${memberOf.join(',')}}`];
    if (inNetwork) {
      conditions.push('a.organisation_id = any(?::uuid[])');
      params.push(`{${inNetwork.join(',')}}`);
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
  const assessment = await requireExportAssessment(context, id);
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
