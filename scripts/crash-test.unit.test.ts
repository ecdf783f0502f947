import { describe, expect, it } from 'vitest';
import { NormalizedEventInput } from '../contracts/ingest';
import { between, eventId, findViolations, makeEvent, parseOptions } from './crash-test';

describe('crash test helpers', () => {
  it('reads options with defaults and rejects nonsense', () => {
    expect(parseOptions([])).toEqual({ kills: 5, seconds: 60, clients: 4, batch: 200, postgres: false });
    expect(parseOptions(['--kills', '3', '--batch', '1000', '--postgres'])).toMatchObject({ kills: 3, batch: 1000, postgres: true });
    expect(() => parseOptions(['--kills', '0'])).toThrow(/--kills/);
    expect(() => parseOptions(['--batch', '1.5'])).toThrow(/--batch/);
    expect(() => parseOptions(['--what'])).toThrow();
  });

  it('makes unique ids and events the normalized format accepts', () => {
    const ids = new Set<string>();
    for (let c = 0; c < 3; c++) for (let n = 0; n < 100; n++) ids.add(eventId('run', c, n));
    expect(ids.size).toBe(300);
    for (let n = 0; n < 8; n++) expect(NormalizedEventInput.safeParse(makeEvent(eventId('r', 0, n), n, '2026-12-01T11:05:10.000Z')).success).toBe(true);
  });

  it('finds lost acknowledged ids and ids stored twice', () => {
    const stored = new Map([
      ['a', 1],
      ['b', 2],
      ['x', 1],
    ]);
    expect(findViolations(['a', 'b', 'c'], stored)).toEqual({ lost: ['c'], duplicated: [['b', 2]] });
    expect(findViolations(['a', 'x'], new Map([['a', 1], ['x', 1], ['unacked', 1]]))).toEqual({ lost: [], duplicated: [] });
  });

  it('picks delays inside the range', () => {
    expect(between(1000, 4000, () => 0)).toBe(1000);
    expect(between(1000, 4000, () => 0.999999)).toBe(3999);
  });
});
