import type { NoticeSeverity } from '../../../contracts/channels';

/**
 * How severe an outbox message is, on the alerts' scale (info 0, warn 1, critical 2). Incidents' SEV1–SEV4 and
 * low/medium/high are placed on the same scale so a rule's minimum works for every kind; an unknown word counts as warn.
 */
export function severityRank(severity: string): number {
  switch (severity.toLowerCase()) {
    case 'info':
    case 'low':
    case 'sev4':
      return 0;
    case 'critical':
    case 'high':
    case 'sev1':
    case 'sev2':
      return 2;
    default:
      return 1;
  }
}

export interface RouteFilter {
  channelId: string;
  kind: string | null;
  minSeverity: NoticeSeverity | null;
  teamId: string | null;
  roomId: string | null;
}

export interface OutboxMessage {
  kind: string;
  severity: string;
  teamId: string | null;
  roomId: string | null;
}

/** A rule matches when every filter it sets matches; a rule without filters matches every message. */
export function routeMatches(route: RouteFilter, m: OutboxMessage): boolean {
  if (route.kind !== null && route.kind !== m.kind) return false;
  if (route.minSeverity !== null && severityRank(m.severity) < severityRank(route.minSeverity)) return false;
  if (route.teamId !== null && route.teamId !== m.teamId) return false;
  if (route.roomId !== null && route.roomId !== m.roomId) return false;
  return true;
}

/** The channels a message goes to: each channel once however many of its rules match. No rule, no channel. */
export function channelsFor(routes: readonly RouteFilter[], m: OutboxMessage): string[] {
  return [...new Set(routes.filter((r) => routeMatches(r, m)).map((r) => r.channelId))];
}

/**
 * Waits before each retry, in milliseconds: the first attempt goes at once, then five retries after 1 s, 5 s, 30 s, 2 min
 * and 10 min (about 13 minutes in all) before the delivery is given up as failed.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000];

/** When the next attempt is due after `attempts` failed ones, or null when the delivery has used them all. */
export function nextAttemptAt(attempts: number, now: Date, delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS): Date | null {
  const delay = delays[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** An address for display: the query values (keys, access tokens) masked, the path's long opaque segments too. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/([A-Za-z0-9_-]{16,})(?=\/|$)/g, (_w, seg: string) => `/${seg.slice(0, 4)}…`);
    const query = [...u.searchParams.keys()].map((k) => `${k}=…`).join('&');
    return `${u.protocol}//${u.host}${path}${query ? `?${query}` : ''}`;
  } catch {
    return '…';
  }
}
