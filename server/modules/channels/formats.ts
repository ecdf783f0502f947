import { createHmac } from 'node:crypto';
import type { ChannelKind } from '../../../contracts/channels';
import type { Locale } from '../../../contracts/common';

/**
 * The wire formats of each channel kind: pure functions from a notice to the HTTP request, and from the receiver's answer
 * to success or an error. No clock and no I/O: the caller passes the time, so signatures are reproducible in tests.
 *
 * - WeCom group robot (企业微信群机器人): POST JSON `{ msgtype: 'markdown', markdown: { content } }` to
 *   https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…; answers `{ errcode: 0, errmsg: 'ok' }`. Content ≤ 4096 bytes.
 * - DingTalk custom robot (钉钉自定义机器人): POST JSON `{ msgtype: 'markdown', markdown: { title, text } }`. With 加签,
 *   `sign = urlEncode(base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)))`, timestamp in milliseconds,
 *   appended as `&timestamp=…&sign=…`; answers `{ errcode: 0, errmsg: 'ok' }`.
 * - Feishu/Lark custom bot (飞书自定义机器人): POST JSON `{ msg_type: 'interactive', card }`. With 签名校验,
 *   `sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = ""))`, timestamp in seconds, both in the body;
 *   answers `{ code: 0, msg: 'success' }` (older hooks: `{ StatusCode: 0 }`).
 * - Generic webhook: POST JSON (see WebhookPayload); with a secret, `X-Showrunner-Signature: sha256=<hex HMAC-SHA256 of
 *   "<X-Showrunner-Timestamp>.<raw body>">`. Any 2xx is success.
 */

export interface Notice {
  /** The outbox row it comes from; null for a test send. */
  outboxId: number | null;
  kind: string;
  severity: string;
  title: string;
  body: string;
  link: string | null;
  refId: string | null;
  teamId: string | null;
  teamName: string | null;
  roomId: string | null;
  roomName: string | null;
  createdAt: string;
  locale: Locale;
}

