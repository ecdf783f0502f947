import { describe, expect, it } from 'vitest';
import { afterFailedLogin, AttemptLimiter, isLocked, linkState, LOCKOUT, permissionsFor, removesLastOwner, scopeFor } from './accounts.rules';

const now = new Date('2026-11-27T10:00:00.000Z');

describe('afterFailedLogin', () => {
  it.each([
    [0, 1, null],
    [3, 4, null],
    [LOCKOUT.maxFailures - 1, 0, '2026-11-27T10:15:00.000Z'],
  ])('after %i failures: count %i, locked until %s', (before, count, until) => {
    expect(afterFailedLogin(before, now)).toEqual({ failedLogins: count, lockedUntil: until });
  });
});

describe('isLocked', () => {
  it.each([
    [null, false],
    ['2026-11-27T09:59:59.999Z', false],
    ['2026-11-27T10:00:00.000Z', false],
    ['2026-11-27T10:00:00.001Z', true],
  ])('locked_until %s → %s', (until, locked) => expect(isLocked(until, now)).toBe(locked));
});

describe('linkState', () => {
  it.each([
    [{ expires_at: '2026-11-28T00:00:00.000Z', accepted_at: null }, 'valid'],
    [{ expires_at: '2026-11-27T10:00:00.000Z', accepted_at: null }, 'expired'],
    [{ expires_at: '2026-11-28T00:00:00.000Z', accepted_at: '2026-11-27T09:00:00.000Z' }, 'used'],
  ] as const)('%o → %s', (link, state) => expect(linkState(link, now)).toBe(state));
});

describe('removesLastOwner', () => {
  const owner = { role: 'owner', status: 'active' };
  it.each([
    [1, owner, { role: 'manager', status: 'active' }, true],
    [1, owner, { role: 'owner', status: 'deactivated' }, true],
    [2, owner, { role: 'manager', status: 'active' }, false],
    [1, owner, owner, false],
    [1, { role: 'manager', status: 'active' }, { role: 'viewer', status: 'active' }, false],
  ])('owners=%i %o → %o: %s', (owners, target, next, expected) => expect(removesLastOwner(owners, target, next)).toBe(expected));
});

describe('roles', () => {
  it('gives owners every permission and everyone read access', () => {
    expect(permissionsFor('owner').has('user:manage')).toBe(true);
    expect(permissionsFor('manager').has('user:manage')).toBe(false);
    expect(permissionsFor('manager').has('person:reveal')).toBe(true);
    expect(permissionsFor('member').has('person:reveal')).toBe(false);
    expect(permissionsFor('viewer').has('person:write')).toBe(false);
    for (const r of ['owner', 'manager', 'member', 'viewer'] as const) expect(permissionsFor(r).has('catalog:read')).toBe(true);
  });
  it('scopes everyone but owners to their teams', () => {
    expect(scopeFor('owner', ['a'])).toBe('all');
    expect(scopeFor('manager', ['a', 'b'])).toEqual(['a', 'b']);
    expect(scopeFor('viewer', [])).toEqual([]);
  });
});

describe('AttemptLimiter', () => {
  it('allows max attempts per window per key, then refuses until the window slides', () => {
    const limiter = new AttemptLimiter(3, 1000);
    expect([0, 10, 20].map((t) => limiter.allow('ip', t))).toEqual([true, true, true]);
    expect(limiter.allow('ip', 30)).toBe(false);
    expect(limiter.allow('other', 30)).toBe(true);
    expect(limiter.allow('ip', 1001)).toBe(true);
  });
});
