import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../contracts/ingest';
import type { SessionView } from '../contracts/planning';
import { simulate, type SimulateStats } from '../scripts/simulate';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { apiAs, browserSuite, DEMO_OWNER, eventually, settledShot, signIn, textOf } from './support';

// The live monitor while a show is playing: the demo owner makes an ingest+read token and a session covering now in a
// demo room, opens /sessions/<id>/live, and the simulator (scripts/simulate.ts, in-process) plays a custom-format show
// into the room through the real ingestion API. The page's feed, viewer count and comment total move; the summary API
// agrees; the wall (/live) shows the session's card. Screenshots: e2e/screenshots/live-NN-*.png.

const SIM_EVENTS = 250;

const suite = browserSuite('live-', { serverArgs: ['--demo'] });

/** A number as the page prints it ("1,234"); NaN for "—". */
const num = (s: string) => (/\d/.test(s) ? Number(s.replace(/[^0-9.-]/g, '')) : NaN);

describe('live monitor', () => {
  it('updates while the simulator plays a show, and the wall shows the session', async () => {
    await signIn(suite.page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(suite.page);

    // A session in a demo room that has nothing else planned around now.
    const now = Date.now();
    const plannedStart = new Date(now - 5 * 60_000).toISOString();
    const plannedEnd = new Date(now + 60 * 60_000).toISOString();
    const rooms = (await api.json<{ items: { id: string; displayName: string }[] }>('/rooms')).items;
    expect(rooms.length).toBeGreaterThan(0);
    let session: SessionView | undefined;
    const refused: string[] = [];
    for (const room of rooms) {
      const res = await api.post<SessionView & { error?: { code: string; details?: { violations?: { code: string; severity: string }[] } } }>('/sessions', {
        roomId: room.id,
        title: 'E2E 直播监控 live monitor',
        plannedStart,
        plannedEnd,
      });
      if (res.status === 201) {
        session = res.body;
        break;
      }
      // Another show in this room at this time (room-overlap) or another blocking rule: try the next room.
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      refused.push(`${room.displayName}: ${(res.body.error?.details?.violations ?? []).map((v) => v.code).join(',')}`);
    }
    if (!session) throw new Error(`no demo room is free now: ${refused.join('; ')}`);
    const roomId = session.roomId;

    const created = await api.post<{ token: string; apiToken: { scopes: string[] } }>('/tokens', { name: 'e2e live simulator', roomId, scopes: ['ingest', 'read'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.apiToken.scopes.sort()).toEqual(['ingest', 'read']);
    const token = created.body.token;

    // The monitor, before any event.
    await suite.page.goto(`/sessions/${session.id}/live`);
    const monitor = suite.page.getByTestId('live-monitor');
    await monitor.and(suite.page.locator('[data-ready="true"]')).waitFor();
    await suite.page.locator('[data-testid="live-connection"][data-status="open"]').waitFor();
    const viewersValue = suite.page.getByTestId('live-viewers').locator('.ant-statistic-content-value');
    const initialViewers = await textOf(viewersValue);
    const feedItems = suite.page.getByTestId('live-feed').locator('[data-testid="live-feed-item"]');
    const initialFeed = await feedItems.count();
    expect(initialFeed).toBe(0);
    // The comment total is the secondary line under the comments-per-minute statistic.
    const commentTotal = suite.page.locator('.ant-card', { has: suite.page.getByTestId('live-cpm') }).locator('.ant-typography-secondary');
    expect(num(await textOf(commentTotal))).toBe(0);

    // Play a show into the room: custom format, 250 events at 50 a second.
    const log: string[] = [];
    let simEndedAt: number | undefined;
    const run: Promise<SimulateStats> = simulate({ room: roomId, rate: 50, format: 'custom', url: suite.server.url, token, events: SIM_EVENTS, batch: 13, seed: 20261127, log: (l) => log.push(l) }).finally(() => {
      simEndedAt = Date.now();
    });
    let stats: SimulateStats;
    try {
      // While it runs, the page moves: comments arrive in the feed and the viewer count turns into a positive number.
      await eventually(async () => expect(await feedItems.count()).toBeGreaterThan(initialFeed));
      await eventually(async () => {
        const shown = await textOf(viewersValue);
        expect(shown).not.toBe(initialViewers);
        expect(num(shown)).toBeGreaterThan(0);
      });
      await eventually(async () => expect(num(await textOf(commentTotal))).toBeGreaterThan(0));
      expect(simEndedAt, 'the page should update during the run, not only after it').toBeUndefined();
    } finally {
      // Let the run finish either way (it would otherwise keep posting into a stopped server).
      stats = await run;
    }
    expect(log.filter((l) => l.startsWith('HTTP') || l.startsWith('request failed'))).toEqual([]);
    expect(stats.failures).toBe(0);
    expect(stats.accepted).toBeGreaterThan(100);

    // The summary agrees with the page once the last push has arrived.
    const summary = await api.json<SessionSummary>(`/sessions/${session.id}/summary`);
    expect(summary.counts.comment).toBeGreaterThan(0);
    expect(summary.peakViewers).toBeGreaterThan(0);
    await eventually(async () => expect(num(await textOf(commentTotal))).toBe(summary.counts.comment));
    const feedShown = await feedItems.count();
    expect(feedShown).toBeGreaterThan(0);
    // Every comment and host line reached the page through the pushes (the page keeps the newest 200).
    expect(feedShown).toBe(Math.min(200, summary.counts.comment + summary.counts.transcript));
    const viewersShown = num(await textOf(viewersValue));
    expect(viewersShown).toBeGreaterThan(0);
    expect(viewersShown).toBeLessThanOrEqual(summary.peakViewers!);
    // The token's read scope reads the same summary.
    const viaToken = await suite.page.request.get(`/api/v1/sessions/${session.id}/summary`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.status()).toBe(200);
    expect(((await viaToken.json()) as SessionSummary).counts.comment).toBe(summary.counts.comment);
    for (const part of ['live-comments-chart', 'live-current-slot', 'live-alerts']) await suite.page.getByTestId(part).waitFor();

    // Compliance: the scanner reads every comment and host line as it arrives. A viewer posts a WeChat id through
    // look-alikes and noise, and the host says something that breaks the Advertising Law: both are on the monitor,
    // highlighted exactly, the host's with the red alert, and the owner (an operations manager) has a notification.
    const unreadBefore = Number(await suite.page.getByTestId('notifications-bell').getAttribute('data-unread'));
    const posted = await suite.page.request.post(`/api/v1/ingest/events/${roomId}`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      data: [
        { kind: 'comment', id: 'e2e-divert-1', at: new Date().toISOString(), text: '主播好，加我薇 信 abc12345 私聊', user: { id: 'e2e-viewer', name: '路人甲' } },
        { kind: 'transcript', id: 'e2e-slip-1', at: new Date().toISOString(), text: '姐妹们这款面霜保证有效，全网最低价' },
      ],
    });
    expect(posted.status()).toBe(200);
    const alert = suite.page.getByTestId('live-speech-alert');
    await eventually(async () => expect(await textOf(alert)).toContain('保证有效'));
    const slipLine = suite.page.getByTestId('live-feed').locator('[data-testid="live-feed-item"][data-kind="transcript"][data-flagged="true"]', { hasText: '面霜保证有效' });
    await slipLine.waitFor();
    // Overlapping findings (全网最低, 最低 and the price claim 全网最低价) are cut into marks that together cover them.
    const slipMarks = (await slipLine.locator('[data-testid="highlight-mark"]').allTextContents()).join('');
    expect(slipMarks).toBe('保证有效全网最低价');
    expect(await slipLine.locator('[data-testid="highlight-mark"][data-severity="block"]').count()).toBeGreaterThan(0);
    const divertLine = suite.page.getByTestId('live-feed').locator('[data-testid="live-feed-item"][data-kind="comment"][data-flagged="true"]', { hasText: '主播好，加我' });
    expect((await divertLine.locator('[data-testid="highlight-mark"]').allTextContents()).join('')).toBe('加我薇 信 abc12345');
    await eventually(async () => expect(Number(await suite.page.getByTestId('notifications-bell').getAttribute('data-unread'))).toBeGreaterThan(unreadBefore));

    // What the panel lists is what was stored: every flagged line (simulated problem comments and host slips included)
    // is a line with stored findings, and every highlighted span lies within a stored finding of that line.
    const stored = await api.json<{ items: { eventId: number; text: string; start: number; end: number }[] }>(
      `/compliance/findings?sessionId=${session.id}&limit=200&from=${encodeURIComponent(plannedStart)}`,
    );
    const storedLines = new Set(stored.items.map((f) => f.eventId));
    for (const line of await suite.page.getByTestId('live-flagged-item').all()) {
      const text = (await line.getByTestId('finding-text').textContent()) ?? '';
      const marks = line.locator('[data-testid="highlight-mark"]');
      expect(await marks.count()).toBeGreaterThan(0);
      for (const mark of await marks.all()) {
        const [start, end] = [Number(await mark.getAttribute('data-start')), Number(await mark.getAttribute('data-end'))];
        expect(text.slice(start, end)).toBe(await mark.textContent());
        expect(stored.items.some((f) => f.text === text && f.start <= start && end <= f.end), `"${text.slice(start, end)}" in "${text}" is a stored finding's`).toBe(true);
      }
    }
    expect(await suite.page.getByTestId('live-flagged-item').count()).toBe(storedLines.size);
    await settledShot(suite.page, 'live-01-monitor-zh');

    // The wall lists the (now live) session.
    await suite.page.goto('/live');
    const card = suite.page.getByTestId(`live-card-${session.id}`);
    await card.waitFor();
    expect(await textOf(card)).toContain('E2E 直播监控');
    expect(await textOf(suite.page.getByTestId('live-wall'))).toContain(zhCN['live.viewers']);
    await settledShot(suite.page, 'live-02-wall-zh');

    // Back to the monitor, in English.
    await card.click();
    await monitor.and(suite.page.locator('[data-ready="true"]')).waitFor();
    await suite.page.getByTestId('lang-switch').click();
    await suite.page.locator('[data-testid="lang-switch"][data-locale="en-US"]').waitFor();
    await eventually(async () => expect(await textOf(suite.page.getByTestId('live-viewers'))).toContain(enUS['live.viewers']));
    await eventually(async () => expect(num(await textOf(commentTotal))).toBe(summary.counts.comment + 1));
    // A fresh connection starts from the snapshot: the newest 50 lines, the flagged ones apart.
    expect(await feedItems.count()).toBe(Math.min(50, summary.counts.comment + summary.counts.transcript + 2));
    expect(await textOf(suite.page.getByTestId('live-speech-alert'))).toContain('Host speech violation');
    await settledShot(suite.page, 'live-03-monitor-en');
  });
});
