import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request, type Response } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.resolve('e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the real console (`showrunner start`) on a free port with a fresh SQLite data directory.
 * The web build (dist/web) must exist: `npm run test:e2e` builds it first.
 *
 * The server serves a copy of dist/web taken at start (in its temporary directory), so a rebuild of the
 * console by someone else while the tests run cannot swap the page's chunks from under the browser.
 * `liveWeb: true` serves dist/web itself.
 */
export async function startServer(extraArgs: string[] = [], { liveWeb = false }: { liveWeb?: boolean } = {}): Promise<RunningServer> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npx vite build` first');
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-e2e-'));
  const webDist = liveWeb ? path.resolve('dist/web') : path.join(dataDir, 'web');
  if (!liveWeb) fs.cpSync('dist/web', webDist, { recursive: true });
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'start', ...extraArgs], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: webDist, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
    if (i === 299) throw new Error(`server did not start:\n${out}`);
  }
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves a full-page screenshot under e2e/screenshots/ (kept out of git) for people to look at. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------
// Helpers for the browser tests. playwright-core has no `expect` of its own: waits are done with
// locator.waitFor / page.waitForResponse, and assertions that need the page to settle go through
// eventually(), which retries a block of vitest assertions until they pass or time runs out.
// ---------------------------------------------------------------------------------------------

export type Locale = 'zh-CN' | 'en-US';

/** How long any single wait may take; well below vitest's 60 s test timeout so failures say what they waited for. */
export const WAIT_MS = 15_000;

/** A fresh browser context (its own cookies and storage) with one page, rooted at the server's URL. */
export async function openPage(
  browser: Browser,
  server: RunningServer,
  locale: Locale = 'zh-CN',
  { timezoneId }: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // `timezoneId` (optional) runs the browser in another zone than the machine's; left out, the context is as before.
  const context = await browser.newContext({ baseURL: server.url, locale, viewport: { width: 1440, height: 900 }, ...(timezoneId ? { timezoneId } : {}) });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  return { context, page };
}

/** The demo company's owner (`showrunner start --demo` or "load the demo company" on the setup page). */
export { DEMO_OWNER } from '../server/modules/setup/demo.data';

/** A file's server and browser, started by browserSuite() before its tests. */
export interface ServerAndBrowser {
  server: RunningServer;
  browser: Browser;
}

/** ServerAndBrowser plus one page in its own context, opened before the tests. */
export interface BrowserSuite extends ServerAndBrowser {
  context: BrowserContext;
  page: Page;
}

export interface BrowserSuiteOptions {
  /** Arguments of `showrunner start` (e.g. ['--demo']); none by default. */
  serverArgs?: string[];
  /** Serve dist/web itself rather than a copy (see startServer). */
  liveWeb?: boolean;
  /** The page's locale; zh-CN by default. */
  locale?: Locale;
}

/**
 * The setup most browser test files share, registered as the file's (vitest) beforeAll and afterAll: before the tests,
 * the screenshots of an earlier run whose names start with `shotsPrefix` are deleted, the server (startServer with
 * `serverArgs`) and the browser start side by side, and one page opens in its own context (openPage, in `locale`);
 * after them the context, the browser and the server are closed, in that order.
 * The returned object is filled in by beforeAll: tests read `suite.page`, `suite.server` ... inside their bodies. It is
 * plain and mutable, so a file may swap in another page. `openPage: false` opens no page (the file opens its own
 * contexts, e.g. one per language) and returns only the server and the browser.
 */
export function browserSuite(shotsPrefix: string, options?: BrowserSuiteOptions & { openPage?: true }): BrowserSuite;
export function browserSuite(shotsPrefix: string, options: BrowserSuiteOptions & { openPage: false }): ServerAndBrowser;
export function browserSuite(
  shotsPrefix: string,
  { serverArgs = [], liveWeb = false, locale = 'zh-CN', openPage: withPage = true }: BrowserSuiteOptions & { openPage?: boolean } = {},
): ServerAndBrowser | BrowserSuite {
  const suite = {} as Partial<BrowserSuite>;
  beforeAll(async () => {
    clearShots(shotsPrefix);
    [suite.server, suite.browser] = await Promise.all([startServer(serverArgs, { liveWeb }), launchBrowser()]);
    if (withPage) Object.assign(suite, await openPage(suite.browser, suite.server, locale));
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite as BrowserSuite;
}

/** Retries `check` (typically a few `expect`s) until it stops throwing; rethrows the last failure after `timeout`. */
export async function eventually<T>(check: () => T | Promise<T>, { timeout = WAIT_MS, interval = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The trimmed text of an element once it is visible. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The rendered text of an element once it is visible: innerText (what a person sees: hidden parts left out, line
 * breaks between blocks), whitespace collapsed and trimmed. textOf() reads textContent instead.
 */
export async function innerTextOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the page header's title (the h3 of the console's content area) reads `expected`. */
export async function expectTitle(page: Page, expected: string): Promise<void> {
  await eventually(async () => {
    const text = await textOf(page.locator('main.ant-layout-content h3').first());
    if (text !== expected) throw new Error(`page title is "${text}", expected "${expected}"`);
  });
}

/** Waits until the page's path (and query, when given) is `expected`. */
export async function waitForPath(page: Page, expected: string | RegExp, { timeout = WAIT_MS } = {}): Promise<void> {
  await page.waitForURL(
    (url) => {
      const here = url.pathname + url.search;
      return typeof expected === 'string' ? here === expected || url.pathname === expected : expected.test(here);
    },
    { timeout },
  );
}

/** The number an antd Statistic inside the element shows, once it has stopped loading. */
export async function statisticValue(card: Locator): Promise<number> {
  const value = card.locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number(((await value.textContent()) ?? '').replace(/[^0-9.-]/g, ''));
}

/**
 * Chooses an option of an antd Select: waits until it is enabled, opens it by clicking, optionally types to
 * filter (selects with search), then clicks the option whose label is `label` in the dropdown that this select
 * controls (scrolling the virtual list while the option is not rendered yet).
 * Multi-selects stay open afterwards; call closeSelect() when done.
 */
export async function pickOption(page: Page, select: Locator, label: string, { search }: { search?: string } = {}, attempt = 1): Promise<void> {
  await eventually(async () => {
    if ((await select.getAttribute('class'))?.includes('ant-select-disabled')) throw new Error(`the select is disabled`);
  });
  const input = select.locator('input[role="combobox"]');
  await select.click();
  await input.and(page.locator('[aria-expanded="true"]')).waitFor();
  const listId = await input.getAttribute('aria-controls');
  if (!listId) throw new Error('the open select names no listbox (aria-controls)');
  if (search !== undefined) await page.keyboard.type(search);
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  await dropdown.waitFor();
  const option = dropdown.locator('.ant-select-item-option').filter({ has: page.getByText(label, { exact: true }) });
  const deadline = Date.now() + WAIT_MS;
  while ((await option.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`the open select has no option "${label}": ${await dropdown.innerText().catch(() => '(gone)')}`);
    // Long option lists are virtual: scroll a little and look again.
    await dropdown
      .locator('.ant-select-dropdown-list-holder')
      .evaluate((holder) => holder.scrollBy(0, 128))
      .catch(() => undefined);
    await option.first().waitFor({ timeout: 250 }).catch(() => undefined);
  }
  await option.first().click();
  // A click during the dropdown's open animation can land on a neighbouring option: for a single select, check what
  // was chosen and pick again if it is not the label.
  // A click that did not take at all leaves the select as it was: pick again then too. (antd 6 shows a single select's
  // value in .ant-select-content; older markup in .ant-select-selection-item.)
  const isMultiple = ((await select.getAttribute('class')) ?? '').includes('ant-select-multiple');
  if (isMultiple || attempt >= 3) return;
  const shown = async () => {
    for (const css of ['.ant-select-content', '.ant-select-selection-item']) {
      const el = select.locator(css).first();
      if ((await el.count()) === 1) return (await el.innerText()).trim();
    }
    return null;
  };
  const took = await eventually(
    async () => {
      if ((await shown()) !== label) throw new Error('not chosen yet');
    },
    { timeout: 1_000 },
  ).then(
    () => true,
    () => false,
  );
  if (!took && (await shown()) !== null) {
    await closeSelect(page).catch(() => undefined);
    return pickOption(page, select, label, { search }, attempt + 1);
  }
}

/** Select dropdowns that are open, or opening: not hidden and not on their way out. */
export function openDropdowns(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-leave)');
}

/** Closes the open select dropdown (multi-selects stay open after a pick). */
export async function closeSelect(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await eventually(async () => {
    if ((await openDropdowns(page).count()) > 0) throw new Error('a select dropdown is still open');
  });
}

/** Confirms the open Popconfirm (its OK button carries data-testid confirm-ok). */
export async function confirmPopup(page: Page): Promise<void> {
  const ok = page.getByTestId('confirm-ok');
  await ok.click();
  await ok.waitFor({ state: 'detached' });
}

/** Waits for the response of an API call that `action` triggers, and returns it. */
export async function afterResponse(page: Page, method: string, path: string | RegExp, action: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((res) => {
      const url = new URL(res.url());
      return res.request().method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname));
    }),
    action(),
  ]);
  return response;
}

/**
 * Clicks `target` until the request it should send goes out, then returns that request's response. A click on a
 * modal's button while the modal is still opening may not reach it; the click is repeated only while no matching
 * request has been sent, so a click that did reach it is never repeated.
 */
export async function clickForResponse(page: Page, method: string, path: string | RegExp, target: Locator): Promise<Response> {
  const matches = (req: Request) => {
    const url = new URL(req.url());
    return req.method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname));
  };
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const sent = page.waitForRequest(matches, { timeout: 4_000 }).catch(() => null);
    await target.click({ timeout: Math.max(1_000, deadline - Date.now()) });
    const request = await sent;
    if (request) {
      const response = await request.response();
      if (!response) throw new Error(`${method} ${path} failed: ${request.failure()?.errorText ?? 'no response'}`);
      return response;
    }
    if (Date.now() > deadline) throw new Error(`clicking ${target} sent no ${method} ${path}`);
  }
}

/**
 * Opens the header's user menu and clicks one of its items until `took` says the click did what it should: an item
 * clicked while the dropdown is still opening may not answer.
 */
export async function fromUserMenu(page: Page, item: string, took: () => Promise<boolean>): Promise<void> {
  await eventually(async () => {
    if (await took()) return;
    if (!(await page.getByTestId(item).isVisible())) await page.getByTestId('user-menu').click();
    await page.getByTestId(item).click({ timeout: 2_000 });
    await eventually(async () => expect(await took()).toBe(true), { timeout: 2_000 });
  });
}

/**
 * Waits until no antd modal or its mask is showing: a closing modal keeps its mask over the page until its animation
 * ends, and a click meant for the page underneath meanwhile lands on the mask.
 */
export async function noModalShowing(page: Page): Promise<void> {
  await eventually(async () => expect(await page.locator('.ant-modal-wrap:visible, .ant-modal-mask:visible').count()).toBe(0));
}

/**
 * Waits until no antd spinner, skeleton or blurred (loading) table is showing, finite CSS animations and
 * transitions have run out and the web fonts are ready; then scrolls to the top and saves a full-page screenshot.
 */
export async function settledShot(page: Page, name: string): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-skeleton-active, .ant-spin-blur').first().waitFor({ state: 'detached' });
  await page.evaluate(async () => {
    // Full-page shots of a scrolled window draw the sticky header and sidebar over the content.
    window.scrollTo(0, 0);
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  await shot(page, name);
}

/**
 * A screenshot once spinners and skeletons are gone and antd's enter/leave motions (best effort) and other finite
 * animations have finished. Full page by default; `viewport: true` saves only the viewport, without scrolling to the
 * top (for open modals: a full-page shot of a taller page shifts the fixed layers). Unlike settledShot(), it does not
 * wait for blurred (loading) tables.
 */
export async function motionShot(page: Page, name: string, { viewport = false }: { viewport?: boolean } = {}): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
  // antd's enter/leave motions (modals, messages) on anything visible; an invisible button spinner may stay in
  // "-leave-active" for good, so zero-sized elements are ignored and the wait is best effort.
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')].some((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height > 0;
        }),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.evaluate(async (full) => {
    // A full-page shot of a scrolled window draws the fixed header and sidebar over the content.
    if (full) window.scrollTo(0, 0);
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  }, !viewport);
  if (viewport) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  } else await shot(page, name);
}

/** Deletes the screenshots of an earlier run whose names start with `prefix`. */
export function clearShots(prefix: string): void {
  if (!fs.existsSync(SHOTS)) return;
  for (const file of fs.readdirSync(SHOTS)) if (file.startsWith(prefix) && file.endsWith('.png')) fs.rmSync(path.join(SHOTS, file));
}

/**
 * The JSON API as the signed-in browser user: requests share the page's cookies, and writes carry the
 * x-csrf-token of the current session (read from /api/v1/auth/me).
 */
export function apiAs(page: Page) {
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') {
      const me = await page.request.get('/api/v1/auth/me');
      if (me.ok()) headers['x-csrf-token'] = ((await me.json()) as { csrfToken: string }).csrfToken;
    }
    const res = await page.request.fetch(`/api/v1${path}`, { method, headers, data: body === undefined ? undefined : body });
    const text = await res.text();
    return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as T };
  };
  return {
    call,
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    patch: <T = unknown>(path: string, body: unknown) => call<T>('PATCH', path, body),
    /** GET that must succeed; returns the body. */
    async json<T = unknown>(path: string): Promise<T> {
      const res = await call<T>('GET', path);
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

/** Signs in through the login page and waits for the console. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * A session live from ten minutes ago for an hour, in the first demo room with nothing else planned then, and an
 * ingest token for its room; then the page opens its live monitor, connected.
 */
export async function liveSessionInFreeRoom(page: Page, title: string, tokenName: string): Promise<{ sessionId: string; roomId: string; token: string }> {
  const api = apiAs(page);
  const now = Date.now();
  const rooms = (await api.json<{ items: { id: string }[] }>('/rooms')).items;
  let session: { id: string; roomId: string } | undefined;
  for (const room of rooms) {
    const res = await api.post<{ id: string; roomId: string }>('/sessions', { roomId: room.id, title, plannedStart: new Date(now - 10 * 60_000).toISOString(), plannedEnd: new Date(now + 60 * 60_000).toISOString() });
    if (res.status === 201) {
      session = res.body;
      break;
    }
    // Another show in this room at this time: try the next room.
    if (res.status !== 409) throw new Error(`POST /sessions answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  if (!session) throw new Error('no demo room is free now');
  const created = await api.post<{ token: string }>('/tokens', { name: tokenName, roomId: session.roomId, scopes: ['ingest'] });
  if (created.status !== 201) throw new Error(`POST /tokens answered ${created.status}: ${JSON.stringify(created.body)}`);
  await page.goto(`/sessions/${session.id}/live`);
  await page.locator('[data-testid="live-monitor"][data-ready="true"]').waitFor();
  await page.locator('[data-testid="live-connection"][data-status="open"]').waitFor();
  return { sessionId: session.id, roomId: session.roomId, token: created.body.token };
}
