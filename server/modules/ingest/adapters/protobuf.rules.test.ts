import { describe, expect, it } from 'vitest';
import samples from './fixtures/bilibili.json';
import { boolField, decodeBase64, fixed32Field, fixed64Field, messageField, readFields, readVarint, stringField, uintField } from './protobuf';

// A writer for the tests only: how the INTERACT_WORD_V2 fixtures were built from the documented field numbers.
function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return out;
}
const key = (field: number, wire: number) => varint((field << 3) | wire);
const uint = (field: number, n: number | bigint) => [...key(field, 0), ...varint(n)];
const bytes = (field: number, content: number[]) => [...key(field, 2), ...varint(content.length), ...content];
const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);

describe('protobuf wire reader', () => {
  it('reads varints, including 64-bit values, and refuses truncated or over-long ones', () => {
    expect(readVarint(Uint8Array.from([0x00]), 0)).toEqual({ value: 0n, next: 1 });
    expect(readVarint(Uint8Array.from([0xac, 0x02]), 0)).toEqual({ value: 300n, next: 2 });
    expect(readVarint(Uint8Array.from(varint(0xffff_ffff_ffff_ffffn)), 0)).toEqual({ value: 0xffff_ffff_ffff_ffffn, next: 10 });
    expect(readVarint(Uint8Array.from([0x80, 0x80]), 0)).toBeNull();
    expect(readVarint(Uint8Array.from(Array(11).fill(0x80)), 0)).toBeNull();
  });

  it('splits a message into fields of every wire type; the last value of a repeated scalar wins; unknown fields are skipped', () => {
    const fixed64 = [...key(3, 1), 1, 0, 0, 0, 0, 0, 0, 0x80];
    const fixed32 = [...key(4, 5), 0x78, 0x56, 0x34, 0x12];
    const message = Uint8Array.from([...uint(1, 7), ...str(2, '木子李'), ...fixed64, ...fixed32, ...uint(1, 9), ...bytes(6, uint(1, 5)), ...uint(99, 1), ...uint(8, 1)]);
    const fields = readFields(message);
    expect(fields).not.toBeNull();
    if (!fields) return;
    expect(uintField(fields, 1)).toBe(9n);
    expect(stringField(fields, 2)).toBe('木子李');
    expect(fixed64Field(fields, 3)).toBe(0x8000_0000_0000_0001n);
    expect(fixed32Field(fields, 4)).toBe(0x12345678);
    const inner = messageField(fields, 6);
    expect(inner && uintField(inner, 1)).toBe(5n);
    expect(boolField(fields, 8)).toBe(true);
    // Asking for a field with another wire type gives nothing rather than a misread value.
    expect(stringField(fields, 1)).toBeUndefined();
    expect(uintField(fields, 2)).toBeUndefined();
    expect(uintField(fields, 5)).toBeUndefined();
  });

  it('refuses malformed messages', () => {
    expect(readFields(Uint8Array.from([...key(2, 2), 5, 0x61]))).toBeNull(); // length past the end
    expect(readFields(Uint8Array.from([...key(1, 3)]))).toBeNull(); // group start
    expect(readFields(Uint8Array.from([...key(1, 6), 0]))).toBeNull(); // no such wire type
    expect(readFields(Uint8Array.from([0x00, 0x01]))).toBeNull(); // field number 0
    expect(readFields(Uint8Array.from([...key(4, 5), 1, 2]))).toBeNull(); // short fixed32
    expect(readFields(new Uint8Array(0))).toEqual(new Map());
  });

  it('decodes standard and URL-safe base64, and nothing else', () => {
    expect(decodeBase64('CAc=')).toEqual(Uint8Array.from([8, 7]));
    expect(decodeBase64('CAc')).toEqual(Uint8Array.from([8, 7]));
    expect(decodeBase64('-_8=')).toEqual(Uint8Array.from([0xfb, 0xff]));
    expect(decodeBase64('not base64!')).toBeNull();
    expect(decodeBase64('A')).toBeNull();
  });

  it('the INTERACT_WORD_V2 fixture is live.xuserreward.v1.InteractWord built from the documented field numbers', () => {
    // uid=1, uname=2, uname_color=3, identities=4 (packed), msg_type=5, roomid=6, timestamp=7 (s), score=8,
    // fans_medal=9 {target_id=1, medal_level=2, medal_name=3, medal_color=4, is_lighted=8, anchor_roomid=12},
    // trigger_time=15 (ns), uinfo=22 {uid=1, base=2 {name=1, face=2}, wealth=4 {level=1}}
    const face = 'https://i0.hdslb.com/bfs/face/member/noface.jpg';
    const built = Buffer.from([
      ...uint(1, 3493118494870016),
      ...str(2, '木子李'),
      ...str(3, ''),
      ...bytes(4, varint(1)),
      ...uint(5, 1),
      ...uint(6, 21452505),
      ...uint(7, 1795780830),
      ...uint(8, 1795780830271n),
      ...bytes(9, [...uint(1, 1234567), ...uint(2, 7), ...str(3, '小鹿'), ...uint(4, 6067854), ...uint(8, 1), ...uint(12, 21452505)]),
      ...uint(15, 1795780830271828193n),
      ...bytes(22, [...uint(1, 3493118494870016), ...bytes(2, [...str(1, '木子李'), ...str(2, face)]), ...bytes(4, uint(1, 12))]),
    ]).toString('base64');
    expect(samples.INTERACT_WORD_V2_enter.data.pb).toBe(built);

    const decoded = decodeBase64(samples.INTERACT_WORD_V2_enter.data.pb);
    const fields = decoded && readFields(decoded);
    expect(fields).toBeTruthy();
    if (!fields) return;
    expect(uintField(fields, 1)).toBe(3493118494870016n);
    expect(stringField(fields, 2)).toBe('木子李');
    expect(uintField(fields, 5)).toBe(1n);
    expect(uintField(fields, 15)).toBe(1795780830271828193n);
    const medal = messageField(fields, 9);
    expect(medal && stringField(medal, 3)).toBe('小鹿');
    const base = messageField(messageField(fields, 22) ?? new Map(), 2);
    expect(base && stringField(base, 1)).toBe('木子李');
  });
});
