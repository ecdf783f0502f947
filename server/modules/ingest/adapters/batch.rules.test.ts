import { describe, expect, it } from 'vitest';
import { MAX_BATCH_ITEMS, parseBatch } from './batch';
import { ctx } from './fixtures/expected';
import { adaptBatch } from './index';

const comment = (id: string) => ({ kind: 'comment', id, at: '2026-11-27T12:00:00Z', text: `hi ${id}` });

describe('parseBatch', () => {
  it('reads a JSON array, as text, bytes or already parsed', () => {
    const items = [comment('a'), comment('b')];
    const expected = { entries: [{ index: 0, item: items[0] }, { index: 1, item: items[1] }], errors: [] };
    expect(parseBatch(JSON.stringify(items), 'application/json')).toEqual(expected);
    expect(parseBatch(new TextEncoder().encode(JSON.stringify(items)), 'application/json')).toEqual(expected);
    expect(parseBatch(items, 'application/json')).toEqual(expected);
    expect(parseBatch(`\ufeff${JSON.stringify(items)}`, undefined)).toEqual(expected);
  });

  it('reads NDJSON: one value per line, blank lines and CRLF ignored, a bad line is an error at its index', () => {
    const body = `${JSON.stringify(comment('a'))}\r\n\n{"kind": oops}\n${JSON.stringify(comment('c'))}\n`;
    expect(parseBatch(body, 'application/x-ndjson')).toEqual({
      entries: [
        { index: 0, item: comment('a') },
        { index: 2, item: comment('c') },
      ],
      errors: [{ index: 1, message: 'line 3: not valid JSON / 第 3 行不是有效的 JSON' }],
    });
  });

  it('recognizes NDJSON by content, whatever the content type says', () => {
    const body = [comment('a'), comment('b')].map((c) => JSON.stringify(c)).join('\n');
    for (const type of ['application/json', 'text/plain', undefined, 'application/jsonl; charset=utf-8']) {
      expect(parseBatch(body, type)).toMatchObject({ entries: [{ index: 0 }, { index: 1 }], errors: [] });
    }
  });

  it('takes one JSON object as a batch of one; an empty body as an empty batch', () => {
    expect(parseBatch(comment('a'), 'application/json')).toEqual({ entries: [{ index: 0, item: comment('a') }], errors: [] });
    expect(parseBatch(JSON.stringify(comment('a')), 'application/json')).toEqual({ entries: [{ index: 0, item: comment('a') }], errors: [] });
    expect(parseBatch('', 'application/x-ndjson')).toEqual({ entries: [], errors: [] });
    expect(parseBatch('[]', 'application/json')).toEqual({ entries: [], errors: [] });
  });

  it('refuses bodies that are no batch at all', () => {
    for (const body of [undefined, null, 42, true, '42', '"text"', 'null', '[1, 2', new Uint8Array([0xff, 0xfe, 0x00])]) {
      expect(parseBatch(body, 'application/json')).toEqual({ error: expect.any(String) });
    }
  });

  it('refuses items containing NUL, which the database cannot store', () => {
    expect(parseBatch([comment('a'), { kind: 'comment', text: 'a\u0000b' }, { 'k\u0000': 1 }], 'application/json')).toEqual({
      entries: [{ index: 0, item: comment('a') }],
      errors: [
        { index: 1, message: 'text must not contain NUL (U+0000) / 文本不能包含空字符' },
        { index: 2, message: 'text must not contain NUL (U+0000) / 文本不能包含空字符' },
      ],
    });
    expect(parseBatch('{"text":"a\\u0000"}', 'application/x-ndjson')).toMatchObject({ errors: [{ index: 0, message: expect.stringMatching(/^line 1: .*NUL/) }] });
  });

  it(`caps a batch at ${MAX_BATCH_ITEMS} items`, () => {
    expect(parseBatch(Array.from({ length: MAX_BATCH_ITEMS }, () => ({})), 'application/json')).toMatchObject({ errors: [] });
    expect(parseBatch(Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({})), 'application/json')).toEqual({ error: expect.stringMatching(/at most/) });
    expect(parseBatch('{}\n'.repeat(MAX_BATCH_ITEMS + 1), 'application/x-ndjson')).toEqual({ error: expect.stringMatching(/at most/) });
  });
});

describe('adaptBatch', () => {
  it('runs every item through the platform adapter, keeping item indexes for events and errors', () => {
    const body = [
      { event: 'chat', data: { common: { msgId: '1', createTime: '1795780800000' }, user: { id: '9', nickname: 'n' }, content: 'hi' } },
      { event: 'gift', data: { common: { msgId: '2' }, gift: { type: 1, diamondCount: 1 }, repeatCount: 1, repeatEnd: 0 } },
      { event: 'chat', data: {} },
      'garbage',
    ];
    const batch = parseBatch(body, 'application/json');
    if ('error' in batch) throw new Error(batch.error);
    const adapted = adaptBatch('tiktok', batch, ctx);
    expect(adapted.events.map(({ index, event }) => [index, event.kind, event.platformMsgId])).toEqual([[0, 'comment', '1']]);
    expect(adapted.errors.map((e) => e.index)).toEqual([2, 3]);
  });

  it('merges and orders the parse errors with the adapter errors', () => {
    const batch = parseBatch(`not json\n${JSON.stringify(comment('b'))}\n{"kind":"comment"}`, 'application/x-ndjson');
    if ('error' in batch) throw new Error(batch.error);
    const adapted = adaptBatch('custom', batch, ctx);
    expect(adapted.events.map((e) => e.index)).toEqual([1]);
    expect(adapted.errors.map((e) => e.index)).toEqual([0, 2]);
  });
});
