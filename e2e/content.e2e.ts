import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDetailView } from '../contracts/content';
import { contentErrors } from '../contracts/content';
import type { SessionDetailView } from '../contracts/planning';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { apiAs, clickForResponse, clearShots, DEMO_OWNER, eventually, innerTextOf, launchBrowser, motionShot, noModalShowing, openPage, settledShot, signIn, startServer, type Locale, type RunningServer } from './support';

// Content review in the console, in both languages, against the demo company: the review queue, a reviewer waiving a
// queued script's block findings with reasons; then a draft session cannot be scheduled
// without an approved script and title → write the script from the session page → the scanner's findings are
// highlighted → submit → approval is refused while block findings stand → the reviewer comments on a selected range
// and requests changes → the author fixes it in version 2 (diff in the history) → approved → with the title approved
// too, the session is scheduled. Screenshots: e2e/screenshots/content-<locale>-NN-<step>.png.

const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const DICT = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const ROOM_ZONE = 'Asia/Shanghai';
/** Two block findings: an absolute claim (全网最低, 广告法第九条) and a WeChat diversion. */
const RISKY = '【开场】家人们晚上好！今天这款精华是全网最低价，错过再等一年。\n【互动】想要的宝宝加我薇信 abc123 私聊下单。\n【收尾】感谢陪伴，我们下次见。';
const FIXED = '【开场】家人们晚上好！今天这款精华直播间下单有赠品，数量有限。\n【互动】想要的宝宝直接点购物车下单，有问题找直播间客服。\n【收尾】感谢陪伴，我们下次见。';

interface RoomView {
  id: string;
  teamId: string;
  displayName: string;
  requireApprovedContent: boolean;
}

let browser: Browser;

