import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskView } from '../contracts/incidents';
import type { SessionSuggestions, SuggestionView } from '../contracts/suggestions';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { afterResponse, apiAs, clearShots, eventually, launchBrowser, motionShot, openPage, pickOption, signIn, startServer, type Locale, type RunningServer } from './support';

// Suggestions end to end, in zh-CN and en-US against the demo company, as the beauty team's manager: a show in a free
// demo room with a ¥50,000 GMV goal is played through the ingestion API (5,000 viewers, three orders, two follows)
// → its review's suggestions include "GMV below goal" and "follow rate under 2 %" with their evidence → on
// /suggestions one is accepted (owner and due date) and shows up in My tasks; the other is dismissed with a reason.
// Screenshots: e2e/screenshots/suggestions-<locale>-NN-<step>.png.

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const DICT = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const MANAGER = { email: 'manager.beauty@demo.showrunner.dev', password: 'showrunner-demo' };

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  clearShots('suggestions-');
  [browser, server] = await Promise.all([launchBrowser(), startServer(['--demo'])]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const OWNER = { email: 'owner@demo.showrunner.dev', password: 'showrunner-demo' };

/**
 * A show of an hour that started `offsetMinutes` + 30 minutes ago, in the first free room of `rooms` (the manager's
 * team's), played by the demo owner (who may issue ingest tokens) through the ingestion API.
 */
async function playShow(rooms: { id: string }[], title: string, offsetMinutes: number) {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  expect((await page.request.post('/api/v1/auth/login', { data: OWNER })).status()).toBe(200);
  const api = apiAs(page);
  const now = Math.floor(Date.now() / 60_000) * 60_000 - offsetMinutes * 60_000;
  let session: { id: string; roomId: string } | undefined;
  for (const room of rooms) {
    const res = await api.post<{ id: string; roomId: string }>('/sessions', { roomId: room.id, title, plannedStart: new Date(now - 30 * 60_000).toISOString(), plannedEnd: new Date(now + 30 * 60_000).toISOString(), goals: { gmvFen: 5_000_000, viewers: null, orders: null } });
    if (res.status === 201) {
      session = res.body;
      break;
    }
    if (res.status !== 409) throw new Error(`POST /sessions answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  if (!session) throw new Error('no demo room is free');
  const token = await api.post<{ token: string }>('/tokens', { name: `e2e ${title}`, roomId: session.roomId, scopes: ['ingest'] });
  expect(token.status).toBe(201);
  const at = (m: number) => new Date(now - 30 * 60_000 + m * 60_000 + 5_000).toISOString();
  const p = `${session.id}-`;
  const events = [
    ...Array.from({ length: 25 }, (_, m) => ({ kind: 'viewer_count', id: `${p}v${m}`, at: at(m), count: 1200 - m * 10 })),
    { kind: 'viewer_count', id: `${p}cum`, at: at(24), count: 5000, unit: 'cumulative' },
    ...Array.from({ length: 25 }, (_, m) => ({ kind: 'comment', id: `${p}c${m}`, at: at(m), text: '这个色号适合黄皮吗', user: { id: `u${m}`, name: `观众${m}` } })),
    { kind: 'follow', id: `${p}f1`, at: at(3), user: { id: 'u1', name: '观众1' } },
    { kind: 'follow', id: `${p}f2`, at: at(9), user: { id: 'u2', name: '观众2' } },
    ...[5, 12, 20].map((m) => ({ kind: 'order', id: `${p}o${m}`, at: at(m), orderId: `${p}order-${m}`, valueFen: 9_900, productRef: 'SKU-1', buyerRef: `b${m}` })),
  ];
  const res = await page.request.post(`/api/v1/ingest/events/${session.roomId}`, { headers: { authorization: `Bearer ${token.body.token}`, 'content-type': 'application/json' }, data: events });
  expect(res.status(), await res.text()).toBe(200);
  await context.close();
  return session;
}

describe.each(LOCALES)('suggestions in %s', (locale) => {
  const t = DICT[locale];
  const name = (step: string) => `suggestions-${locale}-${step}`;
  let context: BrowserContext;
  let page: Page;
  let myName: string;
  let session: { id: string; roomId: string };
  let goal: SuggestionView;
  let follow: SuggestionView;

  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server, locale));
    await signIn(page, MANAGER.email, MANAGER.password);
    myName = (await apiAs(page).json<{ user: { displayName: string } }>('/auth/me')).user.displayName;
    // The two locales play their shows at different times so that each finds a free room.
    const rooms = (await apiAs(page).json<{ items: { id: string }[] }>('/rooms')).items;
    session = await playShow(rooms, locale === 'zh-CN' ? 'E2E 建议 晚场' : 'E2E suggestions show', locale === 'zh-CN' ? 0 : 61);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it("computes the session's suggestions from its numbers, with evidence", async () => {
    const res = await apiAs(page).json<SessionSuggestions>(`/sessions/${session.id}/suggestions`);
    goal = res.items.find((s) => s.rule === 'gmv_below_goal')!;
    follow = res.items.find((s) => s.rule === 'follow_rate_low')!;
    expect(goal).toMatchObject({ severity: 'critical', status: 'open', titleEn: 'GMV ¥297 missed the goal of ¥50,000 by ¥49,703 (0.6% reached)' });
    expect(follow.evidence).toMatchObject({ value: 0.0004, baseline: 0.02, baselineKind: 'threshold' });
  });

  it('lists them on /suggestions with the evidence, and accepts one with an owner and a due date', async () => {
    await page.goto('/suggestions');
    await page.getByTestId('suggestions-page').waitFor();
    const room = (await apiAs(page).json<{ items: { id: string; displayName: string }[] }>('/rooms')).items.find((r) => r.id === session.roomId)!;
    await pickOption(page, page.getByTestId('suggestions-filter-room'), room.displayName);
    const row = page.getByTestId(`suggestion-row-${goal.id}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(locale === 'zh-CN' ? goal.titleZh : goal.titleEn);
    await row.locator('.ant-table-row-expand-icon').click();
    const card = page.getByTestId(`suggestion-${goal.id}`);
    await card.waitFor();
    expect(await page.getByTestId(`suggestion-value-${goal.id}`).innerText()).toBe('0.59%');
    expect(await page.getByTestId(`suggestion-evidence-${goal.id}`).innerText()).toContain('¥49,703');
    await page.locator(`[data-testid="suggestion-chart-${goal.id}"] canvas`).first().waitFor();
    await motionShot(page, name('01-list'));

    await page.getByTestId(`suggestion-accept-${goal.id}`).click();
    await page.getByTestId('suggestion-accept-form').waitFor();
    await pickOption(page, page.getByTestId('suggestion-accept-owner'), myName);
    await page.getByTestId('suggestion-accept-due').fill('2030-01-20');
    await page.getByTestId('suggestion-accept-note').fill(locale === 'zh-CN' ? '下一场调整排款' : 'Reorder products next show');
    await motionShot(page, name('02-accept'), { viewport: true });
    const res = await afterResponse(page, 'POST', `/api/v1/suggestions/${goal.id}/accept`, () => page.getByTestId('suggestion-accept-submit').click());
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'accepted', taskOwnerName: myName, taskDueDate: '2030-01-20' });
  });

  it('dismisses the other with a reason (required)', async () => {
    // The list shows open ones by default: the accepted one has left it.
    await eventually(async () => expect(await page.getByTestId(`suggestion-row-${goal.id}`).count()).toBe(0));
    const row = page.getByTestId(`suggestion-row-${follow.id}`);
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId(`suggestion-dismiss-${follow.id}`).click();
    await page.getByTestId('suggestion-dismiss-form').waitFor();
    await page.getByTestId('suggestion-dismiss-submit').click();
    await eventually(async () => expect(await page.getByTestId('suggestion-dismiss-form').innerText()).toContain(t['suggestions.required']));
    const reason = locale === 'zh-CN' ? '新号冷启动，转粉率暂不考核' : 'New account warming up; follows not judged yet';
    await page.getByTestId('suggestion-dismiss-reason').fill(reason);
    const res = await afterResponse(page, 'POST', `/api/v1/suggestions/${follow.id}/dismiss`, () => page.getByTestId('suggestion-dismiss-submit').click());
    expect(res.status()).toBe(200);

    await pickOption(page, page.getByTestId('suggestions-filter-status'), t['suggestions.status.all']);
    const accepted = page.getByTestId(`suggestion-row-${goal.id}`);
    await accepted.waitFor();
    expect(await accepted.innerText()).toContain(t['suggestions.status.accepted']);
    expect(await accepted.innerText()).toContain('2030-01-20');
    expect(await page.getByTestId(`suggestion-row-${follow.id}`).innerText()).toContain(reason);
    await motionShot(page, name('03-decided'));
  });

  it('the accepted suggestion is a task in My tasks', async () => {
    await page.getByRole('menuitem', { name: t['nav.myTasks'] }).click();
    await page.getByTestId('my-tasks-page').waitFor();
    const task = (await apiAs(page).json<{ items: TaskView[] }>('/tasks?mine=1')).items.find((x) => x.sourceId === goal.id)!;
    expect(task).toMatchObject({ sourceKind: 'suggestion', dueDate: '2030-01-20', status: 'open', ownerName: myName });
    const row = page.getByTestId(`task-${task.id}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(t['tasks.source.suggestion']);
    await motionShot(page, name('04-my-tasks'));
  });
});
