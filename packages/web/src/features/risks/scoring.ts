/**
 * The 5×5 rule, as the server applies it (packages/server/src/modules/risks/risks.service.ts,
 * `levelOf`): the score is likelihood × impact; 1–4 LOW, 5–9 MEDIUM, 10–16 HIGH, 20–25 CRITICAL.
 * The client uses it only to explain a score while it is being chosen; the server's level is
 * what is shown once saved.
 */
export const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Level = (typeof LEVELS)[number];

/** The lowest score of each level. */
export const LEVEL_FROM: Record<Level, number> = { LOW: 1, MEDIUM: 5, HIGH: 10, CRITICAL: 20 };

/** The highest score of each level (no product of 1–5 falls between 16 and 20). */
export const LEVEL_TO: Record<Level, number> = { LOW: 4, MEDIUM: 9, HIGH: 16, CRITICAL: 25 };

export const SCALE = [1, 2, 3, 4, 5] as const;

export function levelOf(likelihood: number, impact: number): Level {
  const score = likelihood * impact;
  if (score >= LEVEL_FROM.CRITICAL) return 'CRITICAL';
  if (score >= LEVEL_FROM.HIGH) return 'HIGH';
  if (score >= LEVEL_FROM.MEDIUM) return 'MEDIUM';
  return 'LOW';
}

export const isScale = (value: number) => Number.isInteger(value) && value >= 1 && value <= 5;

export interface Cell {
  likelihood: number;
  impact: number;
  level: Level;
  count: number;
}

/**
 * The grid as it is drawn: rows from likelihood 5 (top) to 1, columns from impact 1 to 5. Cells
 * the server did not send count zero, so the grid is always whole.
 */
export function heatmapRows<C extends Cell>(cells: readonly C[]): Cell[][] {
  return [5, 4, 3, 2, 1].map((likelihood) =>
    SCALE.map((impact) => {
      const cell = cells.find((c) => c.likelihood === likelihood && c.impact === impact);
      return {
        likelihood,
        impact,
        level: cell?.level ?? levelOf(likelihood, impact),
        count: cell?.count ?? 0,
      };
    }),
  );
}

export interface Scored {
  title: string;
  likelihood: number;
  impact: number;
  score: number;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  residualScore: number;
}

export type HeatmapKind = 'INHERENT' | 'RESIDUAL';

/** Where a risk sits on the heatmap of the given kind (residual falls back to inherent). */
export function positionOf(risk: Scored, kind: HeatmapKind) {
  return kind === 'RESIDUAL'
    ? {
        likelihood: risk.residualLikelihood ?? risk.likelihood,
        impact: risk.residualImpact ?? risk.impact,
      }
    : { likelihood: risk.likelihood, impact: risk.impact };
}

export type SortKey = 'score' | 'residualScore' | 'title';
export type SortDirection = 'ascending' | 'descending';

/** A sorted copy; ties keep a stable order by title, then by the original order. */
export function sortRisks<R extends Scored>(
  risks: readonly R[],
  key: SortKey,
  direction: SortDirection,
): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return risks
    .map((risk, index) => ({ risk, index }))
    .sort((a, b) => {
      const primary =
        key === 'title' ? a.risk.title.localeCompare(b.risk.title) : a.risk[key] - b.risk[key];
      if (primary !== 0) return primary * sign;
      return a.risk.title.localeCompare(b.risk.title) || a.index - b.index;
    })
    .map(({ risk }) => risk);
}

/** Risks in one heatmap cell, or all of them when no cell is chosen. */
export function inCell<R extends Scored>(
  risks: readonly R[],
  kind: HeatmapKind,
  cell: { likelihood: number; impact: number } | null,
): R[] {
  if (!cell) return [...risks];
  return risks.filter((risk) => {
    const position = positionOf(risk, kind);
    return position.likelihood === cell.likelihood && position.impact === cell.impact;
  });
}

/** Today in the viewer's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Thread ids from pasted links (…/t/<id>) or bare ids, one per line or separated by spaces. */
export function threadIdsFrom(text: string): string[] {
  const ids = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/**
 * Evidence pasted as links or ids, one per line: library links (…/resources/<id>) are
 * resources, everything else names a discussion thread.
 */
export function evidenceFrom(text: string): { threadIds: string[]; resourceIds: string[] } {
  const tokens = text.split(/\s+/).filter(Boolean);
  const resources = tokens.filter((token) => /\/resources\//i.test(token));
  const threads = tokens.filter((token) => !/\/resources\//i.test(token));
  return {
    threadIds: threadIdsFrom(threads.join(' ')),
    resourceIds: threadIdsFrom(resources.join(' ')),
  };
}

/** Tokens the text keeps that are not ids, so a typo is caught before sending. */
export function strayEvidence(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .filter((token) => threadIdsFrom(token).length === 0);
}

/** Share of a total as a whole percentage (0 for an empty total). */
export const percent = (part: number, total: number) =>
  total > 0 ? Math.round((part / total) * 100) : 0;
