import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, RiskView, TaskView } from '../contracts/incidents';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { afterResponse,
  clickForResponse, apiAs, clearShots, eventually, launchBrowser, motionShot, openPage, pickOption, signIn, startServer, type Locale, type RunningServer } from './support';

// The incidents path of the console, in both languages, against the demo company, as the beauty team's manager:
// start an incident from the opinion-surge playbook → tick steps → resolve → write the postmortem with an action item
// for oneself → find it in My tasks and tick it. Then the risk register's heat map, filtered by a click on a cell.
// Screenshots: e2e/screenshots/incidents-<locale>-NN-<step>.png.

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const DICT = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const MANAGER = { email: 'manager.beauty@demo.showrunner.dev', password: 'showrunner-demo' };

let browser: Browser;

beforeAll(async () => {
  clearShots('incidents-');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(LOCALES)('incidents in %s', (locale) => {
  const t = DICT[locale];
  const name = (step: string) => `incidents-${locale}-${step}`;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let myName: string;
  let incidentId: string;
  const title = locale === 'zh-CN' ? '色号不符引发负面评论' : 'Shade mismatch draws negative comments';
  const actionTitle = locale === 'zh-CN' ? '重拍全部色号的商品图' : 'Reshoot every shade’s product photos';

  beforeAll(async () => {
    server = await startServer(['--demo']);
    ({ context, page } = await openPage(browser, server, locale));
    await signIn(page, MANAGER.email, MANAGER.password);
    myName = (await apiAs(page).json<{ user: { displayName: string } }>('/auth/me')).user.displayName;
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('starts an incident from a playbook', async () => {
    await page.goto('/playbooks');
    await page.getByTestId('playbook-opinion_surge').waitFor();
    expect(await page.getByTestId('playbook-personal_data_leak').innerText()).toContain(locale === 'zh-CN' ? '个人信息泄露' : 'personal-data leak');
    await motionShot(page, name('01-playbooks'));
    await page.getByTestId('playbook-start-opinion_surge').click();
    const form = page.getByTestId('incident-open-form');
    await form.waitFor();
    await pickOption(page, page.getByTestId('incident-team'), locale === 'zh-CN' ? '美妆组' : '美妆组');
    await page.getByTestId('incident-title').fill(title);
    // The opinion-surge playbook defaults to SEV2; its definition is shown under the picker.
    expect(await page.getByTestId('incident-severity-definition').innerText()).toContain(locale === 'zh-CN' ? '负面舆情爆发' : 'an opinion surge');
    await motionShot(page, name('02-open-form'), { viewport: true });
    const res = await clickForResponse(page, 'POST', '/api/v1/incidents', page.getByTestId('incident-open-submit'));
    expect(res.status()).toBe(201);
    incidentId = ((await res.json()) as IncidentDetail).id;
    await page.waitForURL(`**/incidents/${incidentId}`);
    await page.getByTestId('incident-checklist').waitFor();
    expect(await page.getByTestId('incident-title-text').innerText()).toBe(title);
    expect(await page.getByTestId('incident-status').innerText()).toBe(t['status.investigating']);
  });

  it('ticks steps: who and when show on the checklist and in the timeline', async () => {
    for (const ord of [1, 2, 3]) {
      await afterResponse(page, 'POST', /\/steps\/.+\/tick$/, () => page.getByTestId(`step-${ord}`).locator('input[type="checkbox"]').click());
      await eventually(async () => expect(await page.getByTestId(`step-${ord}`).innerText()).toContain(myName));
    }
    const timeline = await page.getByTestId('incident-timeline').innerText();
    expect(timeline).toContain(locale === 'zh-CN' ? '完成步骤 3' : 'Done step 3');
    await page.getByTestId('incident-note').fill(locale === 'zh-CN' ? '主播已在直播间说明色号差异' : 'Host explained the shade difference on air');
    await clickForResponse(page, 'POST', `/api/v1/incidents/${incidentId}/notes`, page.getByTestId('incident-note-add'));
    await motionShot(page, name('03-steps-ticked'));
  });

  it('resolves and writes the postmortem with an action item', async () => {
    await clickForResponse(page, 'POST', `/api/v1/incidents/${incidentId}/status`, page.getByTestId('incident-action-resolved'));
    await eventually(async () => expect(await page.getByTestId('incident-status').innerText()).toBe(t['status.resolved']));
    await page.getByTestId('pm-root-cause').fill(locale === 'zh-CN' ? '商品图在暖光下拍摄，色号偏差明显' : 'Product photos shot under warm light; shades looked off');
    await page.getByTestId('pm-minutes').fill('20');
    await page.getByTestId('pm-add-item').click();
    await page.getByTestId('pm-item-title-0').fill(actionTitle);
    await pickOption(page, page.getByTestId('pm-item-owner-0'), myName);
    await page.getByTestId('pm-item-due-0').fill('2030-01-15');
    const res = await clickForResponse(page, 'PUT', `/api/v1/incidents/${incidentId}/postmortem`, page.getByTestId('pm-save'));
    expect(res.status()).toBe(200);
    expect(((await res.json()) as IncidentDetail).postmortem.actionItems).toEqual([expect.objectContaining({ title: actionTitle, ownerName: myName, dueDate: '2030-01-15', status: 'open' })]);
    await clickForResponse(page, 'POST', `/api/v1/incidents/${incidentId}/status`, page.getByTestId('incident-action-postmortem'));
    await eventually(async () => expect(await page.getByTestId('incident-status').innerText()).toBe(t['status.postmortem']));
    await motionShot(page, name('04-postmortem'));
  });

  it('finds the action item in My tasks and ticks it', async () => {
    await page.getByRole('menuitem', { name: t['nav.myTasks'] }).click();
    await page.getByTestId('my-tasks-page').waitFor();
    const tasks = (await apiAs(page).json<{ items: TaskView[] }>('/tasks?mine=1')).items;
    const task = tasks.find((x) => x.title === actionTitle)!;
    expect(task).toMatchObject({ sourceKind: 'incident_action', sourceId: incidentId, status: 'open' });
    const row = page.getByTestId(`task-${task.id}`);
    await row.waitFor();
    await motionShot(page, name('05-my-tasks'));
    await clickForResponse(page, 'PATCH', `/api/v1/tasks/${task.id}`, page.getByTestId(`task-toggle-${task.id}`));
    await eventually(async () => expect(await row.innerText()).toContain(t['tasks.done']));
  });

  it('shows the risk heat map and filters by a cell', async () => {
    await page.goto('/risks');
    const map = page.getByTestId('risk-heatmap');
    await map.waitFor();
    const risks = (await apiAs(page).json<{ items: RiskView[] }>('/risks')).items;
    expect(risks.some((r) => r.isReviewOverdue)).toBe(true);
    await eventually(async () => expect(await page.locator('[data-testid^="risk-overdue-"]').count()).toBeGreaterThan(0));
    await page.locator('[data-testid="risk-heatmap"] canvas').first().waitFor();
    await motionShot(page, name('06-risks'));
    // Likelihood 4 × impact 4: the cell's centre in the chart's grid (left 70, right 16, top 16, bottom 48; 300 px high).
    const box = (await map.boundingBox())!;
    const cellW = (box.width - 86) / 5;
    const cellH = (300 - 64) / 5;
    const expected = risks.filter((r) => r.likelihood === 4 && r.impact === 4);
    expect(expected.length).toBeGreaterThan(0);
    await page.mouse.click(box.x + 70 + cellW * 3.5, box.y + 16 + cellH * 1.5);
    await page.getByTestId('risk-filter').waitFor();
    await eventually(async () => expect(await page.locator('[data-testid="risk-table"] tbody tr.ant-table-row').count()).toBe(expected.length));
    expect(await page.getByTestId('risk-table').innerText()).toContain(expected[0]!.title);
    await motionShot(page, name('07-risks-filtered'));
  });
});
