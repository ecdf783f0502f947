import { describe, expect, it } from 'vitest';
import type { LiveComment, LiveDelta, LiveMinute, LiveSnapshot } from '../../../contracts/live';
import type { SessionSummary } from '../../../contracts/ingest';
import { applyLiveMessage, type MonitorState } from './live-state';

const minute = (m: string, comments: number): LiveMinute => ({ minute: m, viewers: 100, comments, commenters: 1, likes: 0, gifts: 0, giftValueFen: 0, orders: 0, gmvFen: 0, positive: 0, neutral: 0, negative: 0 });
const line = (id: string, text: string, findings: LiveComment['findings'] = []): LiveComment => ({ id, kind: 'comment', at: '2026-12-01T11:00:01.000Z', userName: 'a', text, findings });
const summary = { sessionId: 's1', gmvFen: 0 } as SessionSummary;
const snapshot: LiveSnapshot = {
  type: 'snapshot',
  session: { id: 's1', title: 'x', roomName: 'r', status: 'live', plannedStart: '2026-12-01T11:00:00.000Z', plannedEnd: '2026-12-01T15:00:00.000Z', timeZone: 'Asia/Shanghai' },
  minutes: [minute('2026-12-01T11:00:00.000Z', 3)],
  summary,
  comments: [line('1', '多少钱')],
  flagged: [],
  slots: [],
  startedAt: '2026-12-01T11:00:00.000Z',
  serverTime: '2026-12-01T11:00:10.000Z',
};
const empty: MonitorState = { snapshot: null, minutes: [], comments: [], flagged: [], clockOffset: 0 };

describe('applyLiveMessage', () => {
  it('starts from a snapshot and measures the clock offset', () => {
    const s = applyLiveMessage(empty, snapshot, Date.parse('2026-12-01T11:00:08.000Z'));
    expect(s.clockOffset).toBe(2000);
    expect(s.comments).toHaveLength(1);
  });

  it('replaces changed minutes, appends new comments once and keeps minutes in order', () => {
    const s0 = applyLiveMessage(empty, snapshot);
    const delta: LiveDelta = {
      type: 'delta',
      sessionId: 's1',
      status: 'ended',
      minutes: [minute('2026-12-01T11:01:00.000Z', 5), minute('2026-12-01T11:00:00.000Z', 4)],
      comments: [line('1', '多少钱'), line('2', '已拍')],
      flagged: [],
      summary: { ...summary, gmvFen: 100 },
      startedAt: '2026-12-01T11:00:01.000Z',
    };
    const s1 = applyLiveMessage(s0, delta);
    expect(s1.minutes.map((m) => [m.minute.slice(11, 16), m.comments])).toEqual([['11:00', 4], ['11:01', 5]]);
    expect(s1.comments.map((c) => c.id)).toEqual(['1', '2']);
    expect(s1.snapshot?.session.status).toBe('ended');
    expect(s1.snapshot?.summary.gmvFen).toBe(100);
    // lines with findings collect apart from the scrolling feed, each once
    const hit = line('3', '加薇信', [{ rule: 'live.diversion.keyword', category: 'diversion', severity: 'block', term: '微信', start: 1, end: 3 }]);
    const s2 = applyLiveMessage(applyLiveMessage(s1, { ...delta, comments: [hit], flagged: [hit] }), { ...delta, comments: [], flagged: [hit] });
    expect(s2.flagged.map((c) => c.id)).toEqual(['3']);
    expect(s2.comments.map((c) => c.id)).toEqual(['1', '2', '3']);
    // a delta for another session is ignored
    expect(applyLiveMessage(s1, { ...delta, sessionId: 's2' })).toBe(s1);
  });
});
