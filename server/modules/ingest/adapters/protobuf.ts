/**
 * A minimal protobuf wire-format reader: enough to pick a few fields out of Bilibili's INTERACT_WORD_V2 payload
 * without a schema compiler or a dependency. It decodes one message level at a time into its raw fields; callers ask
 * for the fields they know by number and type. Unknown fields are skipped, as protobuf intends.
 * Reference: https://protobuf.dev/programming-guides/encoding/
 */

export type WireField =
  | { field: number; wire: 0; varint: bigint }
  | { field: number; wire: 1; fixed: Uint8Array }
  | { field: number; wire: 5; fixed: Uint8Array }
  | { field: number; wire: 2; bytes: Uint8Array };

export type ProtoFields = Map<number, WireField[]>;

const MAX_VARINT_BYTES = 10;

/** Read a varint at `offset`; null when it runs past the end or is longer than 10 bytes. */
export function readVarint(bytes: Uint8Array, offset: number): { value: bigint; next: number } | null {
  let value = 0n;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return null;
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return { value: value & 0xffff_ffff_ffff_ffffn, next: offset + i + 1 };
  }
  return null;
}

/**
 * Split one message into its fields, in order. Null when the bytes are not a well-formed message (truncated, a bad
 * wire type, field number 0). Groups (wire types 3 and 4, deprecated since proto2) are not supported.
 */
export function readFields(bytes: Uint8Array): ProtoFields | null {
  const fields: ProtoFields = new Map();
  let offset = 0;
  while (offset < bytes.length) {
    const key = readVarint(bytes, offset);
    if (!key) return null;
    offset = key.next;
    const fieldNumber = Number(key.value >> 3n);
    const wire = Number(key.value & 7n);
    if (fieldNumber < 1 || fieldNumber > 536_870_911) return null;
    let parsed: WireField;
    if (wire === 0) {
      const v = readVarint(bytes, offset);
      if (!v) return null;
      offset = v.next;
      parsed = { field: fieldNumber, wire: 0, varint: v.value };
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (offset + size > bytes.length) return null;
      const fixed = bytes.subarray(offset, offset + size);
      parsed = wire === 1 ? { field: fieldNumber, wire, fixed } : { field: fieldNumber, wire, fixed };
      offset += size;
    } else if (wire === 2) {
      const length = readVarint(bytes, offset);
      if (!length) return null;
      offset = length.next;
      if (length.value > BigInt(bytes.length - offset)) return null;
      const end = offset + Number(length.value);
      parsed = { field: fieldNumber, wire: 2, bytes: bytes.subarray(offset, end) };
      offset = end;
    } else {
      return null;
    }
    const list = fields.get(fieldNumber);
    if (list) list.push(parsed);
    else fields.set(fieldNumber, [parsed]);
  }
  return fields;
}

/** The last occurrence of a field (proto3: the last value wins), if it has the expected wire type. */
function last<W extends WireField['wire']>(fields: ProtoFields, fieldNumber: number, wires: readonly W[]): Extract<WireField, { wire: W }> | undefined {
  const list = fields.get(fieldNumber);
  const found = list?.[list.length - 1];
  return found && (wires as readonly number[]).includes(found.wire) ? (found as Extract<WireField, { wire: W }>) : undefined;
}

/** uint64/uint32/int64/enum/bool field as an unsigned bigint (int64 negatives come back as their two's complement). */
export function uintField(fields: ProtoFields, fieldNumber: number): bigint | undefined {
  return last(fields, fieldNumber, [0] as const)?.varint;
}

export function boolField(fields: ProtoFields, fieldNumber: number): boolean | undefined {
  const v = uintField(fields, fieldNumber);
  return v === undefined ? undefined : v !== 0n;
}

const utf8 = new TextDecoder('utf-8');

/** string field (invalid UTF-8 becomes U+FFFD). */
export function stringField(fields: ProtoFields, fieldNumber: number): string | undefined {
  const v = last(fields, fieldNumber, [2] as const);
  return v ? utf8.decode(v.bytes) : undefined;
}

/** Embedded message field, decoded one level; undefined when absent or malformed. */
export function messageField(fields: ProtoFields, fieldNumber: number): ProtoFields | undefined {
  const v = last(fields, fieldNumber, [2] as const);
  return v ? (readFields(v.bytes) ?? undefined) : undefined;
}

/** fixed64/sfixed64/double field's raw little-endian value as an unsigned bigint. */
export function fixed64Field(fields: ProtoFields, fieldNumber: number): bigint | undefined {
  const v = last(fields, fieldNumber, [1] as const);
  return v ? new DataView(v.fixed.buffer, v.fixed.byteOffset, 8).getBigUint64(0, true) : undefined;
}

/** fixed32/sfixed32/float field's raw little-endian value as an unsigned number. */
export function fixed32Field(fields: ProtoFields, fieldNumber: number): number | undefined {
  const v = last(fields, fieldNumber, [5] as const);
  return v ? new DataView(v.fixed.buffer, v.fixed.byteOffset, 4).getUint32(0, true) : undefined;
}

/** Standard or URL-safe base64, padded or not; null for anything else (Buffer.from would silently skip bad characters). */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) return null;
  // Node's base64 decoder also accepts the URL-safe alphabet.
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
