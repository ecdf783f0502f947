import type { IngestItemError } from '../../../../contracts/ingest';

/** One item of a batch and its position: the index in the JSON array, or among the non-blank NDJSON lines (from 0). */
export interface BatchEntry {
  index: number;
  item: unknown;
}

/** The readable items, and the items that are not even JSON (an NDJSON line that does not parse). */
export interface ParsedBatch {
  entries: BatchEntry[];
  errors: IngestItemError[];
}

/** A batch, or why the body as a whole is not one (400 'ingest/invalid-batch'). */
export type BatchParse = ParsedBatch | { error: string };

/** Items per request; a bridge sends more in several requests. */
export const MAX_BATCH_ITEMS = 5000;

const NOT_A_BATCH = 'expected a JSON array or NDJSON (one JSON object per line) / 请求体须为 JSON 数组或 NDJSON（每行一个 JSON 对象）';
const TOO_MANY = `at most ${MAX_BATCH_ITEMS} items per request / 每次最多 ${MAX_BATCH_ITEMS} 条`;
const HAS_NUL = 'text must not contain NUL (U+0000) / 文本不能包含空字符';

/** Content types that mean one JSON value per line. */
export function isNdjson(contentType: string | null | undefined): boolean {
  return typeof contentType === 'string' && /(ndjson|jsonl|json-lines|jsonlines)/i.test(contentType.split(';')[0] ?? '');
}

/** Whether any string or key inside contains NUL (PostgreSQL cannot store it). Iterative: no stack overflow on deep input. */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return true;
    } else if (Array.isArray(current)) {
      for (const inner of current) stack.push(inner);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        if (key.includes('\u0000')) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

function fromItems(items: unknown[]): BatchParse {
  if (items.length > MAX_BATCH_ITEMS) return { error: TOO_MANY };
  const parsed: ParsedBatch = { entries: [], errors: [] };
  items.forEach((item, index) => {
    if (containsNul(item)) parsed.errors.push({ index, message: HAS_NUL });
    else parsed.entries.push({ index, item });
  });
  return parsed;
}

function fromLines(body: string): BatchParse {
  const parsed: ParsedBatch = { entries: [], errors: [] };
  const lines = body.split(/\r?\n/);
  let index = 0;
  for (let lineNo = 1; lineNo <= lines.length; lineNo++) {
    const line = lines[lineNo - 1] ?? '';
    if (line.trim() === '') continue;
    if (index >= MAX_BATCH_ITEMS) return { error: TOO_MANY };
    try {
      const item: unknown = JSON.parse(line);
      if (containsNul(item)) parsed.errors.push({ index, message: `line ${lineNo}: ${HAS_NUL}` });
      else parsed.entries.push({ index, item });
    } catch {
      parsed.errors.push({ index, message: `line ${lineNo}: not valid JSON / 第 ${lineNo} 行不是有效的 JSON` });
    }
    index++;
  }
  return parsed;
}

function fromText(text: string, contentType: string | null | undefined): BatchParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!isNdjson(contentType)) {
    // A JSON document first (an array, or one object); a body that is not one JSON value is read as NDJSON, so a
    // bridge that labels NDJSON as application/json still works.
    let whole: unknown;
    let isJson = true;
    try {
      whole = JSON.parse(body);
    } catch {
      isJson = false;
    }
    if (isJson) {
      if (Array.isArray(whole)) return fromItems(whole);
      if (whole !== null && typeof whole === 'object') return fromItems([whole]);
      return { error: NOT_A_BATCH };
    }
    if (body.trimStart().startsWith('[')) return { error: `the body is not valid JSON / 请求体不是有效的 JSON` };
  }
  return fromLines(body);
}

/**
 * Read a request body as a batch of items: a JSON array, NDJSON (one JSON value per line; blank lines ignored), or a
 * single JSON object (a one-line batch). `body` is the raw text or bytes, or what a JSON body parser already made of
 * it. Lines that are not JSON, and items containing NUL, are per-item errors; a body that is no batch at all is an error.
 */
export function parseBatch(body: unknown, contentType?: string | null): BatchParse {
  try {
    if (body instanceof Uint8Array) {
      let decoded: string;
      try {
        decoded = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return { error: 'the body is not UTF-8 text / 请求体不是 UTF-8 文本' };
      }
      return fromText(decoded, contentType);
    }
    if (typeof body === 'string') return fromText(body, contentType);
    if (Array.isArray(body)) return fromItems(body);
    if (body !== null && typeof body === 'object') return fromItems([body]);
    return { error: NOT_A_BATCH };
  } catch {
    return { error: NOT_A_BATCH };
  }
}
