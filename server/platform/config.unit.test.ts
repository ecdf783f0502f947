import path from 'node:path';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';
import { Cipher, loadDataKey } from './crypto';
import { redactUrl } from './http';
import { stableId } from './ids';

describe('parseConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with SQLite under ./data', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toEqual({ kind: 'sqlite', file: path.resolve('data/showrunner.db') });
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
  });
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SHOWRUNNER_DATA_KEY: 'c2hvcnQ=' }, 'SHOWRUNNER_DATA_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %o naming %s', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });
});

describe('data key and cipher', () => {
  it('creates the key file once with mode 0600 and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-key-'));
    const k1 = loadDataKey(dir, undefined);
    const k2 = loadDataKey(dir, undefined);
    expect(k1.equals(k2)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
  it('prefers the key given by environment', () => {
    const key = randomBytes(32);
    expect(loadDataKey('/nonexistent-dir-never-created', key.toString('base64')).equals(key)).toBe(true);
  });
  it('round-trips text and refuses tampered or foreign ciphertext', () => {
    const c = new Cipher(randomBytes(32));
    const enc = c.encrypt('13812345678 上海');
    expect(enc).not.toContain('1381234');
    expect(c.decrypt(enc)).toBe('13812345678 上海');
    expect(c.encrypt('same')).not.toBe(c.encrypt('same'));
    const tampered = enc.slice(0, -2) + (enc.endsWith('A') ? 'BB' : 'AA');
    expect(() => c.decrypt(tampered)).toThrow();
    expect(() => new Cipher(randomBytes(32)).decrypt(enc)).toThrow();
  });
});

describe('redactUrl', () => {
  it('hides long opaque path segments such as invite tokens', () => {
    const token = 'a'.repeat(43);
    expect(redactUrl(`/api/v1/invites/${token}/accept`)).toBe('/api/v1/invites/[redacted]/accept');
    expect(redactUrl(`/api/v1/invites/${token}`)).toBe('/api/v1/invites/[redacted]');
    expect(redactUrl('/api/v1/people/0d6eb397-3993-5eba-a85f-cd6a9c6a9f24')).toBe('/api/v1/people/0d6eb397-3993-5eba-a85f-cd6a9c6a9f24');
  });
});

describe('stableId', () => {
  it('is deterministic, distinct per kind and key, and UUID-shaped', () => {
    expect(stableId('team', 'beauty')).toBe(stableId('team', 'beauty'));
    expect(stableId('team', 'beauty')).not.toBe(stableId('room', 'beauty'));
    expect(stableId('team', 'beauty')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
