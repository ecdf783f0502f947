import { describe, expect, it } from 'vitest';
import { currentSlotAt } from '../../../contracts/live';

const start = '2026-12-01T11:00:00.000Z';
const t = (minutes: number) => Date.parse(start) + minutes * 60_000;
const slots = [{ plannedMinutes: 30 }, { plannedMinutes: 15 }];

describe('currentSlotAt', () => {
  it.each([
    [-1, { index: null, phase: 'before' }],
    [0, { index: 0, phase: 'on', elapsedSeconds: 0, plannedSeconds: 1800 }],
    [29.5, { index: 0, phase: 'on', elapsedSeconds: 1770, plannedSeconds: 1800 }],
    [30, { index: 1, phase: 'on', elapsedSeconds: 0, plannedSeconds: 900 }],
    [44, { index: 1, phase: 'on', elapsedSeconds: 840 }],
    [45, { index: null, phase: 'after' }],
  ])('at %s minutes', (minutes, expected) => {
    expect(currentSlotAt(slots, start, t(minutes))).toMatchObject(expected);
  });

  it('has no slot without a run of show', () => {
    expect(currentSlotAt([], start, t(5))).toMatchObject({ index: null, phase: 'before' });
  });
});
