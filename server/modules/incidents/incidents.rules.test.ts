import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../../../contracts/incidents';
import { canTransition, heatCounts, isReviewOverdue, riskLevel, riskScore, suggestGmvAtRisk } from './incidents.rules';

describe('status transitions', () => {
  const cases: [IncidentStatus, IncidentStatus, boolean][] = [
    ['investigating', 'mitigated', true],
    ['investigating', 'resolved', true],
    ['investigating', 'postmortem', false],
    ['investigating', 'closed', false],
    ['mitigated', 'investigating', true],
    ['mitigated', 'resolved', true],
    ['mitigated', 'closed', false],
    ['resolved', 'postmortem', true],
    ['resolved', 'investigating', true],
    ['resolved', 'closed', false],
    ['postmortem', 'closed', true],
    ['postmortem', 'investigating', false],
    ['closed', 'investigating', false],
    ['closed', 'postmortem', false],
    ['investigating', 'investigating', false],
  ];
  it.each(cases)('%s → %s: %s', (from, to, ok) => expect(canTransition(from, to)).toBe(ok));
});

describe('risk score and level', () => {
  const cases: [number, number, number, string][] = [
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ];
  it.each(cases)('%i × %i = %i (%s)', (l, i, score, level) => {
    expect(riskScore(l, i)).toBe(score);
    expect(riskLevel(score)).toBe(level);
  });
});

describe('review overdue', () => {
  const cases: [string, string, boolean][] = [
    ['2026-11-26', '2026-11-27', true],
    ['2026-11-27', '2026-11-27', false],
    ['2026-12-01', '2026-11-27', false],
    ['2025-12-31', '2026-01-01', true],
  ];
  it.each(cases)('review %s, today %s: overdue %s', (date, today, overdue) => expect(isReviewOverdue(date, today)).toBe(overdue));
});

describe('GMV at risk suggestion', () => {
  const cases: [number | null, number, number | null, number | null][] = [
    [600_000, 60, 10, 100_000],
    [100, 3, 1, 33],
    [null, 60, 10, null],
    [600_000, 0, 10, null],
    [600_000, 60, null, null],
    [600_000, 60, 0, 0],
  ];
  it.each(cases)('gmv %s over %i minutes, %s affected → %s', (gmv, live, affected, out) => expect(suggestGmvAtRisk(gmv, live, affected)).toBe(out));
});

describe('heat map counts', () => {
  it('counts risks per likelihood × impact cell', () => {
    const g = heatCounts([{ likelihood: 1, impact: 1 }, { likelihood: 5, impact: 3 }, { likelihood: 5, impact: 3 }]);
    expect(g[0]![0]).toBe(1);
    expect(g[4]![2]).toBe(2);
    expect(g.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });
});
