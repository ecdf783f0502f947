import { describe, expect, it } from 'vitest';
import { channelsFor, DEFAULT_RETRY_DELAYS_MS, maskUrl, nextAttemptAt, routeMatches, severityRank, type RouteFilter } from './channels.rules';

const route = (over: Partial<RouteFilter> = {}): RouteFilter => ({ channelId: 'c1', kind: null, minSeverity: null, teamId: null, roomId: null, ...over });
const msg = { kind: 'alert', severity: 'warn', teamId: 't1', roomId: 'r1' };

describe('routeMatches', () => {
  it.each([
    ['no filters', route(), true],
    ['same kind', route({ kind: 'alert' }), true],
    ['other kind', route({ kind: 'incident' }), false],
    ['min info', route({ minSeverity: 'info' }), true],
    ['min warn', route({ minSeverity: 'warn' }), true],
    ['min critical', route({ minSeverity: 'critical' }), false],
    ['same team', route({ teamId: 't1' }), true],
    ['other team', route({ teamId: 't2' }), false],
    ['same room', route({ roomId: 'r1' }), true],
    ['other room', route({ roomId: 'r2' }), false],
    ['all match', route({ kind: 'alert', minSeverity: 'warn', teamId: 't1', roomId: 'r1' }), true],
  ] as const)('%s', (_n, r, expected) => {
    expect(routeMatches(r, msg)).toBe(expected);
  });
  it('a team filter never matches a company-wide message', () => {
    expect(routeMatches(route({ teamId: 't1' }), { ...msg, teamId: null })).toBe(false);
  });
});

describe('channelsFor', () => {
  it('no rules, no channels; a channel once however many rules match', () => {
    expect(channelsFor([], msg)).toEqual([]);
    expect(channelsFor([route(), route({ kind: 'alert' }), route({ channelId: 'c2', roomId: 'r9' }), route({ channelId: 'c3' })], msg)).toEqual(['c1', 'c3']);
  });
});

describe('severityRank', () => {
  it.each([['info', 0], ['warn', 1], ['critical', 2], ['SEV1', 2], ['sev3', 1], ['sev4', 0], ['weird', 1]] as const)('%s', (s, r) => expect(severityRank(s)).toBe(r));
});

describe('nextAttemptAt', () => {
  const now = new Date('2026-11-27T12:00:00.000Z');
  it('backs off 1 s, 5 s, 30 s, 2 min, 10 min, then gives up after the sixth attempt', () => {
    expect(DEFAULT_RETRY_DELAYS_MS).toEqual([1_000, 5_000, 30_000, 120_000, 600_000]);
    expect(nextAttemptAt(1, now)?.toISOString()).toBe('2026-11-27T12:00:01.000Z');
    expect(nextAttemptAt(2, now)?.toISOString()).toBe('2026-11-27T12:00:05.000Z');
    expect(nextAttemptAt(4, now)?.toISOString()).toBe('2026-11-27T12:02:00.000Z');
    expect(nextAttemptAt(5, now)?.toISOString()).toBe('2026-11-27T12:10:00.000Z');
    expect(nextAttemptAt(6, now)).toBeNull();
    expect(nextAttemptAt(1, now, [])).toBeNull();
  });
});

describe('maskUrl', () => {
  it.each([
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd', 'https://open.feishu.cn/open-apis/bot/v2/hook/5e3d…'],
    ['http://127.0.0.1:8080/in', 'http://127.0.0.1:8080/in'],
  ])('%s', (url, masked) => expect(maskUrl(url)).toBe(masked));
});
