import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView, WeeklyReportView } from '../contracts/dashboards';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { clickForResponse, apiAs, clearShots, closeSelect, DEMO_OWNER, eventually, launchBrowser, motionShot, openPage, pickOption, settledShot, signIn, startServer, type Locale, type RunningServer } from './support';

// Dashboards and the weekly report in the demo company, as its owner: two shows played yesterday through the ingest
// API (orders, viewers, comments, gifts) → the company dashboard of the week and of yesterday per hour, a room's
// dashboard, the XLSX export (a real download, read back), the print view, and the weekly report generated now.
// Screenshots: e2e/screenshots/dashboards-<locale>-NN-<step>.png.

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const DICT = { 'zh-CN': zhCN, 'en-US': enUS } as const;

let server: RunningServer;
let browser: Browser;
/** Yesterday in Asia/Shanghai (the demo rooms' zone), YYYY-MM-DD. */
let yesterday: string;
const played: Array<{ roomId: string; sessionId: string; gmvFen: number }> = [];

/** Waits for the dashboard request whose query has every one of `parts` that `action` triggers. */
async function afterDashboard(page: Page, parts: string[], action: () => Promise<unknown>) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/dashboards' && parts.every((p) => url.search.includes(p));
    }),
    action(),
  ]);
  return res;
}

const shanghaiDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));

/** One show: 30 minutes from 20:00 CST yesterday, a viewer count each minute, comments, a few orders and a gift. */
function showEvents(start: number, seed: number) {
  const events: object[] = [];
  let gmv = 0;
  for (let m = 0; m < 30; m++) {
    const at = new Date(start + m * 60_000 + 5_000).toISOString();
    events.push({ kind: 'viewer_count', at, count: 200 + seed * 50 + m * 7, unit: 'concurrent' });
    events.push({ kind: 'comment', at, user: { id: `u${seed}-${m % 9}`, name: `观众${m % 9}` }, text: m % 2 ? '这个颜色好看吗' : '已下单，期待' });
    if (m % 3 === 0) {
      const valueFen = 9_900 + seed * 1_000 + m * 100;
      gmv += valueFen;
      events.push({ kind: 'order', at, orderId: `o${seed}-${m}`, valueFen, buyerRef: `b${seed}-${m % 5}`, productRef: `sku-${seed}` });
    }
  }
  events.push({ kind: 'gift', at: new Date(start + 10 * 60_000).toISOString(), user: { id: `u${seed}-1`, name: '观众1' }, text: '小心心', valueFen: 500 });
  events.push({ kind: 'viewer_count', at: new Date(start + 29 * 60_000 + 30_000).toISOString(), count: 3_000 + seed * 400, unit: 'cumulative' });
  return { events, gmv };
}

