import { createHash, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** A UUID-shaped id derived from a name, so seeds produce the same ids on every run. */
export function stableId(kind: string, key: string): string {
  const h = createHash('sha1').update(`showrunner:${kind}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Timestamps are stored as ISO-8601 UTC text with milliseconds, so they compare correctly as text on both databases. */
export function nowIso(): string {
  return new Date().toISOString();
}
