import { describe, expect, it } from 'vitest';
import type { AlertView } from '../contracts/alerts';
import type { IncidentDetail } from '../contracts/incidents';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { simulate } from '../scripts/simulate';
import { afterResponse,
  clickForResponse, apiAs, browserSuite, DEMO_OWNER, eventually, pickOption, settledShot, signIn, textOf, liveSessionInFreeRoom } from './support';

// The opinion path end to end: the simulator plays a show into a free demo room and, after a count of events, the
// audience turns (complaints about quality, fakes, refunds, shipping) → the opinion-surge alert appears in the live
// monitor's alert panel → opened on the alerts page, an incident is started from it with the "negative opinion surge"
// playbook → its steps ticked → resolved → postmortem written (root cause, impact, an action item with owner and due
// date). Screenshots: e2e/screenshots/opinion-NN-*.png, the flow in zh-CN, the monitor and the incident again in en-US.


const suite = browserSuite('opinion-', { serverArgs: ['--demo'] });

describe('opinion surge', () => {
  it('a simulated negative surge raises an alert on the monitor, handled as an incident with its playbook', async () => {
    await signIn(suite.page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(suite.page);

    const now = Date.now();
    const live = await liveSessionInFreeRoom(suite.page, 'E2E 舆情 opinion', 'e2e opinion simulator');

    const panel = suite.page.getByTestId('live-alert-panel');
    expect(await textOf(panel)).toContain(zhCN['alerts.panel.empty']);

    // A normal opening, then the audience turns: 400 events, complaints from the 60th on (the rule's defaults: at
    // least 20 comments in a minute, a negative share of 30% and twice the room's baseline).
    const log: string[] = [];
    const stats = await simulate({ room: live.roomId, rate: 100, format: 'custom', url: suite.server.url, token: live.token, events: 400, batch: 25, seed: 20261127, surge: { afterEvents: 60 }, log: (l) => log.push(l) });
    expect(log.filter((l) => l.startsWith('HTTP') || l.startsWith('request failed'))).toEqual([]);
    expect(stats.failures).toBe(0);

    // The alert is pushed to the monitor's panel (other alerts, e.g. compliance, may be there too).
    const item = panel.locator('[data-testid="live-alert"]').filter({ hasText: '负面舆情激增' });
    await eventually(async () => expect(await item.count()).toBe(1));
    const alertId = (await item.getAttribute('data-alert-id'))!;
    const alert = await api.json<AlertView>(`/alerts/${alertId}`);
    expect(alert).toMatchObject({ kind: 'sentiment_surge', status: 'open', sessionId: live.sessionId });
    expect(alert.title.zh).toContain('负面舆情激增');
    expect(alert.detail.themes?.length).toBeGreaterThan(0);
    expect(alert.detail.themes!.map((x) => x.theme)).toContain('quality');
    expect(alert.detail.examples?.length).toBeGreaterThan(0);
    await settledShot(suite.page, 'opinion-01-monitor-alert-zh');

    // The panel's link opens it on the alerts page: the drawer shows the themes and the example comments.
    await item.locator(`a[href="/alerts?alert=${alertId}"]`).click();
    const drawer = suite.page.getByTestId('alert-detail');
    await drawer.waitFor();
    expect(await textOf(drawer.getByTestId('alert-themes'))).toContain(zhCN['alerts.theme.quality']);
    expect(await textOf(drawer)).toContain(alert.detail.examples![0]!.text);
    await settledShot(suite.page, 'opinion-02-alert-drawer-zh');

    // An incident from it, with the negative-opinion-surge playbook.
    await suite.page.getByTestId(`open-incident-${alertId}`).click();
    const form = suite.page.getByTestId('incident-open-form');
    await form.waitFor();
    await pickOption(suite.page, suite.page.getByTestId('incident-playbook'), '负面舆情爆发');
    await settledShot(suite.page, 'opinion-03-open-incident-zh');
    const res = await clickForResponse(suite.page, 'POST', '/api/v1/incidents', suite.page.getByTestId('incident-open-submit'));
    expect(res.status(), await res.text()).toBe(201);
    const incidentId = ((await res.json()) as IncidentDetail).id;
    await suite.page.waitForURL(`**/incidents/${incidentId}`);
    await suite.page.getByTestId('incident-checklist').waitFor();
    let incident = await api.json<IncidentDetail>(`/incidents/${incidentId}`);
    expect(incident.alertIds).toContain(alertId);
    expect(incident.timeline.some((e) => e.kind === 'alert' && e.textZh.includes('负面舆情激增'))).toBe(true);
    const steps = incident.steps.length;
    expect(steps).toBeGreaterThan(2);

    // Every step ticked.
    const me = (await api.json<{ user: { displayName: string } }>('/auth/me')).user.displayName;
    for (let ord = 1; ord <= steps; ord++) {
      await afterResponse(suite.page, 'POST', /\/steps\/.+\/tick$/, () => suite.page.getByTestId(`step-${ord}`).locator('input[type="checkbox"]').click());
      await eventually(async () => expect(await textOf(suite.page.getByTestId(`step-${ord}`))).toContain(me));
    }
    expect(await textOf(suite.page.getByTestId('incident-timeline'))).toContain(`完成步骤 ${steps}`);
    expect(await textOf(suite.page.getByTestId('incident-timeline'))).toContain('负面舆情激增');
    await settledShot(suite.page, 'opinion-04-steps-ticked-zh');

    // Resolved, then the postmortem.
    await clickForResponse(suite.page, 'POST', `/api/v1/incidents/${incidentId}/status`, suite.page.getByTestId('incident-action-resolved'));
    await eventually(async () => expect(await textOf(suite.page.getByTestId('incident-status'))).toBe(zhCN['status.resolved']));
    const people = (await api.json<{ items: { id: string; displayName: string }[] }>(`/people?teamId=${incident.teamId}&status=active`)).items;
    expect(people.length).toBeGreaterThan(0);
    const owner = people[0]!;
    await suite.page.getByTestId('pm-root-cause').fill('一批精华液在仓库受热变质，发出后买家集中投诉质量并要求退款');
    await suite.page.getByTestId('pm-impact').fill('直播间负面评论集中爆发约 15 分钟，转化下降');
    await suite.page.getByTestId('pm-minutes').fill('15');
    await suite.page.getByTestId('pm-gmv').fill('12000');
    await suite.page.getByTestId('pm-add-item').click();
    await suite.page.getByTestId('pm-item-title-0').fill('仓库加装温控并抽检在库批次');
    await pickOption(suite.page, suite.page.getByTestId('pm-item-owner-0'), owner.displayName);
    await suite.page.getByTestId('pm-item-due-0').fill('2030-01-15');
    const saved = await clickForResponse(suite.page, 'PUT', `/api/v1/incidents/${incidentId}/postmortem`, suite.page.getByTestId('pm-save'));
    expect(saved.status(), await saved.text()).toBe(200);
    await settledShot(suite.page, 'opinion-05-postmortem-zh');

    // Read back.
    incident = await api.json<IncidentDetail>(`/incidents/${incidentId}`);
    expect(incident.status).toBe('resolved');
    expect(incident.steps.every((s) => s.doneAt && s.doneByName)).toBe(true);
    expect(incident.postmortem).toMatchObject({ rootCause: expect.stringContaining('受热变质'), minutesAffected: 15 });
    expect(incident.postmortem.actionItems).toEqual([expect.objectContaining({ title: '仓库加装温控并抽检在库批次', ownerName: owner.displayName, dueDate: '2030-01-15' })]);
    const kinds = incident.timeline.map((e) => e.kind);
    expect(kinds).toContain('alert');
    expect(kinds.filter((k) => k === 'step').length).toBe(steps);
    expect(kinds).toContain('status');

    // In English: the incident page, then the monitor.
    await suite.page.getByTestId('lang-switch').click();
    await suite.page.locator('[data-testid="lang-switch"][data-locale="en-US"]').waitFor();
    await eventually(async () => expect(await textOf(suite.page.getByTestId('incident-status'))).toBe(enUS['status.resolved']));
    expect(await textOf(suite.page.getByTestId('incident-timeline'))).toContain('Negative opinion surge');
    await settledShot(suite.page, 'opinion-06-incident-en');
    await suite.page.goto(`/sessions/${live.sessionId}/live`);
    await suite.page.locator('[data-testid="live-monitor"][data-ready="true"]').waitFor();
    await eventually(async () => expect(await textOf(suite.page.getByTestId('live-alert-panel'))).toContain('Negative opinion surge'));
    await settledShot(suite.page, 'opinion-07-monitor-en');
  });
});