beforeAll(async () => {
  clearShots('dashboards-');
  server = await startServer(['--demo']);
  browser = await launchBrowser();
  const { context, page } = await openPage(browser, server, 'zh-CN');
  await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
  const api = apiAs(page);
  yesterday = shanghaiDay(Date.now() - 86_400_000);
  const start = Date.parse(`${yesterday}T20:00:00+08:00`);
  const rooms = (await api.json<{ items: Array<{ id: string; platform: string }> }>('/rooms')).items;
  for (const room of rooms) {
    if (played.length === 2) break;
    const s = await api.post<{ id: string }>('/sessions', { roomId: room.id, title: `看板测试场 ${played.length + 1}`, plannedStart: new Date(start).toISOString(), plannedEnd: new Date(start + 2 * 3_600_000).toISOString() });
    if (s.status !== 201) continue; // the room has a show then, or cannot take one
    const { events, gmv } = showEvents(start, played.length + 1);
    const res = await api.post<{ accepted: number; sessionIds: string[] }>(`/ingest/events/${room.id}`, events);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.sessionIds).toEqual([s.body.id]);
    played.push({ roomId: room.id, sessionId: s.body.id, gmvFen: gmv });
  }
  expect(played).toHaveLength(2);
  await context.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(LOCALES)('dashboards in %s', (locale) => {
  const t = DICT[locale];
  const name = (step: string) => `dashboards-${locale}-${step}`;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server, locale));
    await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows the company week, then yesterday per hour, with numbers from the API', async () => {
    await page.goto(`/dashboards?scope=company&period=week&from=${yesterday}`);
    await page.locator('[data-testid="dashboard-body"][data-loading="0"][data-scope="company"]').waitFor();
    const api = apiAs(page);
    const week = await api.json<DashboardView>(`/dashboards?scope=company&period=week&from=${yesterday}`);
    const gmv = week.kpis.find((k) => k.key === 'gmv_fen')!;
    // The week holds at least the two shows played yesterday (the demo may add its own history).
    expect(gmv.value).toBeGreaterThanOrEqual(played[0]!.gmvFen + played[1]!.gmvFen);
    const yuan = `¥${(gmv.value! / 100).toLocaleString('en-US', { maximumFractionDigits: gmv.value! >= 1_000_000 ? 0 : 2 })}`;
    await eventually(async () => expect(await page.getByTestId('kpi-gmv_fen').innerText()).toContain(yuan));
    expect(await page.getByTestId('kpi-gmv_fen').innerText()).toContain(t['dashboards.kpi.gmv_fen']);
    expect(await page.getByTestId('dashboard-trend').getAttribute('data-points')).toBe('7');
    await page.getByRole('tab', { name: t['dashboards.rank.sessionsGmv'] }).click();
    // The table lists the API's ranking in its order (the demo history's big shows may outrank the two played here).
    const top = week.rankings.sessionsByGmv[0]!;
    await page.getByTestId(`ranking-session-${top.id}`).waitFor();
    expect(await page.getByTestId('ranking-sessions-gmv').locator('tbody tr').first().innerText()).toContain(top.title);
    await settledShot(page, name('01-company-week'));

    // The period picker: one day, per hour, compared with the day before.
    await afterDashboard(page, ['period=day'], () => page.getByTestId('dashboard-period-day').click());
    await page.locator('[data-testid="dashboard-body"][data-loading="0"]').waitFor();
    await eventually(async () => expect(await page.getByTestId('dashboard-trend').getAttribute('data-points')).toBe('24'));
    const day = await api.json<DashboardView>(`/dashboards?scope=company&period=day&from=${yesterday}`);
    expect(day.granularity).toBe('hour');
    expect(day.trend.find((p) => p.bucket === `${yesterday}T20`)!.gmv_fen).toBeGreaterThanOrEqual(played[0]!.gmvFen + played[1]!.gmvFen);
    expect(await page.getByTestId('dashboard-compare').innerText()).toContain(day.previousFrom);
    const sessions = day.kpis.find((k) => k.key === 'sessions')!;
    expect(await page.getByTestId('kpi-sessions').innerText()).toContain(String(sessions.value));
  });

  it('switches to one room (scope picker) and links a session to its review', async () => {
    const room = played[0]!;
    await page.goto(`/dashboards?scope=company&period=day&from=${yesterday}`);
    await page.getByTestId('dashboard-scope-room').click();
    const roomView = await apiAs(page).json<DashboardView>(`/dashboards?scope=room&id=${room.roomId}&period=day&from=${yesterday}`);
    await afterDashboard(page, ['scope=room', `id=${room.roomId}`], () => pickOption(page, page.getByTestId('dashboard-target'), roomView.name!));
    await page.locator('[data-testid="dashboard-body"][data-loading="0"][data-scope="room"]').waitFor();
    // The room's day holds the show played here (and whatever the demo history has on that day).
    const roomGmv = roomView.kpis.find((k) => k.key === 'gmv_fen')!.value!;
    expect(roomGmv).toBeGreaterThanOrEqual(room.gmvFen);
    expect(roomView.rankings.sessionsByGmv.find((r) => r.id === room.sessionId)?.gmv_fen).toBe(room.gmvFen);
    await eventually(async () => expect(await page.getByTestId('kpi-gmv_fen').innerText()).toContain(`¥${(roomGmv / 100).toLocaleString('en-US', { maximumFractionDigits: roomGmv >= 1_000_000 ? 0 : 2 })}`));
    // The day before, as the API has it (the demo history may have a show then, or not: "no data").
    const previous = roomView.kpis.find((k) => k.key === 'gmv_fen')!.previous;
    expect(await page.getByTestId('kpi-gmv_fen-previous').innerText()).toContain(previous === null ? t['dashboards.noData'] : `¥${(previous / 100).toLocaleString('en-US', { maximumFractionDigits: previous >= 1_000_000 ? 0 : 2 })}`);
    await page.getByRole('tab', { name: t['dashboards.rank.sessionsGmv'] }).click();
    await page.getByTestId(`ranking-session-${room.sessionId}`).waitFor();
    expect(await page.getByTestId(`ranking-session-${room.sessionId}`).getAttribute('href')).toBe(`/sessions/${room.sessionId}/review`);
    await settledShot(page, name('02-room-day'));
  });

  it('exports XLSX (a download, read back) and prints without the sidebar', async () => {
    await page.goto(`/dashboards?scope=company&period=week&from=${yesterday}`);
    await page.locator('[data-testid="dashboard-body"][data-loading="0"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^dashboard-company-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe(locale === 'zh-CN' ? '指标' : 'KPIs');
    expect(wb.worksheets.length).toBe(6);

    await page.getByTestId('dashboard-print').click();
    await page.getByTestId('print-view').waitFor();
    expect(new URL(page.url()).searchParams.get('print')).toBe('1');
    // The sheet covers the console; on paper the sidebar and the buttons are gone.
    const box = await page.getByTestId('print-view').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1440 });
    await page.getByTestId('kpi-gmv_fen').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    expect(await page.getByTestId('ranking-sessions-gmv').isVisible()).toBe(true);
    await settledShot(page, name('03-print'));
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('print-back').click();
    await page.getByTestId('dashboard-scope').waitFor();
  });

  it('generates the weekly report now and shows it', async () => {
    await page.goto('/reports/weekly');
    await page.getByTestId('weekly-reports-page').waitFor();
    await eventually(async () => expect(await page.getByTestId('report-schedule-text').innerText()).toContain('09:00'));
    const res = await clickForResponse(page, 'POST', '/api/v1/reports/weekly/generate', page.getByTestId('report-generate'));
    expect([200, 201]).toContain(res.status());
    const report = (await res.json()) as WeeklyReportView;
    await page.locator(`[data-testid="report-view"][data-week="${report.weekStart}"]`).waitFor();
    expect(await page.getByTestId('report-title').innerText()).toContain(report.weekStart);
    await eventually(async () => expect(await page.getByTestId(`report-item-${report.weekStart}`).innerText()).toContain(t[`reports.trigger.${report.trigger}`]));
    const kpis = await page.getByTestId('report-kpis').innerText();
    expect(kpis).toContain(t['dashboards.kpi.gmv_fen']);
    await motionShot(page, name('04-weekly-report'));
    // The schedule: another weekday, saved and shown in the header.
    await page.getByTestId('report-schedule-edit').click();
    await page.getByTestId('report-schedule-form').waitFor();
    await pickOption(page, page.getByTestId('report-schedule-weekday'), t['reports.weekday.2']);
    await closeSelect(page).catch(() => undefined);
    const saved = await clickForResponse(page, 'PUT', '/api/v1/reports/weekly/schedule', page.getByTestId('report-schedule-save'));
    expect(saved.status()).toBe(200);
    await page.getByTestId('report-schedule-form').waitFor({ state: 'detached' });
    await eventually(async () => expect(await page.getByTestId('report-schedule-text').innerText()).toContain(t['reports.weekday.2']));
    expect((await apiAs(page).json<{ weekday: number; time: string }>('/reports/weekly/schedule'))).toMatchObject({ weekday: 2, time: '09:00' });

    // The printable report: alone on the sheet, the list and the buttons off the paper.
    await page.getByTestId('report-print').click();
    await page.getByTestId('print-view').waitFor();
    await page.locator(`[data-testid="report-view"][data-week="${report.weekStart}"]`).waitFor();
    expect(await page.getByTestId('reports-list').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await settledShot(page, name('05-weekly-report-print'));
    await page.emulateMedia({ media: 'screen' });
  });
});
