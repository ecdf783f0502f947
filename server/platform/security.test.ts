import fs from 'node:fs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonView } from '../../contracts/people';
import type { RoomView, TeamView } from '../../contracts/team';
import { Client, createTestContext, dialect, inviteAndJoin, type TestContext } from '../test/harness';

let ctx: TestContext;

/** Values that must never be written anywhere in the clear, each unique enough that a hit is a real leak. */
const SECRET = {
  password: 'Owner-Pa55word-q8Zr2!',
  inviteePassword: 'Invitee-Pa55word-v7Kw4!',
  phone: '13987650321',
  idCard: '44030419881231004X',
  address: '深圳市南山区科苑南路3176号彩讯科技大厦',
  wechat: 'wx_leak_probe_7731',
  roomSecret: 'douyin-push-secret-Xk29fQ71mZ',
};

interface Recorded {
  label: string;
  res: LightMyRequestResponse;
  /** The one response allowed to hold these values (a reveal, a one-time token or link). */
  allowed: string[];
}

const recorded: Recorded[] = [];
function record(label: string, res: LightMyRequestResponse, allowed: string[] = []) {
  recorded.push({ label, res, allowed });
  return res;
}

/** Every value the flow produced that must stay secret, filled in as the flow runs. */
const secrets: Record<string, string> = { ...SECRET };