export interface ChannelTarget {
  kind: ChannelKind;
  url: string;
  secret: string | null;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The generic webhook's JSON body. */
export interface WebhookPayload {
  event: 'showrunner.notification';
  version: 1;
  deliveryId: number | null;
  sentAt: string;
  notice: Omit<Notice, 'locale'> & { locale: Locale; severityLabel: string; kindLabel: string };
}

const SEVERITY_LABEL: Record<Locale, Record<string, string>> = {
  'zh-CN': { info: '提示', warn: '警告', critical: '严重' },
  'en-US': { info: 'Info', warn: 'Warning', critical: 'Critical' },
};
const KIND_LABEL: Record<Locale, Record<string, string>> = {
  'zh-CN': { alert: '告警', incident: '事件', report: '报告', test: '测试' },
  'en-US': { alert: 'Alert', incident: 'Incident', report: 'Report', test: 'Test' },
};
const WORDS = {
  'zh-CN': { team: '团队', room: '直播间', at: '时间', open: '查看详情', sep: '：' },
  'en-US': { team: 'Team', room: 'Room', at: 'Time', open: 'Open', sep: ': ' },
} as const;

export function severityLabel(severity: string, locale: Locale): string {
  return SEVERITY_LABEL[locale][severity] ?? severity;
}

export function kindLabel(kind: string, locale: Locale): string {
  return KIND_LABEL[locale][kind] ?? kind;
}

/** "【严重】告警：…" / "[Critical] Alert: …" */
export function headline(n: Notice): string {
  const w = WORDS[n.locale];
  const sev = severityLabel(n.severity, n.locale);
  return n.locale === 'zh-CN' ? `【${sev}】${kindLabel(n.kind, n.locale)}${w.sep}${n.title}` : `[${sev}] ${kindLabel(n.kind, n.locale)}${w.sep}${n.title}`;
}

function metaLines(n: Notice): string[] {
  const w = WORDS[n.locale];
  const lines: string[] = [];
  if (n.teamName) lines.push(`${w.team}${w.sep}${n.teamName}`);
  if (n.roomName) lines.push(`${w.room}${w.sep}${n.roomName}`);
  lines.push(`${w.at}${w.sep}${n.createdAt}`);
  return lines;
}

/** Cuts UTF-8 text to at most `max` bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > max - 3) break;
    out += ch;
    bytes += b;
  }
  return out + '…';
}

function linkLine(n: Notice): string[] {
  return n.link ? [`[${WORDS[n.locale].open}](${n.link})`] : [];
}

export function dingtalkSign(timestampMs: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

export function feishuSign(timestampSec: string, secret: string): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

export function webhookSignature(secret: string, timestampSec: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestampSec}.${body}`, 'utf8').digest('hex');
}

function withQuery(url: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return url + (url.includes('?') ? '&' : '?') + query;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Showrunner' };

export function wecomRequest(target: ChannelTarget, n: Notice): OutgoingRequest {
  const color = n.severity === 'info' ? 'info' : 'warning';
  const content = [`### <font color="${color}">${headline(n)}</font>`, n.body, ...metaLines(n).map((l) => `> ${l}`), ...linkLine(n)].filter(Boolean).join('\n');
  return { url: target.url, headers: { ...JSON_HEADERS }, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: truncateBytes(content, 4096) } }) };
}

export function dingtalkRequest(target: ChannelTarget, n: Notice, now: Date): OutgoingRequest {
  const text = [`### ${headline(n)}`, '', n.body, '', ...metaLines(n).map((l) => `> ${l}\n`), ...linkLine(n)].join('\n');
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: truncateBytes(headline(n), 200), text: truncateBytes(text, 18000) } });
  if (!target.secret) return { url: target.url, headers: { ...JSON_HEADERS }, body };
  const timestamp = String(now.getTime());
  return { url: withQuery(target.url, { timestamp, sign: dingtalkSign(timestamp, target.secret) }), headers: { ...JSON_HEADERS }, body };
}

export function feishuRequest(target: ChannelTarget, n: Notice, now: Date): OutgoingRequest {
  const template = n.severity === 'critical' ? 'red' : n.severity === 'warn' ? 'orange' : 'blue';
  const elements: unknown[] = [{ tag: 'div', text: { tag: 'lark_md', content: truncateBytes(n.body || headline(n), 8000) } }];
  if (n.link) elements.push({ tag: 'action', actions: [{ tag: 'button', text: { tag: 'plain_text', content: WORDS[n.locale].open }, type: 'primary', url: n.link }] });
  elements.push({ tag: 'note', elements: [{ tag: 'plain_text', content: metaLines(n).join(' · ') }] });
  const card = { config: { wide_screen_mode: true }, header: { template, title: { tag: 'plain_text', content: headline(n) } }, elements };
  const signed = target.secret ? (() => {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    return { timestamp, sign: feishuSign(timestamp, target.secret!) };
  })() : {};
  return { url: target.url, headers: { ...JSON_HEADERS }, body: JSON.stringify({ ...signed, msg_type: 'interactive', card }) };
}

export function webhookRequest(target: ChannelTarget, n: Notice, now: Date, deliveryId: number | null): OutgoingRequest {
  const payload: WebhookPayload = {
    event: 'showrunner.notification',
    version: 1,
    deliveryId,
    sentAt: now.toISOString(),
    notice: { ...n, severityLabel: severityLabel(n.severity, n.locale), kindLabel: kindLabel(n.kind, n.locale) },
  };
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = { ...JSON_HEADERS, 'x-showrunner-event': 'notification', 'x-showrunner-timestamp': timestamp };
  if (deliveryId !== null) headers['x-showrunner-delivery'] = String(deliveryId);
  if (target.secret) headers['x-showrunner-signature'] = webhookSignature(target.secret, timestamp, body);
  return { url: target.url, headers, body };
}

/** The request to send for `n` to `target` at `now`. */
export function buildRequest(target: ChannelTarget, n: Notice, now: Date, deliveryId: number | null = null): OutgoingRequest {
  switch (target.kind) {
    case 'wecom':
      return wecomRequest(target, n);
    case 'dingtalk':
      return dingtalkRequest(target, n, now);
    case 'feishu':
      return feishuRequest(target, n, now);
    case 'webhook':
      return webhookRequest(target, n, now, deliveryId);
  }
}

/**
 * Why the receiver's answer is a failure, or null when it is a success. The robots answer HTTP 200 with an error code in
 * the body for a bad key, a bad signature or a rate limit, so their code is checked too.
 */
export function answerError(kind: ChannelKind, status: number, body: string): string | null {
  const snippet = body.slice(0, 200);
  if (status < 200 || status >= 300) return `HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
  if (kind === 'webhook') return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return `not a JSON answer: ${snippet}`;
  }
  if (kind === 'feishu') {
    const code = parsed.code ?? parsed.StatusCode;
    if (code === 0) return null;
    return `code ${String(code)}: ${String(parsed.msg ?? parsed.StatusMessage ?? '')}`;
  }
  if (parsed.errcode === 0) return null;
  return `errcode ${String(parsed.errcode)}: ${String(parsed.errmsg ?? '')}`;
}
