import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView } from '../contracts/channels';
import { enUS } from '../web/i18n/en-US';
import { zhCN } from '../web/i18n/zh-CN';
import { apiAs, clearShots, DEMO_OWNER, eventually, launchBrowser, openPage, settledShot, signIn, startServer, type Locale, type RunningServer } from './support';

// Notification channels against the demo company, in both languages: add a WeCom robot in the form, send a test that a
// local receiver (standing in for WeCom) answers, route alerts to it, and see a raised alert delivered in the log —
// first refused with a 500, then retried and sent. Screenshots: e2e/screenshots/channels-<locale>-NN-<step>.png.

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

let server: RunningServer;
let browser: Browser;
let receiver: http.Server;
let receiverUrl = '';
const received: { path: string; body: { msgtype?: string; markdown?: { content: string } } }[] = [];
let failNext = 0;

beforeAll(async () => {
  clearShots('channels-');
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ path: new URL(req.url!, 'http://x').pathname, body: JSON.parse(raw || '{}') });
      if (failNext > 0) {
        failNext -= 1;
        return res.writeHead(500).end('busy');
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  [server, browser] = await Promise.all([startServer(['--demo']), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => receiver?.close(r));
});

const CASES: { locale: Locale; t: typeof enUS; name: string }[] = [
  { locale: 'zh-CN', t: zhCN, name: '美妆运营群' },
  { locale: 'en-US', t: enUS, name: 'Beauty ops group' },
];

describe.each(CASES)('notification channels ($locale)', ({ locale, t, name }) => {
  const shotName = (n: number, step: string) => `channels-${locale}-${String(n).padStart(2, '0')}-${step}`;

  it('adds a WeCom robot, tests it, routes alerts to it and shows a retried delivery', async () => {
    const { context, page } = await openPage(browser, server, locale);
    try {
      await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
      await page.getByRole('menuitem', { name: t['nav.channels'] }).click();
      await page.getByTestId('channels-table').waitFor();

      await page.getByTestId('channel-create').click();
      await page.getByTestId('channel-name').fill(name);
      await page.getByTestId('channel-url').fill(`${receiverUrl}/wecom-${locale}?key=KEY-${locale}`);
      await page.getByTestId('channel-submit').click();
      const row = page.getByTestId('channels-table').locator('tr', { hasText: name });
      await row.waitFor();
      await expect.poll(() => row.innerText()).toContain(t['channels.kind.wecom']);
      await settledShot(page, shotName(1, 'channel-added'));

      await page.getByTestId(`channel-test-${name}`).click();
      await page.getByText(fill(t['channels.testOk'], { status: 200 })).waitFor();
      expect(received.at(-1)!.path).toBe(`/wecom-${locale}`);
      expect(received.at(-1)!.body.msgtype).toBe('markdown');
      await settledShot(page, shotName(2, 'test-sent'));

      // Route alerts of every severity to the new channel, then raise one the way the alerts engine does: an outbox row.
      const api = apiAs(page);
      const channels = await api.json<{ items: ChannelView[] }>('/channels');
      const channel = channels.items.find((c) => c.name === name)!;
      // Messages in the page's language; and only this channel routed, so the one refused attempt is this delivery's.
      expect((await api.patch(`/channels/${channel.id}`, { locale })).status).toBe(200);
      for (const r of (await api.json<{ items: { id: string }[] }>('/channels/routes')).items) await api.call('DELETE', `/channels/routes/${r.id}`);
      expect((await api.post('/channels/routes', { channelId: channel.id, kind: 'alert' })).status).toBe(201);
      failNext = 1;
      const db = new Database(path.join(server.dataDir, 'showrunner.db'));
      try {
        db.prepare('insert into outbox (kind, severity, title_zh, title_en, body_zh, body_en, created_at) values (?, ?, ?, ?, ?, ?, ?)').run(
          'alert', 'critical', `负面评论激增（${locale}）`, `Negative comment surge (${locale})`, '近 5 分钟负面占比 42%', 'Negative share 42% over 5 minutes', new Date().toISOString(),
        );
      } finally {
        db.close();
      }
      await page.reload(); // the rule and the language were set through the API
      await page.getByTestId('tab-deliveries').click();
      const title = locale === 'zh-CN' ? `负面评论激增（${locale}）` : `Negative comment surge (${locale})`;
      // The first attempt gets a 500; the worker retries after a second and the log refreshes itself.
      const delivery = page.getByTestId('deliveries-table').locator('tr.ant-table-row', { hasText: title });
      await eventually(async () => expect(await delivery.innerText()).toContain(t['channels.status.sent']), { timeout: 20_000 });
      expect(await delivery.innerText()).toMatch(/\b2\b/);
      await delivery.locator('.ant-table-row-expand-icon').click();
      await page.getByText(fill(t['channels.delivery.attemptLine'], { n: 2, time: '' }).trim()).first().waitFor();
      await settledShot(page, shotName(3, 'delivery-log'));
      expect(received.filter((r) => r.body.markdown?.content.includes(title))).toHaveLength(2);
    } finally {
      await context.close();
    }
  });
});
