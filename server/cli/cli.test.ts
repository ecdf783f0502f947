import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect } from '../test/harness';

// The real command, as an operator runs it: `node bin/showrunner.mjs …` in a child process with its own DATA_DIR.
// The commands themselves behave the same on both databases, so the flows run on SQLite; the PostgreSQL project checks
// only what differs there (backup).

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/showrunner.mjs');
const SPAWN_TIMEOUT = 60_000;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...extra };
  for (const key of ['DATABASE_URL', 'SHOWRUNNER_DATA_KEY', 'PORT', 'HOST']) if (!(key in extra)) delete env[key];
  return env;
}

function cli(args: string[], options: { dataDir: string; stdin?: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv({ DATA_DIR: options.dataDir, ...options.env }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`showrunner ${args.join(' ')} did not finish in ${SPAWN_TIMEOUT} ms`));
    }, SPAWN_TIMEOUT);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

const jsonOf = (r: CliResult) => JSON.parse(r.stdout.trim()) as Record<string, unknown>;

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-cli-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

if (dialect === 'postgres') {
  describe('showrunner CLI on PostgreSQL', () => {
    it('explains how to back up PostgreSQL, exits 2 and touches nothing', async () => {
      const url = process.env.TEST_DATABASE_URL;
      expect(url, 'TEST_DATABASE_URL').toBeDefined();
      const dataDir = tempDir();
      const target = path.join(dataDir, 'x');
      const r = await cli(['backup', '--to', target], { dataDir, env: { DATABASE_URL: url! } });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain('PostgreSQL');
      expect(r.stderr).toContain('pg_dump');
      expect(r.stderr).toContain('secret.key');
      expect(r.stdout).toBe('');
      expect(fs.existsSync(target)).toBe(false);
      // Not even the data key is created: the command stops before opening anything.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    }, 90_000);
  });
} else {
  describe('showrunner CLI on SQLite', () => {
    let dataDir: string;
    let dbFile: string;
    let teamId: string;
    let roomId: string;

    beforeAll(() => {
      dataDir = tempDir();
      dbFile = path.join(dataDir, 'showrunner.db');
    });

    const run = (args: string[], stdin?: string) => cli(args, { dataDir, stdin });
    const openDb = () => new SQLite(dbFile, { readonly: true, fileMustExist: true });

    it('migrates a fresh data directory and reports it as JSON', async () => {
      const r = await run(['migrate', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const out = jsonOf(r);
      expect(Array.isArray(out.applied)).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
      const db = openDb();
      try {
        const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
        expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['users', 'teams', 'rooms', 'people', 'audit_log', 'schema_migrations']));
        expect((db.prepare('select count(*) as n from schema_migrations').get() as { n: number }).n).toBeGreaterThan(0);
      } finally {
        db.close();
      }
      const again = await run(['migrate', '--json']);
      expect(again.status).toBe(0);
      expect(jsonOf(again)).toEqual({ applied: [] });
    }, 90_000);

    it('creates an owner from a password on stdin, once per email', async () => {
      const r = await run(['create-owner', '--email', 'cli-owner@example.com', '--name', '命令行老板'], 'a good password\n');
      expect(r.status, r.stderr).toBe(0);
      const id = r.stdout.trim();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const db = openDb();
      try {
        const user = db.prepare('select id, email, display_name, role, password_hash from users where id = ?').get(id) as Record<string, string>;
        expect(user).toMatchObject({ email: 'cli-owner@example.com', display_name: '命令行老板', role: 'owner' });
        expect(user.password_hash).not.toContain('a good password');
        expect(user.password_hash).toMatch(/^\$argon2id\$/);
        // The first owner also gets the default catalogue.
        expect((db.prepare("select name_zh from positions where code = 'host'").get() as { name_zh: string }).name_zh).toBe('主播');
      } finally {
        db.close();
      }

      const dup = await run(['create-owner', '--email', 'CLI-Owner@example.com', '--json'], 'another good password');
      expect(dup.status).toBe(4);
      expect(jsonOf(dup)).toMatchObject({ error: { code: 'user/email-taken' } });

      const short = await run(['create-owner', '--email', 'second@example.com'], 'short');
      expect(short.status).toBe(2);
      expect(short.stderr).toContain('password');
      const db2 = openDb();
      try {
        expect(db2.prepare('select email from users order by email').all()).toEqual([{ email: 'cli-owner@example.com' }]);
      } finally {
        db2.close();
      }
    }, 90_000);

    it('creates a team and finds it by name for a room', async () => {
      const team = await run(['create-team', '--name', '美妆组', '--json']);
      expect(team.status, team.stderr).toBe(0);
      const teamOut = jsonOf(team);
      expect(teamOut).toEqual({ id: expect.any(String), name: '美妆组' });
      teamId = teamOut.id as string;

      const room = await run(['create-room', '--team', '美妆组', '--platform', 'douyin', '--account', 'dy123', '--secret', 's3', '--json']);
      expect(room.status, room.stderr).toBe(0);
      const roomOut = jsonOf(room);
      expect(roomOut).toMatchObject({ id: expect.any(String), teamId, platform: 'douyin', accountId: 'dy123' });
      roomId = roomOut.id as string;
      expect(room.stdout).not.toContain('s3');

      const db = openDb();
      try {
        const row = db.prepare('select team_id, secret_enc from rooms where id = ?').get(roomId) as { team_id: string; secret_enc: string | null };
        expect(row.team_id).toBe(teamId);
        expect(row.secret_enc).toMatch(/^v1\./);
      } finally {
        db.close();
      }
    }, 90_000);

    it('refuses a bad platform (2), an unknown team (3) and a taken account (4)', async () => {
      const [badPlatform, unknownTeam, taken] = await Promise.all([
        run(['create-room', '--team', '美妆组', '--platform', 'myspace', '--account', 'x1']),
        run(['create-room', '--team', '没有这个组', '--platform', 'douyin', '--account', 'x2', '--json']),
        run(['create-room', '--team', teamId, '--platform', 'douyin', '--account', 'dy123']),
      ]);
      expect(badPlatform.status).toBe(2);
      expect(badPlatform.stderr).toContain('--platform');
      expect(unknownTeam.status).toBe(3);
      expect(jsonOf(unknownTeam)).toMatchObject({ error: { code: 'team/not-found' } });
      expect(taken.status).toBe(4);
      expect(taken.stderr).toContain('room/account-taken');
      const db = openDb();
      try {
        expect(db.prepare('select account_id from rooms').all()).toEqual([{ account_id: 'dy123' }]);
      } finally {
        db.close();
      }
    }, 90_000);

    it('creates an API token for the room and prints it once', async () => {
      const r = await run(['create-token', '--room', roomId, '--scope', 'ingest,read', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const out = jsonOf(r);
      expect(out).toMatchObject({ roomId, scopes: ['ingest', 'read'] });
      const token = out.token as string;
      expect(token).toMatch(/^sr_[A-Za-z0-9_-]{20,}$/);
      const db = openDb();
      try {
        const row = db.prepare('select token_hash, room_id, scopes from api_tokens where id = ?').get(out.id) as Record<string, string>;
        expect(row).toEqual({ token_hash: createHash('sha256').update(token).digest('hex'), room_id: roomId, scopes: 'ingest,read' });
      } finally {
        db.close();
      }
      const [badScope, noRoom] = await Promise.all([run(['create-token', '--room', roomId, '--scope', 'admin']), run(['create-token', '--room', 'no-such-room', '--scope', 'read'])]);
      expect(badScope.status).toBe(2);
      expect(noRoom.status).toBe(3);
    }, 90_000);

    it('backs up to a valid SQLite file holding the data, and will not overwrite it', async () => {
      const target = path.join(tempDir(), 'backup.db');
      const r = await run(['backup', '--to', target, '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(jsonOf(r)).toMatchObject({ file: target, bytes: fs.statSync(target).size });
      const copy = new SQLite(target, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.prepare('select id, name from teams').all()).toEqual([{ id: teamId, name: '美妆组' }]);
        expect(copy.prepare('select id from rooms').all()).toEqual([{ id: roomId }]);
      } finally {
        copy.close();
      }
      const before = fs.readFileSync(target);
      const again = await run(['backup', '--to', target]);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('already exists');
      expect(fs.readFileSync(target).equals(before)).toBe(true);
    }, 90_000);

    it('loads the demo company into an empty data directory, once', async () => {
      const demoDir = tempDir();
      const first = await cli(['demo', '--json'], { dataDir: demoDir });
      expect(first.status, first.stderr).toBe(0);
      expect(jsonOf(first)).toEqual({ ownerEmail: expect.stringContaining('@') });
      const db = new SQLite(path.join(demoDir, 'showrunner.db'), { readonly: true, fileMustExist: true });
      let counts: unknown;
      try {
        counts = db.prepare('select (select count(*) from teams) as teams, (select count(*) from people) as people, (select count(*) from users) as users').get();
        expect(counts).toMatchObject({ teams: expect.any(Number), people: expect.any(Number) });
        const c = counts as { teams: number; people: number; users: number };
        expect(c.teams).toBeGreaterThan(0);
        expect(c.people).toBeGreaterThan(c.teams);
        expect(c.users).toBeGreaterThan(1);
      } finally {
        db.close();
      }
      const second = await cli(['demo'], { dataDir: demoDir });
      expect(second.status).toBe(4);
      expect(second.stderr).toContain('setup/already-done');
      const db2 = new SQLite(path.join(demoDir, 'showrunner.db'), { readonly: true, fileMustExist: true });
      try {
        expect(db2.prepare('select (select count(*) from teams) as teams, (select count(*) from people) as people, (select count(*) from users) as users').get()).toEqual(counts);
      } finally {
        db2.close();
      }
    }, 120_000);

    it('answers unknown commands and options with usage and exit code 2', async () => {
      const scratch = tempDir();
      const [unknown, badOption, none, help] = await Promise.all([
        cli(['frobnicate'], { dataDir: scratch }),
        cli(['create-team', '--colour', 'red'], { dataDir: scratch }),
        cli([], { dataDir: scratch }),
        cli(['help'], { dataDir: scratch }),
      ]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('unknown command "frobnicate"');
      expect(unknown.stderr).toContain('Usage: showrunner');
      expect(badOption.status).toBe(2);
      expect(none.status).toBe(2);
      expect(none.stdout).toContain('Usage: showrunner');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Exit codes');
      // None of them opened a database.
      expect(fs.existsSync(path.join(scratch, 'showrunner.db'))).toBe(false);
    }, 90_000);
  });
}
