import { describe, expect, it } from 'vitest';
import { answerError, buildRequest, dingtalkSign, feishuSign, headline, truncateBytes, webhookSignature, type Notice } from './formats';

const notice = (over: Partial<Notice> = {}): Notice => ({
  outboxId: 7,
  kind: 'alert',
  severity: 'critical',
  title: '负面评论激增',
  body: '近 5 分钟负面占比 42%（基线 8%）',
  link: 'https://ops.example.com/sessions/s1/live',
  refId: 'a1',
  teamId: 't1',
  teamName: '美妆组',
  roomId: 'r1',
  roomName: '抖音美妆旗舰',
  createdAt: '2026-11-27T12:00:00.000Z',
  locale: 'zh-CN',
  ...over,
});
const now = new Date(1_700_000_000_000);

describe('signatures', () => {
  it.each([
    // DingTalk: the vector published with the `dingding` crate (timestamp 1700000000000 ms, secret "secret").
    ['dingtalk', () => encodeURIComponent(dingtalkSign('1700000000000', 'secret')), 'OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D'],
    // Feishu: the key is timestamp + "\n" + secret and the message is empty (values from Python's hmac module).
    ['feishu (docs timestamp)', () => feishuSign('1599360473', 'test-secret'), 'wSds2BzzFIIGf/WrhUO+NI1q/9j+FRJd3JNHKAq0NZY='],
    ['feishu', () => feishuSign('1700000000', 'SECfeishu'), 'T8PVsiE1HpAJWexa3tsPCf4uGJILpRXgMBTql5lUpP0='],
    ['generic webhook', () => webhookSignature('whsec', '1700000000', '{"a":1}'), 'sha256=8ad37ba156048ae0e0a5533c75cdf26fee88b07f93cb57ee4c80adb053012032'],
  ])('%s', (_name, compute, expected) => {
    expect(compute()).toBe(expected);
  });
});

describe('request per kind', () => {
  it('WeCom: markdown content with the headline, body, team, room and link', () => {
    const req = buildRequest({ kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', secret: null }, notice(), now);
    expect(req.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1');
    const body = JSON.parse(req.body);
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toBe(
      '### <font color="warning">【严重】告警：负面评论激增</font>\n近 5 分钟负面占比 42%（基线 8%）\n> 团队：美妆组\n> 直播间：抖音美妆旗舰\n> 时间：2026-11-27T12:00:00.000Z\n[查看详情](https://ops.example.com/sessions/s1/live)',
    );
    expect(req.headers['content-type']).toContain('application/json');
  });

  it('WeCom: content is cut to 4096 bytes', () => {
    const req = buildRequest({ kind: 'wecom', url: 'https://x.test/?key=k', secret: null }, notice({ body: '长'.repeat(3000) }), now);
    expect(Buffer.byteLength(JSON.parse(req.body).markdown.content, 'utf8')).toBeLessThanOrEqual(4096);
  });

  it('DingTalk: markdown with title and text; signed query when a secret is set', () => {
    const target = { kind: 'dingtalk' as const, url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'secret' };
    const req = buildRequest(target, notice({ locale: 'en-US', title: 'Negative surge', severity: 'warn' }), now);
    expect(req.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D');
    const body = JSON.parse(req.body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('[Warning] Alert: Negative surge');
    expect(body.markdown.text).toContain('### [Warning] Alert: Negative surge');
    expect(body.markdown.text).toContain('> Room: 抖音美妆旗舰');
    const unsigned = buildRequest({ ...target, secret: null }, notice(), now);
    expect(unsigned.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc');
  });

  it('Feishu: interactive card; timestamp (seconds) and sign in the body when a secret is set', () => {
    const req = buildRequest({ kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/h1', secret: 'SECfeishu' }, notice(), now);
    const body = JSON.parse(req.body);
    expect(body.timestamp).toBe('1700000000');
    expect(body.sign).toBe('T8PVsiE1HpAJWexa3tsPCf4uGJILpRXgMBTql5lUpP0=');
    expect(body.msg_type).toBe('interactive');
    expect(body.card.header).toEqual({ template: 'red', title: { tag: 'plain_text', content: '【严重】告警：负面评论激增' } });
    expect(body.card.elements[0]).toEqual({ tag: 'div', text: { tag: 'lark_md', content: '近 5 分钟负面占比 42%（基线 8%）' } });
    expect(body.card.elements[1].actions[0].url).toBe('https://ops.example.com/sessions/s1/live');
    const unsigned = JSON.parse(buildRequest({ kind: 'feishu', url: 'https://f.test/h', secret: null }, notice({ link: null }), now).body);
    expect(unsigned.timestamp).toBeUndefined();
    expect(unsigned.sign).toBeUndefined();
    expect(unsigned.card.elements.map((e: { tag: string }) => e.tag)).toEqual(['div', 'note']);
  });

  it('generic webhook: the documented JSON and an HMAC header over timestamp.body', () => {
    const req = buildRequest({ kind: 'webhook', url: 'https://hooks.example.com/in', secret: 'whsec' }, notice({ locale: 'en-US' }), now, 42);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({ event: 'showrunner.notification', version: 1, deliveryId: 42, sentAt: '2023-11-14T22:13:20.000Z' });
    expect(body.notice).toMatchObject({ outboxId: 7, kind: 'alert', severity: 'critical', severityLabel: 'Critical', kindLabel: 'Alert', title: '负面评论激增', roomId: 'r1', locale: 'en-US' });
    expect(req.headers['x-showrunner-timestamp']).toBe('1700000000');
    expect(req.headers['x-showrunner-delivery']).toBe('42');
    expect(req.headers['x-showrunner-signature']).toBe(webhookSignature('whsec', '1700000000', req.body));
    expect(buildRequest({ kind: 'webhook', url: 'https://h.test', secret: null }, notice(), now).headers['x-showrunner-signature']).toBeUndefined();
  });
});

describe('answers', () => {
  it.each([
    ['wecom', 200, '{"errcode":0,"errmsg":"ok"}', null],
    ['wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}', 'errcode 93000: invalid webhook url'],
    ['dingtalk', 200, '{"errcode":0,"errmsg":"ok"}', null],
    ['dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}', 'errcode 310000: sign not match'],
    ['dingtalk', 200, 'hello', 'not a JSON answer: hello'],
    ['feishu', 200, '{"code":0,"msg":"success","data":{}}', null],
    ['feishu', 200, '{"StatusCode":0,"StatusMessage":"success"}', null],
    ['feishu', 200, '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}', 'code 19021: sign match fail or timestamp is not within one hour from current time'],
    ['webhook', 204, '', null],
    ['webhook', 500, 'boom', 'HTTP 500: boom'],
    ['wecom', 502, '', 'HTTP 502'],
  ] as const)('%s %i %s', (kind, status, body, expected) => {
    expect(answerError(kind, status, body)).toBe(expected);
  });
});

describe('text', () => {
  it('headline in both languages', () => {
    expect(headline(notice())).toBe('【严重】告警：负面评论激增');
    expect(headline(notice({ locale: 'en-US', severity: 'info', kind: 'incident', title: 'SEV2 opened' }))).toBe('[Info] Incident: SEV2 opened');
  });
  it('truncateBytes never splits a character', () => {
    expect(truncateBytes('abc', 10)).toBe('abc');
    const cut = truncateBytes('汉字汉字汉字', 10);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});