beforeAll(async () => {
  clearShots('content-');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(LOCALES)('content review in %s', (locale) => {
  const t = DICT[locale];
  const err = (code: keyof typeof contentErrors) => contentErrors[code][locale === 'zh-CN' ? 'zh' : 'en'];
  const name = (step: string) => `content-${locale}-${step}`;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;
  let scriptId: string;
  /** A day four weeks ahead: clear of the demo's own plan (14 days). */
  const day = DateTime.now().setZone(ROOM_ZONE).startOf('week').plus({ weeks: 4, days: 3 }).toISODate()!;

  beforeAll(async () => {
    server = await startServer(['--demo']);
    ({ context, page } = await openPage(browser, server, locale));
    await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
    const api = apiAs(page);
    const rooms = (await api.json<{ items: RoomView[] }>('/rooms')).items;
    const room = rooms[0]!;
    expect(room.requireApprovedContent).toBe(true);
    const positions = (await api.json<{ items: { id: string; code: string }[] }>('/positions')).items;
    const people = (await api.json<{ items: { id: string; positionId: string | null }[] }>(`/people?teamId=${room.teamId}&status=active`)).items;
    const of = (code: string) => people.find((p) => p.positionId === positions.find((x) => x.code === code)!.id)!.id;
    const created = await api.post<{ id: string }>('/sessions', { roomId: room.id, title: `E2E ${locale} 内容审核专场`, plannedStart: `${day}T19:00:00+08:00`, plannedEnd: `${day}T21:00:00+08:00` });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    // A full crew: the only thing between this session and the schedule is its content.
    const crew = [
      { personId: of('host'), role: 'host' },
      { personId: of('field_control'), role: 'field_control' },
      { personId: of('console'), role: 'console' },
    ];
    expect((await api.call('PUT', `/sessions/${sessionId}/crew`, { crew })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('shows the review queue with counts from the demo', async () => {
    await page.goto('/content');
    await page.getByTestId('content-table').waitFor();
    expect(await innerTextOf(page.getByTestId('content-tab-queue'))).toContain(t['content.tab.queue']);
    const count = Number(await innerTextOf(page.getByTestId('content-count-queue')));
    expect(count).toBeGreaterThanOrEqual(3);
    await eventually(async () => expect(await page.getByTestId('content-table').locator('.ant-table-row').count()).toBe(Math.min(count, 20)));
    await settledShot(page, name('01-queue'));
  });

  it('waives the block findings of a queued demo script with a reason each, and approves it', async () => {
    const queued = (await apiAs(page).json<{ items: { id: string; openBlocks: number }[] }>('/content?state=in_review')).items.find((i) => i.openBlocks > 0)!;
    await page.goto(`/content/${queued.id}`);
    await page.getByTestId('content-findings').waitFor();
    const open = page.locator('[data-testid="content-finding"][data-waived="false"][data-severity="block"]');
    expect(await open.count()).toBe(queued.openBlocks);
    for (let n = queued.openBlocks; n > 0; n--) {
      await open.first().getByTestId('finding-waive').click();
      await page.getByTestId('finding-waive-reason').fill(locale === 'zh-CN' ? '已核实第三方检测报告，依据存档' : 'Third-party test report on file');
      const res = await clickForResponse(page, 'POST', `/api/v1/content/${queued.id}/waivers`, page.getByTestId('finding-waive-confirm'));
      expect(res.status()).toBe(201);
      await eventually(async () => expect(await open.count()).toBe(n - 1));
    }
    expect(await page.locator('[data-testid="content-finding"][data-waived="true"]').count()).toBe(queued.openBlocks);
    await page.getByTestId('finding-waiver').first().waitFor();
    await settledShot(page, name('02-waived'));
    const res = await clickForResponse(page, 'POST', `/api/v1/content/${queued.id}/approve`, page.getByTestId('content-approve'));
    expect(res.status()).toBe(200);
    await eventually(async () => expect(await page.getByTestId('content-state-tag').getAttribute('data-state')).toBe('approved'));
  });

  it('refuses to schedule the draft while its script and title are not approved, saying which', async () => {
    await page.goto(`/sessions/${sessionId}?tab=content`);
    const gate = page.getByTestId('session-content-gate');
    await gate.waitFor();
    expect(await innerTextOf(page.getByTestId('session-tab-content-missing'))).toBe('2');
    const says = (await innerTextOf(gate)).toLowerCase();
    expect(says).toContain(t['contentKind.script'].toLowerCase());
    expect(says).toContain(t['contentKind.title'].toLowerCase());
    await page.getByTestId('session-tab-overview').click();
    const res = await clickForResponse(page, 'POST', `/api/v1/sessions/${sessionId}/status`, page.getByTestId('session-status-schedule'));
    expect(res.status()).toBe(409);
    await page.locator('.ant-message').getByText(err('content/not-approved-script-title')).waitFor();
    await motionShot(page, name('03-gate-refuses'));
    expect((await apiAs(page).json<SessionDetailView>(`/sessions/${sessionId}`)).status).toBe('draft');
  });

  it('writes the script from the session page and sees its findings highlighted', async () => {
    await page.getByTestId('session-tab-content').click();
    await page.getByTestId('session-content-create-script').click();
    const form = page.getByTestId('content-create-form');
    await form.waitFor();
    await form.getByTestId('content-create-body').fill(RISKY);
    const res = await clickForResponse(page, 'POST', '/api/v1/content', page.getByTestId('content-create-submit'));
    expect(res.status()).toBe(201);
    scriptId = ((await res.json()) as ContentDetailView).id;
    await page.waitForURL(`**/content/${scriptId}`);
    const marks = page.getByTestId('content-highlighted').getByTestId('highlight-mark');
    await marks.first().waitFor();
    const blocks = page.getByTestId('content-highlighted').locator('[data-testid="highlight-mark"][data-severity="block"]');
    // Overlapping findings split into neighbouring marks: read them together.
    const marked = (await blocks.allInnerTexts()).join('');
    expect(marked).toContain('全网最低');
    expect(marked).toContain('薇信');
    expect(await page.getByTestId('content-findings').locator('[data-severity="block"][data-testid="content-finding"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('content-state-tag').getAttribute('data-state')).toBe('draft');
    await settledShot(page, name('04-findings'));
  });

  it('submits it; approval is refused while block findings stand', async () => {
    await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/submit`, page.getByTestId('content-submit'));
    await eventually(async () => expect(await page.getByTestId('content-state-tag').getAttribute('data-state')).toBe('in_review'));
    await page.getByTestId('content-blocks-alert').waitFor();
    const res = await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/approve`, page.getByTestId('content-approve'));
    expect(res.status()).toBe(409);
    const blocked = page.getByTestId('content-approve-blocked');
    await blocked.waitFor();
    expect(await innerTextOf(blocked)).toContain('全网最低');
    expect(await innerTextOf(page.locator('.ant-modal-confirm'))).toContain(err('content/unresolved-blocks'));
    await motionShot(page, name('05-approve-refused'), { viewport: true });
    await page.locator('.ant-modal-confirm').getByRole('button').click();
    await blocked.waitFor({ state: 'detached' });
    await noModalShowing(page);
  });

  it('comments on a selected range and requests changes', async () => {
    const body = page.getByTestId('content-body');
    const start = RISKY.indexOf('全网最低价');
    // Select the words as a person would: place the selection, then extend and shrink it with the keyboard.
    await body.evaluate((el, [s, e]) => {
      const area = el as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(s!, e! - 1);
    }, [start, start + 5]);
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByTestId('content-selection').waitFor();
    await page.getByTestId('content-comment-selection').click();
    const anchor = page.getByTestId('content-comment-anchor');
    await anchor.waitFor();
    expect(await innerTextOf(anchor)).toContain('全网最低价');
    await page.getByTestId('content-comment-body').fill(locale === 'zh-CN' ? '绝对化用语，请改为可核实的描述' : 'Absolute claim: say something that can be verified');
    const posted = await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/comments`, page.getByTestId('content-comment-submit'));
    expect(posted.status()).toBe(201);
    expect(await posted.json()).toMatchObject({ start, end: start + 5, quote: '全网最低价' });
    await page.getByTestId('content-comment-quote').first().waitFor();

    await page.getByTestId('content-request-changes').click();
    await page.getByTestId('content-request-changes-reason').fill(locale === 'zh-CN' ? '去掉绝对化用语和微信号后再提交' : 'Remove the absolute claim and the WeChat id, then resubmit');
    const res = await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/request-changes`, page.getByTestId('content-request-changes-confirm'));
    expect(res.status()).toBe(200);
    await eventually(async () => expect(await page.getByTestId('content-state-tag').getAttribute('data-state')).toBe('changes_requested'));
    await page.getByTestId('content-changes-alert').waitFor();
    expect(await page.getByTestId('content-comment').count()).toBe(2);
    await motionShot(page, name('06-changes-requested'));
  });

  it('fixes the text in version 2, sees the diff, resubmits and gets it approved', async () => {
    await page.getByTestId('content-body').fill(FIXED);
    await page.getByTestId('content-note').fill(locale === 'zh-CN' ? '按审核意见修改' : 'As the reviewer asked');
    const saved = await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/versions`, page.getByTestId('content-save'));
    expect(saved.status()).toBe(201);
    await page.getByTestId('content-clean').waitFor();
    expect(await page.getByTestId('content-highlighted').locator('[data-severity="block"]').count()).toBe(0);
    await page.getByTestId('content-panel-history').click();
    const diff = page.getByTestId('content-diff-text');
    await diff.waitFor();
    expect((await diff.getByTestId('diff-removed').allInnerTexts()).join('')).toContain('全网最低价');
    expect((await diff.getByTestId('diff-added').allInnerTexts()).join('')).toContain('赠品');
    await settledShot(page, name('07-diff'));

    await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/submit`, page.getByTestId('content-submit'));
    await eventually(async () => expect(await page.getByTestId('content-state-tag').getAttribute('data-state')).toBe('in_review'));
    const res = await clickForResponse(page, 'POST', `/api/v1/content/${scriptId}/approve`, page.getByTestId('content-approve'));
    expect(res.status()).toBe(200);
    await eventually(async () => expect(await page.getByTestId('content-state-tag').getAttribute('data-state')).toBe('approved'));
    expect(await innerTextOf(page.getByTestId('content-state-tag'))).toBe(t['contentState.approved']);
    // Let the stacked toasts go, so the screenshot shows the header with its state.
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 10_000 });
    await motionShot(page, name('08-approved'));
  });

  it('with the title approved too, the session becomes schedulable and is scheduled', async () => {
    const api = apiAs(page);
    const title = await api.post<ContentDetailView>('/content', { kind: 'title', name: 'E2E 标题', body: '美妆晚场｜新品首发宠粉专场', sessionId });
    expect(title.status).toBe(201);
    expect((await api.post(`/content/${title.body.id}/submit`)).status).toBe(200);
    expect((await api.post(`/content/${title.body.id}/approve`)).status).toBe(200);

    await page.goto(`/sessions/${sessionId}?tab=content`);
    const gate = page.getByTestId('session-content-gate');
    await eventually(async () => expect(await innerTextOf(gate)).toBe(t['content.gateReady']));
    expect(await page.getByTestId('session-content-state-script').getAttribute('data-state')).toBe('approved');
    expect(await page.getByTestId('session-content-state-title').getAttribute('data-state')).toBe('approved');
    await settledShot(page, name('09-session-content'));

    await page.getByTestId('session-tab-overview').click();
    const res = await clickForResponse(page, 'POST', `/api/v1/sessions/${sessionId}/status`, page.getByTestId('session-status-schedule'));
    expect(res.status()).toBe(200);
    const tag = page.getByTestId('session-header').getByTestId('session-status-tag');
    await eventually(async () => expect(await tag.getAttribute('data-status')).toBe('scheduled'));
    expect((await api.json<SessionDetailView>(`/sessions/${sessionId}`)).status).toBe('scheduled');
    await motionShot(page, name('10-scheduled'));
  });
});
