import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomView, TeamView } from '../../../contracts/team';
import type { AuditPage } from '../../../contracts/audit';
import { createTestContext, inviteAndJoin, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
});
afterAll(() => ctx.close());

let seq = 0;
function buildRoom(teamId: string, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return { teamId, platform: 'douyin', accountId: `dy_${seq}_${Date.now()}`, displayName: `直播间 ${seq}`, ...overrides };
}

async function createTeam(name: string): Promise<TeamView> {
  const res = await owner.post('/api/v1/teams', { name });
  expect(res.statusCode).toBe(201);
  return res.json() as TeamView;
}

async function createRoom(teamId: string, overrides: Record<string, unknown> = {}): Promise<RoomView> {
  const res = await owner.post('/api/v1/rooms', buildRoom(teamId, overrides));
  expect(res.statusCode).toBe(201);
  return res.json() as RoomView;
}

async function auditFor(entityType: string, entityId: string) {
  const res = await owner.get(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as AuditPage).items;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('teams', () => {
  it('creates, reads, renames and deletes a team, auditing each change', async () => {
    const created = await owner.post('/api/v1/teams', { name: '  美妆组  ', description: '美妆类目' });
    expect(created.statusCode).toBe(201);
    const team = created.json() as TeamView;
    expect(team).toMatchObject({ name: '美妆组', description: '美妆类目', roomCount: 0, memberCount: 0 });

    const got = await owner.get(`/api/v1/teams/${team.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(team);

    const list = await owner.get('/api/v1/teams');
    expect((list.json() as { items: TeamView[] }).items.map((t) => t.id)).toContain(team.id);

    const renamed = await owner.patch(`/api/v1/teams/${team.id}`, { name: '美妆一组' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: team.id, name: '美妆一组', description: '美妆类目' });

    const deleted = await owner.delete(`/api/v1/teams/${team.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await owner.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(404);
    expect(await ctx.deps.db.selectFrom('teams').select('id').where('id', '=', team.id).executeTakeFirst()).toBeUndefined();

    const audit = await auditFor('team', team.id);
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]).toMatchObject({ before: { name: '美妆组' }, after: { name: '美妆一组' } });
    expect(audit[0]!.before).toMatchObject({ name: '美妆一组' });
  });

  it('rejects invalid input with field paths', async () => {
    const empty = await owner.post('/api/v1/teams', { name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation');
    expect(empty.json().error.fields[0].path).toBe('name');

    const blank = await owner.post('/api/v1/teams', { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].path).toBe('name');

    const tooLong = await owner.post('/api/v1/teams', { name: 'x'.repeat(61) });
    expect(tooLong.statusCode).toBe(400);

    const missing = await owner.post('/api/v1/teams', { description: 'no name' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('name');
  });

  it('answers 409 team/name-taken on a duplicate name, on create and on rename', async () => {
    const a = await createTeam('服饰组');
    const b = await createTeam('食品组');
    const dup = await owner.post('/api/v1/teams', { name: '服饰组' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('team/name-taken');
    const rename = await owner.patch(`/api/v1/teams/${b.id}`, { name: '服饰组' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('team/name-taken');
    // Keeping one's own name is not a conflict.
    expect((await owner.patch(`/api/v1/teams/${a.id}`, { name: '服饰组' })).statusCode).toBe(200);
    const rows = await ctx.deps.db.selectFrom('teams').select('name').where('name', '=', '服饰组').execute();
    expect(rows).toHaveLength(1);
  });

  it('answers 404 team/not-found for unknown ids', async () => {
    for (const res of [
      await owner.get('/api/v1/teams/no-such-team'),
      await owner.patch('/api/v1/teams/no-such-team', { name: 'x' }),
      await owner.delete('/api/v1/teams/no-such-team'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('team/not-found');
    }
  });

  it('refuses to delete a team that still has rooms', async () => {
    const team = await createTeam('家居组');
    const room = await createRoom(team.id);
    const res = await owner.delete(`/api/v1/teams/${team.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('team/not-empty');
    expect((await owner.get(`/api/v1/teams/${team.id}`)).json()).toMatchObject({ roomCount: 1 });
    expect((await owner.delete(`/api/v1/rooms/${room.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/v1/teams/${team.id}`)).statusCode).toBe(204);
  });

  it('refuses to delete a team that still has people', async () => {
    const team = await createTeam('数码组');
    const person = await owner.post('/api/v1/people', { displayName: '小周', teamIds: [team.id] });
    expect(person.statusCode).toBe(201);
    const res = await owner.delete(`/api/v1/teams/${team.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('team/not-empty');
    expect((await owner.get(`/api/v1/teams/${team.id}`)).json()).toMatchObject({ memberCount: 1 });
  });
});

describe('rooms', () => {
  let team: TeamView;
  beforeAll(async () => {
    team = await createTeam('直播一组');
  });

  it('creates a room with a secret that is never returned, and audits create/update/delete', async () => {
    const secret = 'push-secret-7f3a9c1e-room';
    const input = buildRoom(team.id, { secret, timeZone: 'Asia/Shanghai' });
    const created = await owner.post('/api/v1/rooms', input);
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain(secret);
    const room = created.json() as RoomView;
    expect(room).toMatchObject({ teamId: team.id, platform: 'douyin', accountId: input.accountId, displayName: input.displayName, timeZone: 'Asia/Shanghai', hasSecret: true });
    expect(room).not.toHaveProperty('secret');

    const got = await owner.get(`/api/v1/rooms/${room.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain(secret);
    expect(got.json()).toEqual(room);
    const list = await owner.get(`/api/v1/rooms?teamId=${team.id}`);
    expect(list.body).not.toContain(secret);
    expect((list.json() as { items: RoomView[] }).items.map((r) => r.id)).toEqual([room.id]);

    const row = await ctx.deps.db.selectFrom('rooms').select('secret_enc').where('id', '=', room.id).executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toBeNull();
    expect(row.secret_enc).not.toContain(secret);
    expect(ctx.deps.cipher.decrypt(row.secret_enc!)).toBe(secret);

    const patched = await owner.patch(`/api/v1/rooms/${room.id}`, { displayName: '新名字', timeZone: 'Europe/Berlin' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: room.id, displayName: '新名字', timeZone: 'Europe/Berlin', hasSecret: true });

    const cleared = await owner.patch(`/api/v1/rooms/${room.id}`, { secret: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ hasSecret: false });
    const clearedRow = await ctx.deps.db.selectFrom('rooms').select('secret_enc').where('id', '=', room.id).executeTakeFirstOrThrow();
    expect(clearedRow.secret_enc).toBeNull();

    const deleted = await owner.delete(`/api/v1/rooms/${room.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await owner.get(`/api/v1/rooms/${room.id}`)).statusCode).toBe(404);

    const auditRes = await owner.get('/api/v1/audit?entityType=room');
    expect(auditRes.statusCode).toBe(200);
    expect(auditRes.body).not.toContain(secret);
    const entries = (auditRes.json() as AuditPage).items.filter((e) => e.entityId === room.id);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'update', 'create']);
    expect(entries[3]!.after).toMatchObject({ displayName: input.displayName, hasSecret: true });
    expect(entries[2]).toMatchObject({ before: { displayName: input.displayName, timeZone: 'Asia/Shanghai' }, after: { displayName: '新名字', timeZone: 'Europe/Berlin' } });
    expect(entries[1]).toMatchObject({ before: { hasSecret: true }, after: { hasSecret: false } });
    expect(entries.every((e) => e.actorUserId === owner.me!.user.id)).toBe(true);
  });

  it('keeps the fields a PATCH leaves out', async () => {
    const room = await createRoom(team.id, { timeZone: 'America/Los_Angeles', secret: 'kept-secret', requiredRoles: ['host'] });
    expect(room.requiredRoles).toEqual(['host']);
    const res = await owner.patch(`/api/v1/rooms/${room.id}`, { displayName: '只改名字' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '只改名字', timeZone: 'America/Los_Angeles', platform: room.platform, accountId: room.accountId, hasSecret: true, requiredRoles: ['host'] });
    const row = await ctx.deps.db.selectFrom('rooms').selectAll().where('id', '=', room.id).executeTakeFirstOrThrow();
    expect(row.time_zone).toBe('America/Los_Angeles');
    expect(ctx.deps.cipher.decrypt(row.secret_enc!)).toBe('kept-secret');
    expect((await owner.delete(`/api/v1/rooms/${room.id}`)).statusCode).toBe(204);
  });

  it('rejects invalid rooms with field paths', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [buildRoom(team.id, { displayName: '' }), 'displayName'],
      [buildRoom(team.id, { platform: 'myspace' }), 'platform'],
      [buildRoom(team.id, { timeZone: 'Mars/Olympus_Mons' }), 'timeZone'],
      [buildRoom(team.id, { accountId: '  ' }), 'accountId'],
      [buildRoom(team.id, { secret: '' }), 'secret'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post('/api/v1/rooms', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const room = await createRoom(team.id);
    const bad = await owner.patch(`/api/v1/rooms/${room.id}`, { timeZone: 'Nowhere/Land' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('timeZone');
    const count = await ctx.deps.db.selectFrom('rooms').select((eb) => eb.fn.countAll<number>().as('n')).where('team_id', '=', team.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('answers 409 room/account-taken for a platform account already registered', async () => {
    const room = await createRoom(team.id, { platform: 'taobao', accountId: 'tb-shop-1' });
    const dup = await owner.post('/api/v1/rooms', buildRoom(team.id, { platform: 'taobao', accountId: 'tb-shop-1' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('room/account-taken');
    expect(dup.json().error.fields[0].path).toBe('accountId');
    // The same account id on another platform is a different account.
    const other = await createRoom(team.id, { platform: 'kuaishou', accountId: 'tb-shop-1' });
    const move = await owner.patch(`/api/v1/rooms/${other.id}`, { platform: 'taobao' });
    expect(move.statusCode).toBe(409);
    expect(move.json().error.code).toBe('room/account-taken');
    expect((await owner.get(`/api/v1/rooms/${other.id}`)).json()).toMatchObject({ platform: 'kuaishou' });
    expect((await owner.get(`/api/v1/rooms/${room.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for unknown rooms and unknown teams', async () => {
    for (const res of [
      await owner.get('/api/v1/rooms/no-such-room'),
      await owner.patch('/api/v1/rooms/no-such-room', { displayName: 'x' }),
      await owner.delete('/api/v1/rooms/no-such-room'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('room/not-found');
    }
    const noTeam = await owner.post('/api/v1/rooms', buildRoom('no-such-team'));
    expect(noTeam.statusCode).toBe(404);
    expect(noTeam.json().error.code).toBe('team/not-found');
    const room = await createRoom(team.id);
    const move = await owner.patch(`/api/v1/rooms/${room.id}`, { teamId: 'no-such-team' });
    expect(move.statusCode).toBe(404);
    expect(move.json().error.code).toBe('team/not-found');
  });
});

describe('team scoping and API tokens', () => {
  let teamA: TeamView;
  let teamB: TeamView;
  let roomA: RoomView;
  let roomB: RoomView;
  let manager: Client;

  beforeAll(async () => {
    teamA = await createTeam('A组');
    teamB = await createTeam('B组');
    roomA = await createRoom(teamA.id, { secret: 'secret-of-room-a' });
    roomB = await createRoom(teamB.id);
    manager = await inviteAndJoin(owner, 'manager-a@example.com', 'manager', [teamA.id]);
  });

  it('shows a manager only the rooms and teams of their own teams', async () => {
    const rooms = await manager.get('/api/v1/rooms');
    expect(rooms.statusCode).toBe(200);
    expect((rooms.json() as { items: RoomView[] }).items.map((r) => r.id)).toEqual([roomA.id]);
    const filtered = await manager.get(`/api/v1/rooms?teamId=${teamB.id}`);
    expect((filtered.json() as { items: RoomView[] }).items).toEqual([]);
    const teams = await manager.get('/api/v1/teams');
    expect((teams.json() as { items: TeamView[] }).items.map((t) => t.id)).toEqual([teamA.id]);
    expect((await manager.get(`/api/v1/teams/${teamB.id}`)).statusCode).toBe(404);

    expect((await manager.get(`/api/v1/rooms/${roomA.id}`)).statusCode).toBe(200);
    const getB = await manager.get(`/api/v1/rooms/${roomB.id}`);
    expect(getB.statusCode).toBe(404);
    expect(getB.json().error.code).toBe('room/not-found');
  });

  it('keeps a manager from changing another team’s rooms', async () => {
    const patchB = await manager.patch(`/api/v1/rooms/${roomB.id}`, { displayName: 'hijacked' });
    expect(patchB.statusCode).toBe(404);
    expect(patchB.json().error.code).toBe('room/not-found');
    expect((await manager.delete(`/api/v1/rooms/${roomB.id}`)).statusCode).toBe(404);
    const moveA = await manager.patch(`/api/v1/rooms/${roomA.id}`, { teamId: teamB.id });
    expect(moveA.statusCode).toBe(404);
    expect(moveA.json().error.code).toBe('team/not-found');
    const createB = await manager.post('/api/v1/rooms', buildRoom(teamB.id));
    expect(createB.statusCode).toBe(404);
    expect(createB.json().error.code).toBe('team/not-found');

    const stillB = await ctx.deps.db.selectFrom('rooms').selectAll().where('id', '=', roomB.id).executeTakeFirstOrThrow();
    expect(stillB.display_name).toBe(roomB.displayName);
    expect(stillB.team_id).toBe(teamB.id);
    const stillA = await ctx.deps.db.selectFrom('rooms').select('team_id').where('id', '=', roomA.id).executeTakeFirstOrThrow();
    expect(stillA.team_id).toBe(teamA.id);
    const inB = await ctx.deps.db.selectFrom('rooms').select('id').where('team_id', '=', teamB.id).execute();
    expect(inB.map((r) => r.id)).toEqual([roomB.id]);

    // In their own team a manager may create rooms, but not teams.
    const own = await manager.post('/api/v1/rooms', buildRoom(teamA.id));
    expect(own.statusCode).toBe(201);
    const team = await manager.post('/api/v1/teams', { name: '经理建的组' });
    expect(team.statusCode).toBe(403);
    expect(team.json().error.code).toBe('auth/forbidden');
  });

  it('forbids a viewer from writing rooms', async () => {
    const viewer = await inviteAndJoin(owner, 'viewer-a@example.com', 'viewer', [teamA.id]);
    expect((await viewer.get('/api/v1/rooms')).statusCode).toBe(200);
    const res = await viewer.post('/api/v1/rooms', buildRoom(teamA.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth/forbidden');
    expect((await viewer.patch(`/api/v1/rooms/${roomA.id}`, { displayName: 'x' })).statusCode).toBe(403);
  });

  it('lets a room-scoped API token read its own room and nothing else, until revoked', async () => {
    const created = await owner.post('/api/v1/tokens', { name: 'bridge A', roomId: roomA.id, scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json() as { token: string; apiToken: { id: string; roomId: string; scopes: string[] } };
    expect(token).toMatch(/^sr_/);
    expect(apiToken).toMatchObject({ roomId: roomA.id, scopes: ['read'], revokedAt: null });

    const inject = (url: string, method: 'GET' | 'POST' = 'GET') => ctx.app.inject({ method, url, headers: bearer(token) });

    const own = await inject(`/api/v1/rooms/${roomA.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: roomA.id, hasSecret: true });
    expect(own.body).not.toContain('secret-of-room-a');

    const other = await inject(`/api/v1/rooms/${roomB.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('room/not-found');

    const teams = await inject('/api/v1/teams');
    expect(teams.statusCode).toBe(403);
    expect(teams.json().error.code).toBe('auth/forbidden');
    expect((await inject('/api/v1/rooms')).statusCode).toBe(403);

    const self = await inject('/api/v1/tokens/self');
    expect(self.statusCode).toBe(200);
    expect(self.json()).toEqual({ roomId: roomA.id, scopes: ['read'] });

    const list = await owner.get('/api/v1/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(token.slice(3));
    expect((list.json() as { items: { id: string }[] }).items.map((t) => t.id)).toContain(apiToken.id);
    const row = await ctx.deps.db.selectFrom('api_tokens').selectAll().where('id', '=', apiToken.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.last_used_at).not.toBeNull();

    const revoked = await owner.post(`/api/v1/tokens/${apiToken.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));

    const after = await inject(`/api/v1/rooms/${roomA.id}`);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth/unauthenticated');
    expect((await inject('/api/v1/tokens/self')).statusCode).toBe(401);
  });

  it('answers 401 for an unknown bearer token', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/rooms/${roomA.id}`, headers: bearer('sr_not-a-real-token') });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth/unauthenticated');
  });
});
