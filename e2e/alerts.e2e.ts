import { describe, expect, it } from 'vitest';
import type { AlertView } from '../contracts/alerts';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { apiAs, browserSuite, DEMO_OWNER, eventually, settledShot, signIn, textOf, liveSessionInFreeRoom } from './support';

// Alerts end to end: the demo owner opens a session covering now in a demo room and its live monitor; viewer counts
// posted through the ingestion API fall by more than half within a few minutes → a viewer-drop alert appears in the
// monitor's alert panel (pushed over the socket) → acknowledged there → resolved with a note on /alerts, whose drawer
// shows the numbers and who did what. Screenshots: e2e/screenshots/alerts-NN-*.png, zh-CN and en-US.


const suite = browserSuite('alerts-', { serverArgs: ['--demo'] });

describe('alerts', () => {
  it('a viewer drop raises an alert on the monitor, acknowledged there and resolved on the alerts page', async () => {
    await signIn(suite.page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(suite.page);

    const now = Date.now();
    const live = await liveSessionInFreeRoom(suite.page, 'E2E 告警 alerts', 'e2e alerts');
    const ingest = async (items: unknown[]) => {
      const res = await suite.page.request.post(`/api/v1/ingest/events/${live.roomId}`, { headers: { authorization: `Bearer ${live.token}`, 'content-type': 'application/json' }, data: items });
      expect(res.status(), await res.text()).toBe(200);
    };
    const minute = (ago: number) => new Date(Math.floor(now / 60_000) * 60_000 - ago * 60_000 + 30_000).toISOString();

    const panel = suite.page.getByTestId('live-alert-panel');
    expect(await textOf(panel)).toContain(zhCN['alerts.panel.empty']);

    // A steady audience, then more than half of it gone.
    await ingest([
      { kind: 'viewer_count', id: 'e2e-v1', at: minute(4), count: 2400 },
      { kind: 'viewer_count', id: 'e2e-v2', at: minute(3), count: 2600 },
      { kind: 'comment', id: 'e2e-c1', at: minute(3), text: '来了来了', user: { id: 'e2e-u1', name: '小雨' } },
      { kind: 'viewer_count', id: 'e2e-v3', at: minute(2), count: 2500 },
    ]);
    await ingest([{ kind: 'viewer_count', id: 'e2e-v4', at: minute(1), count: 900 }]);

    const item = panel.locator('[data-testid="live-alert"]');
    await eventually(async () => expect(await item.count()).toBe(1));
    expect(await item.getAttribute('data-status')).toBe('open');
    expect(await textOf(item)).toContain('在线人数骤降');
    expect(await textOf(item)).toContain('2600 → 900');
    const alertId = (await item.getAttribute('data-alert-id'))!;
    await settledShot(suite.page, 'alerts-01-monitor-open-zh');

    // Acknowledge on the monitor: the push updates the panel.
    await suite.page.getByTestId(`alert-ack-${alertId}`).click();
    await eventually(async () => expect(await item.getAttribute('data-status')).toBe('acknowledged'));
    const acked = await api.json<AlertView>(`/alerts/${alertId}`);
    expect(acked).toMatchObject({ status: 'acknowledged', kind: 'viewer_drop', severity: 'critical' });
    expect(acked.acknowledgedBy).toBeTruthy();

    // The alerts page lists it; the drawer has the numbers and who acknowledged it.
    await suite.page.goto('/alerts');
    const row = suite.page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
    await row.waitFor();
    expect(await textOf(row.getByTestId('alert-count'))).toBe('1');
    await settledShot(suite.page, 'alerts-02-list-zh');
    await row.click();
    const drawer = suite.page.getByTestId('alert-detail');
    await drawer.waitFor();
    const metrics = await textOf(drawer.getByTestId('alert-metrics'));
    expect(metrics).toContain(zhCN['alerts.metric.peak']);
    expect(metrics).toContain('2,600');
    expect(await textOf(drawer.getByTestId('alert-history'))).toContain(zhCN['alerts.detail.ackBy'].replace('{who}', acked.acknowledgedBy!));
    await settledShot(suite.page, 'alerts-03-detail-zh');

    // Resolve with a note, in English (the drawer closed while the language changes, then opened again).
    await suite.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await suite.page.getByTestId('lang-switch').click();
    await suite.page.locator('[data-testid="lang-switch"][data-locale="en-US"]').waitFor();
    await row.click();
    await eventually(async () => expect(await textOf(drawer)).toContain(enUS['alerts.metric.peak']));
    await drawer.getByTestId(`alert-resolve-${alertId}`).click();
    await suite.page.getByTestId('alert-resolve-note').fill('Encoder restarted; audience back');
    await suite.page.getByTestId('alert-resolve-confirm').click();
    await eventually(async () => expect(await textOf(drawer.getByTestId('alert-status'))).toBe(enUS['alerts.status.resolved']));
    expect(await textOf(drawer.getByTestId('alert-history'))).toContain('Encoder restarted');
    await settledShot(suite.page, 'alerts-04-resolved-en');
    const resolved = await api.json<AlertView>(`/alerts/${alertId}`);
    expect(resolved).toMatchObject({ status: 'resolved', detail: { resolveNote: 'Encoder restarted; audience back' } });
    expect(resolved.resolvedAt).toBeTruthy();

    // Off the active list; the thresholds form opens for the room.
    await suite.page.keyboard.press('Escape');
    await eventually(async () => expect(await row.count()).toBe(0));
    await suite.page.getByTestId('alert-rules-open').click();
    await suite.page.getByTestId('alert-rules-room').waitFor();
    await eventually(async () => expect(await textOf(suite.page.locator('.ant-modal').filter({ has: suite.page.getByTestId('alert-rules-room') }))).toContain(enUS['alerts.rulesForm.defaults']));
    await settledShot(suite.page, 'alerts-05-thresholds-en');

    // And the monitor's panel is empty again.
    await suite.page.keyboard.press('Escape');
    await suite.page.goto(`/sessions/${live.sessionId}/live`);
    await suite.page.locator('[data-testid="live-monitor"][data-ready="true"]').waitFor();
    await eventually(async () => expect(await textOf(suite.page.getByTestId('live-alert-panel'))).toContain(enUS['alerts.panel.empty']));
    await settledShot(suite.page, 'alerts-06-monitor-clear-en');
  });
});
