import type { IncidentStatus } from '../../../contracts/incidents';

/**
 * Where an incident may go from each status. Forward along investigating → mitigated → resolved → postmortem → closed,
 * skipping mitigated is fine (fixed outright), and a relapse goes back to investigating until the postmortem starts.
 */
const transitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: ['mitigated', 'resolved'],
  mitigated: ['investigating', 'resolved'],
  resolved: ['investigating', 'postmortem'],
  postmortem: ['closed'],
  closed: [],
};

export function allowedTransitions(from: IncidentStatus): readonly IncidentStatus[] {
  return transitions[from];
}

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return transitions[from].includes(to);
}

export function isIncidentOpen(status: IncidentStatus): boolean {
  return status === 'investigating' || status === 'mitigated';
}

/** Likelihood (1–5) × impact (1–5). */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** low ≤ 4, medium ≤ 9, high ≤ 16, critical above. */
export function riskLevel(score: number): 'low' | 'medium' | 'high' | 'critical' {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

/** A review is overdue once its date (YYYY-MM-DD) is before today (YYYY-MM-DD, in the company's calendar). */
export function isReviewOverdue(nextReviewDate: string, today: string): boolean {
  return nextReviewDate < today;
}

/**
 * GMV at risk, in fen: the session's GMV per live minute so far × the minutes affected, rounded to a fen.
 * Null when either is unknown or the session has no live minutes yet.
 */
export function suggestGmvAtRisk(sessionGmvFen: number | null, liveMinutes: number, minutesAffected: number | null): number | null {
  if (sessionGmvFen === null || minutesAffected === null || liveMinutes <= 0) return null;
  return Math.round((sessionGmvFen / liveMinutes) * minutesAffected);
}

/** The 5×5 heat map: counts[likelihood-1][impact-1]. */
export function heatCounts(risks: readonly { likelihood: number; impact: number }[]): number[][] {
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const r of risks) grid[r.likelihood - 1]![r.impact - 1]! += 1;
  return grid;
}