async function allTableText(): Promise<string> {
  const tables =
    dialect === 'postgres'
      ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(ctx.deps.db)).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(ctx.deps.db)).rows;
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['people', 'rooms', 'users', 'audit_log', 'api_tokens', 'invites', 'auth_sessions']));
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(ctx.deps.db)).rows;
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** Every column of every table in this test's schema, cast to text: what a database dump would hold. */
async function postgresColumnsText(): Promise<string> {
  const columns = (
    await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = current_schema()`.execute(ctx.deps.db)
  ).rows;
  expect(columns.length).toBeGreaterThan(50);
  const parts: string[] = [];
  for (const c of columns) {
    const r = await sql<{ v: string | null }>`select string_agg(${sql.ref(c.column_name)}::text, ${'\n'}) as v from ${sql.table(c.table_name)}`.execute(ctx.deps.db);
    parts.push(`${c.table_name}.${c.column_name}: ${r.rows[0]?.v ?? ''}`);
  }
  return parts.join('\n');
}

function databaseFileBytes(): Buffer {
  const sqlite = ctx.handle.sqlite!;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const database = ctx.deps.config.database;
  if (database.kind !== 'sqlite') throw new Error('not SQLite');
  const files = [database.file, `${database.file}-wal`].filter((f) => fs.existsSync(f));
  return Buffer.concat(files.map((f) => fs.readFileSync(f)));
}

beforeAll(async () => {
  ctx = await createTestContext();
  const app = ctx.app;

  const owner = new Client(app);
  const setup = record('setup', await owner.post('/api/v1/setup/owner', { email: 'boss@example.com', password: SECRET.password, displayName: '老板' }));
  expect(setup.statusCode).toBe(201);
  secrets.sessionCookie = owner.cookie!;
  secrets.csrfToken = owner.csrf!;

  // A second sign-in: the password travels again, and a new session cookie is made.
  const again = new Client(app);
  record('login', await again.post('/api/v1/auth/login', { email: 'boss@example.com', password: SECRET.password }));
  expect(again.cookie).toBeDefined();
  secrets.secondSessionCookie = again.cookie!;

  const team = record('team', await owner.post('/api/v1/teams', { name: '安全组' })).json() as TeamView;
  const roomRes = record('room', await owner.post('/api/v1/rooms', { teamId: team.id, platform: 'douyin', accountId: 'dy_sec', displayName: '安全直播间', secret: SECRET.roomSecret }));
  expect(roomRes.statusCode).toBe(201);
  const room = roomRes.json() as RoomView;
  record('room get', await owner.get(`/api/v1/rooms/${room.id}`));
  record('room patch', await owner.patch(`/api/v1/rooms/${room.id}`, { displayName: '安全直播间2', secret: SECRET.roomSecret }));
  record('rooms', await owner.get('/api/v1/rooms'));

  const personRes = record(
    'person',
    await owner.post('/api/v1/people', { displayName: '隐私测试', teamIds: [team.id], phone: SECRET.phone, idCard: SECRET.idCard, address: SECRET.address, wechat: SECRET.wechat }),
  );
  expect(personRes.statusCode).toBe(201);
  const person = personRes.json() as PersonView;
  record('person patch', await owner.patch(`/api/v1/people/${person.id}`, { displayName: '隐私测试2', phone: SECRET.phone }));
  record('people', await owner.get('/api/v1/people'));
  record('person get', await owner.get(`/api/v1/people/${person.id}`));
  const reveal = record('reveal', await owner.post(`/api/v1/people/${person.id}/reveal`, { fields: ['phone', 'idCard', 'address', 'wechat'] }), [
    SECRET.phone,
    SECRET.idCard,
    SECRET.address,
    SECRET.wechat,
  ]);
  expect(reveal.json()).toEqual({ phone: SECRET.phone, idCard: SECRET.idCard, address: SECRET.address, wechat: SECRET.wechat });

  const tokenRes = await owner.post('/api/v1/tokens', { name: 'bridge', roomId: room.id, scopes: ['read', 'ingest'] });
  expect(tokenRes.statusCode).toBe(201);
  secrets.apiToken = (tokenRes.json() as { token: string }).token;
  record('token create', tokenRes, [secrets.apiToken]);
  record('tokens', await owner.get('/api/v1/tokens'));
  record('token use', await app.inject({ method: 'GET', url: `/api/v1/rooms/${room.id}`, headers: { authorization: `Bearer ${secrets.apiToken}` } }));
  record('token self', await app.inject({ method: 'GET', url: '/api/v1/tokens/self', headers: { authorization: `Bearer ${secrets.apiToken}` } }));

  const inviteRes = await owner.post('/api/v1/invites', { email: 'newbie@example.com', role: 'member', teamIds: [team.id] });
  expect(inviteRes.statusCode).toBe(201);
  secrets.inviteToken = (inviteRes.json() as { path: string }).path.split('/').pop()!;
  record('invite create', inviteRes, [secrets.inviteToken]);
  record('invites', await owner.get('/api/v1/invites'));
  record('invite preview', await app.inject({ method: 'GET', url: `/api/v1/invites/${secrets.inviteToken}` }));
  const invitee = new Client(app);
  const accepted = record('invite accept', await invitee.post(`/api/v1/invites/${secrets.inviteToken}/accept`, { displayName: '新人', password: SECRET.inviteePassword }));
  expect(accepted.statusCode).toBe(200);
  secrets.inviteeSessionCookie = invitee.cookie!;
  record('invite reuse', await app.inject({ method: 'GET', url: `/api/v1/invites/${secrets.inviteToken}` }));

  record('audit', await owner.get('/api/v1/audit?limit=500'));
  record('me', await owner.get('/api/v1/auth/me'));
  record('users', await owner.get('/api/v1/users'));
  record('wrong password', await new Client(app).post('/api/v1/auth/login', { email: 'boss@example.com', password: `${SECRET.password}x` }));
  record('bad phone', await owner.post('/api/v1/people', { displayName: 'x', phone: `${SECRET.phone}abc` }));
  record('logout', await again.post('/api/v1/auth/logout'));
});
afterAll(() => ctx.close());

describe('secrets never leak', () => {
  it('ran the whole flow', () => {
    expect(recorded.length).toBeGreaterThan(20);
    expect(recorded.filter((r) => r.res.statusCode >= 500)).toEqual([]);
    expect(Object.keys(secrets)).toEqual(expect.arrayContaining(['apiToken', 'inviteToken', 'sessionCookie']));
    for (const value of Object.values(secrets)) expect(value.length).toBeGreaterThan(10);
  });

  it('writes none of them to the log', () => {
    const logs = ctx.logs.join('');
    expect(ctx.logs.length).toBeGreaterThan(recorded.length);
    // The log does see the requests: a redacted invite path proves the check looks at the right lines.
    expect(logs).toContain('/api/v1/invites/[redacted]');
    for (const [name, value] of Object.entries(secrets)) expect(logs.includes(value), name).toBe(false);
  });

  it('stores none of them in the clear in any table', async () => {
    const text = await allTableText();
    expect(text).toContain('隐私测试2');
    for (const [name, value] of Object.entries(secrets)) {
      if (name === 'csrfToken') continue; // the CSRF token is not a credential on its own; it is kept with the session
      expect(text.includes(value), name).toBe(false);
    }
  });

  it('stores none of them in the raw storage: the SQLite file and its WAL, or every PostgreSQL column as text', async () => {
    const bytes = dialect === 'sqlite' ? databaseFileBytes() : Buffer.from(await postgresColumnsText(), 'utf8');
    expect(bytes.includes(Buffer.from('隐私测试2'))).toBe(true);
    expect(bytes.includes(Buffer.from('boss@example.com'))).toBe(true);
    for (const [name, value] of Object.entries(secrets)) {
      if (name === 'csrfToken') continue;
      expect(bytes.includes(Buffer.from(value, 'utf8')), name).toBe(false);
    }
  });

  it('returns none of them in a response body, except the reveal and the one-time token and link', () => {
    const leaks: string[] = [];
    for (const { label, res, allowed } of recorded) {
      for (const [name, value] of Object.entries(secrets)) {
        if (name === 'csrfToken' || allowed.includes(value)) continue;
        if (res.body.includes(value)) leaks.push(`${label}: ${name}`);
      }
    }
    expect(leaks).toEqual([]);
    const reveal = recorded.find((r) => r.label === 'reveal')!;
    expect(reveal.res.body).toContain(SECRET.phone);
    expect(recorded.find((r) => r.label === 'token create')!.res.body).toContain(secrets.apiToken);
  });
});

describe('request checks', () => {
  let owner: Client;
  beforeAll(async () => {
    owner = await new Client(ctx.app).login('boss@example.com', SECRET.password);
  });

  const countRows = async (table: 'teams' | 'audit_log') =>
    Number((await ctx.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a cookie-authenticated write without the CSRF token, and writes nothing', async () => {
    const teams = await countRows('teams');
    const audit = await countRows('audit_log');
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { cookie: `sr_session=${owner.cookie}` }, payload: { name: 'CSRF组' } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('auth/csrf');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/v1/teams', headers: { cookie: `sr_session=${owner.cookie}`, 'x-csrf-token': 'not-the-token' }, payload: { name: 'CSRF组' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('auth/csrf');
    const otherSession = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/teams/whatever', headers: { cookie: `sr_session=${owner.cookie}`, 'x-csrf-token': secrets.csrfToken! } });
    expect(otherSession.statusCode).toBe(403);
    expect(await countRows('teams')).toBe(teams);
    expect(await countRows('audit_log')).toBe(audit);
    expect(await ctx.deps.db.selectFrom('teams').select('id').where('name', '=', 'CSRF组').executeTakeFirst()).toBeUndefined();
    // The same request with the token goes through: the refusal was about CSRF alone.
    const ok = await owner.post('/api/v1/teams', { name: 'CSRF组' });
    expect(ok.statusCode).toBe(201);
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const password = 'lock me out please';
    await inviteAndJoin(owner, 'lockme@example.com', 'member', [], password);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await new Client(ctx.app).post('/api/v1/auth/login', { email: 'lockme@example.com', password: `wrong ${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await new Client(ctx.app).post('/api/v1/auth/login', { email: 'lockme@example.com', password });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('auth/locked');
    expect(right.cookies.find((c) => c.name === 'sr_session')).toBeUndefined();
    const user = await ctx.deps.db.selectFrom('users').select(['locked_until']).where('email', '=', 'lockme@example.com').executeTakeFirstOrThrow();
    expect(user.locked_until! > new Date().toISOString()).toBe(true);
    const failures = await ctx.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'login-failed').where('summary', 'like', '%lockme@example.com%').execute();
    expect(failures).toHaveLength(5);
  });

  it('answers 401 to an unauthenticated read', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/people' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth/unauthenticated');
    expect(res.body).not.toContain('隐私测试');
    const stale = await ctx.app.inject({ method: 'GET', url: '/api/v1/people', headers: { cookie: `sr_session=${secrets.secondSessionCookie}` } });
    expect(stale.statusCode).toBe(401);
  });
});
