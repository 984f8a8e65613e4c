import { describe, expect, it } from 'vitest';
import {
  heatmapRows,
  inCell,
  LEVEL_FROM,
  LEVEL_TO,
  levelOf,
  localToday,
  percent,
  sortRisks,
  strayEvidence,
  threadIdsFrom,
  evidenceFrom,
  type Scored,
} from './scoring';

const risk = (
  title: string,
  likelihood: number,
  impact: number,
  residual?: [number, number],
): Scored => ({
  title,
  likelihood,
  impact,
  score: likelihood * impact,
  residualLikelihood: residual?.[0] ?? null,
  residualImpact: residual?.[1] ?? null,
  residualScore: residual ? residual[0] * residual[1] : likelihood * impact,
});

describe('the 5×5 rule, as the server applies it', () => {
  it('gives the same level as the server for every score', () => {
    expect(levelOf(1, 4)).toBe('LOW');
    expect(levelOf(1, 5)).toBe('MEDIUM');
    expect(levelOf(3, 3)).toBe('MEDIUM');
    expect(levelOf(2, 5)).toBe('HIGH');
    expect(levelOf(4, 4)).toBe('HIGH');
    expect(levelOf(4, 5)).toBe('CRITICAL');
    expect(levelOf(5, 5)).toBe('CRITICAL');
  });

  it('has bands that cover every possible product of 1–5 once', () => {
    for (let l = 1; l <= 5; l += 1) {
      for (let i = 1; i <= 5; i += 1) {
        const level = levelOf(l, i);
        expect(l * i).toBeGreaterThanOrEqual(LEVEL_FROM[level]);
        expect(l * i).toBeLessThanOrEqual(LEVEL_TO[level]);
      }
    }
  });
});

describe('heatmap cells', () => {
  it('draws likelihood 5 at the top and impact 1 on the left, filling missing cells with zero', () => {
    const rows = heatmapRows([{ likelihood: 4, impact: 5, level: 'CRITICAL', count: 2 }]);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row[0]!.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]!.map((cell) => cell.impact)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]![4]).toEqual({ likelihood: 4, impact: 5, level: 'CRITICAL', count: 2 });
    expect(rows[4]![0]).toEqual({ likelihood: 1, impact: 1, level: 'LOW', count: 0 });
    expect(rows.flat().reduce((sum, cell) => sum + cell.count, 0)).toBe(2);
  });

  it('narrows risks to a cell of the inherent or residual map', () => {
    const risks = [risk('A', 5, 5, [2, 5]), risk('B', 4, 5), risk('C', 2, 5)];
    expect(inCell(risks, 'INHERENT', null).map((r) => r.title)).toEqual(['A', 'B', 'C']);
    expect(inCell(risks, 'INHERENT', { likelihood: 5, impact: 5 }).map((r) => r.title)).toEqual([
      'A',
    ]);
    expect(inCell(risks, 'RESIDUAL', { likelihood: 5, impact: 5 })).toEqual([]);
    expect(inCell(risks, 'RESIDUAL', { likelihood: 2, impact: 5 }).map((r) => r.title)).toEqual([
      'A',
      'C',
    ]);
  });
});

describe('sorting risks', () => {
  const risks = [risk('Bids', 2, 3), risk('Allocation', 5, 5, [2, 5]), risk('Audit', 4, 5)];

  it('by score, highest first or lowest first', () => {
    expect(sortRisks(risks, 'score', 'descending').map((r) => r.score)).toEqual([25, 20, 6]);
    expect(sortRisks(risks, 'score', 'ascending').map((r) => r.score)).toEqual([6, 20, 25]);
  });

  it('by residual score, ties by title', () => {
    expect(sortRisks(risks, 'residualScore', 'descending').map((r) => r.title)).toEqual([
      'Audit',
      'Allocation',
      'Bids',
    ]);
    const tied = [risk('B', 2, 2), risk('A', 1, 4)];
    expect(sortRisks(tied, 'score', 'descending').map((r) => r.title)).toEqual(['A', 'B']);
  });

  it('leaves the input as it was', () => {
    const before = risks.map((r) => r.title);
    sortRisks(risks, 'title', 'ascending');
    expect(risks.map((r) => r.title)).toEqual(before);
  });
});

describe('evidence and dates', () => {
  const id = '0b7c52c4-7f0e-4a57-9a43-2f1d1c7f6a10';

  it('reads thread ids from links or bare ids, once each', () => {
    expect(threadIdsFrom(`https://alany.kz/t/${id}\n${id.toUpperCase()}`)).toEqual([id]);
    expect(threadIdsFrom('')).toEqual([]);
    const other = '0b7d7f0e-2c3a-4c11-9a4e-7f5b2d1c9e88';
    expect(evidenceFrom(`https://alany.kz/t/${id}\nhttps://alany.kz/resources/${other}`)).toEqual({
      threadIds: [id],
      resourceIds: [other],
    });
    expect(strayEvidence(`https://alany.kz/t/${id} see-above`)).toEqual(['see-above']);
  });

  it('writes today in the local calendar and shares as whole percentages', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});
