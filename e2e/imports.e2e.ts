import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionMetricsView } from '../contracts/analytics';
import type { ImportView } from '../contracts/imports';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { afterResponse,
  clickForResponse, apiAs, clearShots, eventually, launchBrowser, motionShot, openPage, pickOption, signIn, startServer, type Locale, type RunningServer } from './support';

// Importing a platform export through the console, in both languages, as the owner of a fresh company with one Douyin room:
// upload a CSV with a title row → map its columns → save the mapping as a preset → preview shows the one bad row →
// upload the corrected file (the preset is picked automatically) → apply → the session's metrics show the imported
// values → upload again and the preset is picked again. Screenshots: e2e/screenshots/imports-<locale>-NN-<step>.png.

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const DICT = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const OWNER = { email: 'owner@imports.test', password: 'imports e2e password', displayName: '王老板' };

/** An export as a platform might give it: a title row, a BOM, Chinese headers, thousands separators and 万. */
function exportCsv(locale: Locale, room: string, rows: [string, string, string][]): Buffer {
  // The last header differs per language run, so one run's preset does not match the other run's file.
  const headers = ['直播间', '开播时间', '成交金额(元)', '观看人数', locale === 'zh-CN' ? '备注' : 'Notes'];
  const lines = ['示例导出（测试用，非平台官方格式）', headers.join(','), ...rows.map(([start, gmv, viewers]) => [room, start, `"${gmv}"`, viewers, ''].join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

let browser: Browser;
let server: RunningServer;
let roomId: string;
const roomName = '澜栖美妆官方旗舰店直播间';

beforeAll(async () => {
  clearShots('imports-');
  // One server for both languages (each run has its own sessions, headers and preset); no demo data is needed.
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  const { context, page } = await openPage(browser, server);
  const setup = await page.request.post('/api/v1/setup/owner', { data: OWNER });
  expect(setup.status()).toBe(201);
  const api = apiAs(page);
  const team = await api.post<{ id: string }>('/teams', { name: '美妆组' });
  const room = await api.post<{ id: string }>('/rooms', { teamId: team.body.id, platform: 'douyin', accountId: 'dy_lanqi', displayName: roomName, requireApprovedContent: false });
  expect(room.status).toBe(201);
  roomId = room.body.id;
  await context.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(LOCALES)('imports in %s', (locale) => {
  const t = DICT[locale];
  const name = (step: string) => `imports-${locale}-${step}`;
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;
  let secondId: string;
  // Each language run imports into its own two evenings.
  const [day1, day2] = locale === 'zh-CN' ? ['2027-03-02', '2027-03-03'] : ['2027-03-09', '2027-03-10'];
  const presetName = locale === 'zh-CN' ? '罗盘场次导出（测试）' : 'Compass session export (test)';

  async function upload(file: string, content: Buffer) {
    await afterResponse(page, 'POST', '/api/v1/imports/parse', () => page.locator('input[type="file"]').setInputFiles({ name: file, mimeType: 'text/csv', buffer: content }));
    await eventually(async () => expect(await page.getByTestId('imports-file-name').innerText()).toBe(file));
  }

  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server, locale));
    await signIn(page, OWNER.email, OWNER.password);
    const api = apiAs(page);
    const session = async (day: string, title: string) => {
      const created = await api.post<{ id: string }>('/sessions', { roomId, title, plannedStart: `${day}T20:00:00+08:00`, plannedEnd: `${day}T23:00:00+08:00` });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    sessionId = await session(day1, '导入测试专场');
    secondId = await session(day2, '导入测试二场');
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('maps the columns of an upload and saves them as a preset', async () => {
    await page.goto('/imports');
    await page.getByTestId('imports-page').waitFor();
    await upload('export-bad.csv', exportCsv(locale, roomName, [[`${day1} 20:05`, '12,345.60', '3.2万'], [`${day2} 19:40`, '八千八', '100']]));
    // The title row was skipped: the header is row 2.
    expect(await page.getByTestId('imports-header-row').innerText()).toContain('2');
    await pickOption(page, page.getByTestId('map-target-0'), t['imports.target.room_name']);
    await pickOption(page, page.getByTestId('map-target-1'), t['imports.target.start']);
    await pickOption(page, page.getByTestId('map-target-2'), t['imports.target.metric']);
    await pickOption(page, page.getByTestId('map-metric-2'), t['imports.metric.gmv_fen'], { search: t['imports.metric.gmv_fen'] });
    expect(await page.getByTestId('map-unit-2').innerText()).toContain(t['imports.unit.yuan']);
    await pickOption(page, page.getByTestId('map-target-3'), t['imports.target.metric']);
    await pickOption(page, page.getByTestId('map-metric-3'), t['imports.metric.viewers'], { search: t['imports.metric.viewers'] });
    // Every pick took: a wrong one would only show later as a refused mapping.
    for (const [id, label] of [
      ['map-target-0', t['imports.target.room_name']],
      ['map-target-1', t['imports.target.start']],
      ['map-metric-2', t['imports.metric.gmv_fen']],
      ['map-metric-3', t['imports.metric.viewers']],
    ] as const)
      expect(await page.getByTestId(id).innerText()).toContain(label);
    await motionShot(page, name('01-mapping'));

    await page.getByTestId('imports-preset-save').click();
    await page.getByTestId('imports-preset-name').fill(presetName);
    const saved = await clickForResponse(page, 'POST', '/api/v1/import-presets', page.getByTestId('imports-preset-ok'));
    expect(saved.status(), await saved.text()).toBe(201);
  });

  it('previews: the bad row is shown with its row, column and message, and apply is not offered', async () => {
    const res = await clickForResponse(page, 'POST', '/api/v1/imports/preview', page.getByTestId('imports-preview'));
    expect(res.status()).toBe(200);
    const errors = page.getByTestId('imports-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(text).toContain('4');
    expect(text).toContain('成交金额(元)');
    expect(text).toContain(locale === 'zh-CN' ? '不是数字' : 'is not a number');
    expect(await page.getByTestId('imports-apply').isDisabled()).toBe(true);
    expect(await page.getByTestId('imports-preview-rows').innerText()).toContain('导入测试专场');
    await motionShot(page, name('02-preview-errors'));
  });

  it('a corrected file gets the preset automatically, previews clean and applies; the session shows the imported values', async () => {
    await upload('export-fixed.csv', exportCsv(locale, roomName, [[`${day1} 20:05`, '12,345.60', '3.2万'], [`${day2} 19:40`, '8,800', '12000']]));
    expect(await page.getByTestId('imports-preset-auto').innerText()).toContain(presetName);
    const previewed = await clickForResponse(page, 'POST', '/api/v1/imports/preview', page.getByTestId('imports-preview'));
    expect(previewed.status(), await previewed.text()).toBe(200);
    await page.getByTestId('imports-preview-rows').waitFor();
    expect(await page.getByTestId('imports-errors').count()).toBe(0);
    await motionShot(page, name('03-preview-clean'));

    const applied = await clickForResponse(page, 'POST', '/api/v1/imports', page.getByTestId('imports-apply'));
    expect(applied.status()).toBe(201);
    const view = (await applied.json()) as ImportView;
    expect(view).toMatchObject({ rowCount: 2, valueCount: 4, presetName });
    expect([...view.sessionIds].sort()).toEqual([sessionId, secondId].sort());
    const card = page.getByTestId(`imports-session-${sessionId}`);
    await eventually(async () => expect(await card.getByTestId('imports-value-gmv_fen').innerText()).toMatch(/12,345\.60/));
    expect(await card.getByTestId('imports-value-viewers').innerText()).toContain('32,000');
    const metrics = await apiAs(page).json<SessionMetricsView>(`/sessions/${sessionId}/metrics`);
    expect(metrics.metrics.find((m) => m.metric === 'gmv_fen')).toMatchObject({ value: 1234560, source: 'import' });
    expect(await page.getByTestId('imports-history').innerText()).toContain('export-fixed.csv');
    expect((await apiAs(page).json<SessionMetricsView>(`/sessions/${secondId}/metrics`)).metrics.find((m) => m.metric === 'gmv_fen')).toMatchObject({ value: 880000, source: 'import' });
    await motionShot(page, name('04-applied'));
  });

  it('uploading again picks the preset automatically', async () => {
    await upload('export-again.csv', exportCsv(locale, roomName, [[`${day1} 20:05`, '13,000', '3.3万']]));
    expect(await page.getByTestId('imports-preset-auto').innerText()).toContain(presetName);
    expect(await page.getByTestId('imports-preset').innerText()).toContain(presetName);
    await motionShot(page, name('05-preset-picked'));
  });
});
