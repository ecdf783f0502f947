import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../contracts/audit';
import type { PersonView } from '../../../contracts/people';
import type { TeamView } from '../../../contracts/team';
import { stableId } from '../../platform/ids';
import { createTestContext, inviteAndJoin, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let teamA: TeamView;
let teamB: TeamView;

const HOST = stableId('position', 'host');
const CONSOLE = stableId('position', 'console');

const CONTACTS = {
  phone: '13812345678',
  wechat: 'wx_zhangsan88',
  idCard: '11010519900307001X',
  address: '上海市徐汇区漕溪北路88号3栋',
};

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  teamA = (await owner.post('/api/v1/teams', { name: 'A组' })).json() as TeamView;
  teamB = (await owner.post('/api/v1/teams', { name: 'B组' })).json() as TeamView;
});
afterAll(() => ctx.close());

function buildPerson(overrides: Record<string, unknown> = {}) {
  return { displayName: '张三', teamIds: [teamA.id], ...overrides };
}

async function createPerson(overrides: Record<string, unknown> = {}, as: Client = owner): Promise<PersonView> {
  const res = await as.post('/api/v1/people', buildPerson(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PersonView;
}

async function personRow(id: string) {
  return ctx.deps.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function auditFor(personId: string, action?: string) {
  const res = await owner.get(`/api/v1/audit?entityType=person&entityId=${personId}${action ? `&action=${action}` : ''}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as AuditPage).items;
}

async function auditLogText(): Promise<string> {
  const rows = await ctx.deps.db.selectFrom('audit_log').select(['summary', 'before_json', 'after_json']).execute();
  return JSON.stringify(rows);
}

describe('personal contacts', () => {
  let person: PersonView;
  let createBody: string;

  beforeAll(async () => {
    const res = await owner.post('/api/v1/people', buildPerson({ displayName: '张三丰', positionId: HOST, level: 'senior', hireDate: '2025-03-01', skills: ['讲品'], ...CONTACTS }));
    expect(res.statusCode).toBe(201);
    createBody = res.body;
    person = res.json() as PersonView;
  });

  it('answers with masked contacts only', () => {
    expect(person).toMatchObject({ displayName: '张三丰', positionId: HOST, level: 'senior', teamIds: [teamA.id], hireDate: '2025-03-01', weeklyCapacityHours: 40, status: 'active' });
    expect(person.contacts).toEqual({ phone: '138****5678', wechat: 'wx*********88', idCard: '110105********001X', address: '上海市徐汇区****' });
    for (const value of Object.values(CONTACTS)) expect(createBody).not.toContain(value);
  });

  it('masks contacts in the list and in a single read', async () => {
    const list = await owner.get('/api/v1/people');
    expect(list.statusCode).toBe(200);
    const one = await owner.get(`/api/v1/people/${person.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(person);
    for (const value of Object.values(CONTACTS)) {
      expect(list.body).not.toContain(value);
      expect(one.body).not.toContain(value);
    }
    expect((list.json() as { items: PersonView[] }).items.find((p) => p.id === person.id)!.contacts.phone).toBe('138****5678');
  });

  it('stores contacts encrypted', async () => {
    const row = await personRow(person.id);
    expect(row.phone_enc).not.toBeNull();
    expect(row.phone_enc).not.toBe(CONTACTS.phone);
    expect(row.phone_enc).not.toContain(CONTACTS.phone);
    expect(row.phone_enc).not.toContain('5678');
    expect(row.id_card_enc).not.toContain(CONTACTS.idCard);
    expect(row.address_enc).not.toContain('漕溪北路');
    expect(row.wechat_enc).not.toContain(CONTACTS.wechat);
    expect(ctx.deps.cipher.decrypt(row.phone_enc!)).toBe(CONTACTS.phone);
    expect(ctx.deps.cipher.decrypt(row.id_card_enc!)).toBe(CONTACTS.idCard);
  });

  it('reveals plaintext to the owner and audits which fields were revealed', async () => {
    const res = await owner.post(`/api/v1/people/${person.id}/reveal`, { fields: ['phone'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: CONTACTS.phone });
    const all = await owner.post(`/api/v1/people/${person.id}/reveal`, { fields: ['idCard', 'address', 'wechat'] });
    expect(all.json()).toEqual({ idCard: CONTACTS.idCard, address: CONTACTS.address, wechat: CONTACTS.wechat });

    const reveals = await auditFor(person.id, 'reveal');
    expect(reveals).toHaveLength(2);
    expect(reveals[1]).toMatchObject({ action: 'reveal', actorUserId: owner.me!.user.id, after: { fields: ['phone'] } });
    expect(reveals[1]!.summary).toContain('phone');
    expect(reveals[0]!.after).toEqual({ fields: ['idCard', 'address', 'wechat'] });
    const text = JSON.stringify(reveals);
    for (const value of Object.values(CONTACTS)) expect(text).not.toContain(value);
  });

  it('rejects a reveal request naming no or unknown fields', async () => {
    const count = (await auditFor(person.id, 'reveal')).length;
    for (const body of [{ fields: [] }, { fields: ['password'] }, {}]) {
      const res = await owner.post(`/api/v1/people/${person.id}/reveal`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toMatch(/^fields/);
    }
    const unknown = await owner.post('/api/v1/people/nope/reveal', { fields: ['phone'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('person/not-found');
    expect(await auditFor(person.id, 'reveal')).toHaveLength(count);
  });

  it('forbids a member to reveal, and writes no audit row', async () => {
    const member = await inviteAndJoin(owner, 'member@example.com', 'member', [teamA.id]);
    const count = (await auditFor(person.id, 'reveal')).length;
    const read = await member.get(`/api/v1/people/${person.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(CONTACTS.phone);
    const res = await member.post(`/api/v1/people/${person.id}/reveal`, { fields: ['phone'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth/forbidden');
    expect(res.body).not.toContain(CONTACTS.phone);
    expect(await auditFor(person.id, 'reveal')).toHaveLength(count);
    expect((await member.patch(`/api/v1/people/${person.id}`, { displayName: 'x' })).statusCode).toBe(403);
  });

  it('keeps a contact a PATCH leaves out, and clears one set to null', async () => {
    const p = await createPerson({ displayName: '李四', phone: '13900001111', wechat: 'lisi_wx' });
    const rename = await owner.patch(`/api/v1/people/${p.id}`, { displayName: '李四四' });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().contacts).toMatchObject({ phone: '139****1111', wechat: 'li***wx' });
    expect(ctx.deps.cipher.decrypt((await personRow(p.id)).phone_enc!)).toBe('13900001111');

    const cleared = await owner.patch(`/api/v1/people/${p.id}`, { phone: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().contacts).toEqual({ phone: null, wechat: 'li***wx', idCard: null, address: null });
    const row = await personRow(p.id);
    expect(row.phone_enc).toBeNull();
    expect(row.wechat_enc).not.toBeNull();
    const reveal = await owner.post(`/api/v1/people/${p.id}/reveal`, { fields: ['phone', 'wechat'] });
    expect(reveal.json()).toEqual({ phone: null, wechat: 'lisi_wx' });

    const entries = await auditFor(p.id, 'update');
    expect(entries[0]).toMatchObject({ before: { phone: '139****1111' }, after: { phone: null } });
  });

  it('keeps plaintext out of the audit log, even when a change keeps the same mask', async () => {
    const p = await createPerson({ displayName: '王五', phone: '13812349999', idCard: '110105199003070022', address: '北京市朝阳区建国路1号' });
    const res = await owner.patch(`/api/v1/people/${p.id}`, { phone: '13855559999', address: '北京市朝阳区光华路2号' });
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts.phone).toBe('138****9999');

    const [update] = await auditFor(p.id, 'update');
    expect(update!.before).toMatchObject({ phone: '138****9999' });
    expect(update!.after).toMatchObject({ phone: '138****9999 (changed)' });
    expect(update).toMatchObject({ before: { address: '北京市朝阳****' }, after: { address: '北京市朝阳**** (changed)' } });
    expect(update!.after).not.toHaveProperty('idCard');

    const logged = await auditLogText();
    for (const plain of ['13812349999', '13855559999', '110105199003070022', '建国路', '光华路', CONTACTS.phone, CONTACTS.idCard, CONTACTS.wechat, '漕溪北路']) {
      expect(logged).not.toContain(plain);
    }
    const [created] = await auditFor(p.id, 'create');
    expect(created!.after).toMatchObject({ phone: '138****9999', idCard: '110105********0022' });
  });

  it('deletes a person and audits the masked record', async () => {
    const p = await createPerson({ displayName: '赵六', phone: '13700001234' });
    const res = await owner.delete(`/api/v1/people/${p.id}`);
    expect(res.statusCode).toBe(204);
    expect((await owner.get(`/api/v1/people/${p.id}`)).statusCode).toBe(404);
    expect(await ctx.deps.db.selectFrom('person_teams').selectAll().where('person_id', '=', p.id).execute()).toEqual([]);
    const [deleted] = await auditFor(p.id, 'delete');
    expect(deleted!.before).toMatchObject({ displayName: '赵六', phone: '137****1234' });
    expect(await auditLogText()).not.toContain('13700001234');
  });
});

describe('references', () => {
  it('rejects unknown positions, levels, teams and users with person/* codes', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [buildPerson({ positionId: 'no-such-position' }), 'person/unknown-position', 'positionId'],
      [buildPerson({ positionId: HOST, level: 'l9' }), 'person/unknown-level', 'level'],
      [buildPerson({ level: 'senior' }), 'person/unknown-level', 'level'],
      [buildPerson({ teamIds: [teamA.id, 'no-such-team'] }), 'person/unknown-team', 'teamIds'],
      [buildPerson({ userId: 'no-such-user' }), 'person/unknown-user', 'userId'],
    ];
    const before = await ctx.deps.db.selectFrom('people').select('id').execute();
    for (const [body, code, path] of cases) {
      const res = await owner.post('/api/v1/people', body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.fields[0].path).toBe(path);
    }
    expect(await ctx.deps.db.selectFrom('people').select('id').execute()).toHaveLength(before.length);

    const p = await createPerson({ displayName: '钱七', positionId: HOST, level: 'junior' });
    const badLevel = await owner.patch(`/api/v1/people/${p.id}`, { level: 'l9' });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().error.code).toBe('person/unknown-level');
    const badTeam = await owner.patch(`/api/v1/people/${p.id}`, { teamIds: ['no-such-team'] });
    expect(badTeam.statusCode).toBe(400);
    expect(badTeam.json().error.code).toBe('person/unknown-team');
    expect(await ctx.deps.db.selectFrom('person_teams').select('team_id').where('person_id', '=', p.id).execute()).toEqual([{ team_id: teamA.id }]);
    expect((await personRow(p.id)).level).toBe('junior');
  });

  it('requires the level to belong to the position’s ladder', async () => {
    await owner.patch(`/api/v1/positions/${CONSOLE}`, { levels: [{ code: 'c1', nameZh: '一级中控', nameEn: 'Console 1' }] });
    const wrongLadder = await owner.post('/api/v1/people', buildPerson({ positionId: CONSOLE, level: 'senior' }));
    expect(wrongLadder.statusCode).toBe(400);
    expect(wrongLadder.json().error.code).toBe('person/unknown-level');
    const right = await createPerson({ displayName: '孙八', positionId: CONSOLE, level: 'c1' });
    expect(right.level).toBe('c1');

    // Moving to another position without a level drops the old one, which the new ladder may lack.
    const moved = await owner.patch(`/api/v1/people/${right.id}`, { positionId: HOST });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ positionId: HOST, level: null });
    const movedWithLevel = await owner.patch(`/api/v1/people/${right.id}`, { positionId: CONSOLE, level: 'senior' });
    expect(movedWithLevel.statusCode).toBe(400);
    expect(movedWithLevel.json().error.code).toBe('person/unknown-level');
    expect((await personRow(right.id)).position_id).toBe(HOST);
  });

  it('links a user account to one person only', async () => {
    const userId = owner.me!.user.id;
    const linked = await createPerson({ displayName: '老板本人', userId });
    expect(linked.userId).toBe(userId);
    const second = await owner.post('/api/v1/people', buildPerson({ displayName: '冒名', userId }));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('person/user-linked');
    const self = await owner.patch(`/api/v1/people/${linked.id}`, { userId, displayName: '老板' });
    expect(self.statusCode).toBe(200);
  });

  it('stores weekly capacity in hundredths of an hour, even for values too small for a 4-byte real', async () => {
    // PostgreSQL keeps the column as a real: 1e-40 used to fail there with an underflow (a 500).
    const tiny = await owner.post('/api/v1/people', buildPerson({ displayName: '极小工时', weeklyCapacityHours: 1e-40 }));
    expect(tiny.statusCode).toBe(201);
    expect(tiny.json().weeklyCapacityHours).toBe(0);
    const half = await owner.patch(`/api/v1/people/${tiny.json().id}`, { weeklyCapacityHours: 37.5 });
    expect(half.statusCode).toBe(200);
    expect(half.json().weeklyCapacityHours).toBe(37.5);
    expect(Number((await personRow(tiny.json().id)).weekly_capacity_hours)).toBe(37.5);
    const again = await owner.patch(`/api/v1/people/${tiny.json().id}`, { weeklyCapacityHours: 5e-324 });
    expect(again.statusCode).toBe(200);
    expect(again.json().weeklyCapacityHours).toBe(0);
  });

  it('answers 404 for unknown people', async () => {
    for (const res of [await owner.get('/api/v1/people/nope'), await owner.patch('/api/v1/people/nope', { displayName: 'x' }), await owner.delete('/api/v1/people/nope')]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('person/not-found');
    }
  });
});

describe('filters', () => {
  let a1: PersonView;
  let b1: PersonView;
  let ab: PersonView;

  beforeAll(async () => {
    a1 = await createPerson({ displayName: 'Filter Alice', positionId: HOST, teamIds: [teamA.id] });
    b1 = await createPerson({ displayName: 'Filter Bob', status: 'on_leave', teamIds: [teamB.id] });
    ab = await createPerson({ displayName: 'Filter Carol', status: 'left', teamIds: [teamB.id, teamA.id] });
  });

  const ids = async (query: string) => {
    const res = await owner.get(`/api/v1/people?${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: PersonView[] }).items.map((p) => p.id);
  };

  it('filters by team, position, status and name', async () => {
    expect(await ids('q=filter')).toEqual([a1.id, b1.id, ab.id]);
    expect(await ids('q=ALICE')).toEqual([a1.id]);
    expect(await ids(`q=filter&teamId=${teamB.id}`)).toEqual([b1.id, ab.id]);
    expect(await ids(`q=filter&positionId=${HOST}`)).toEqual([a1.id]);
    expect(await ids('q=filter&status=on_leave')).toEqual([b1.id]);
    expect(await ids(`teamId=${teamA.id}&status=left`)).toEqual([ab.id]);
    expect(await ids('q=nobody-has-this-name')).toEqual([]);
    const byPosition = await ids(`positionId=${HOST}`);
    expect(byPosition).toContain(a1.id);
    expect(byPosition).not.toContain(b1.id);
  });

  it('sorts team ids and rejects bad filters', async () => {
    expect(ab.teamIds).toEqual([teamA.id, teamB.id].sort());
    const res = await owner.get('/api/v1/people?status=retired');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toContain('status');
  });
});

describe('team scoping', () => {
  let manager: Client;
  let onlyB: PersonView;
  let onlyA: PersonView;

  beforeAll(async () => {
    manager = await inviteAndJoin(owner, 'manager-a@example.com', 'manager', [teamA.id]);
    onlyB = await createPerson({ displayName: '只在B组', teamIds: [teamB.id], phone: '13600006666' });
    onlyA = await createPerson({ displayName: '只在A组', teamIds: [teamA.id], phone: '13600007777' });
  });

  it('hides people of other teams from a manager', async () => {
    const list = await manager.get('/api/v1/people');
    const seen = (list.json() as { items: PersonView[] }).items;
    expect(seen.map((p) => p.id)).toContain(onlyA.id);
    expect(seen.map((p) => p.id)).not.toContain(onlyB.id);
    expect(seen.every((p) => p.teamIds.includes(teamA.id))).toBe(true);
    // Filtering by another team shows only the people who are in one of the manager's teams as well.
    const inB = (await manager.get(`/api/v1/people?teamId=${teamB.id}`)).json().items as PersonView[];
    expect(inB.length).toBeGreaterThan(0);
    expect(inB.every((p) => p.teamIds.includes(teamA.id) && p.teamIds.includes(teamB.id))).toBe(true);
    for (const res of [
      await manager.get(`/api/v1/people/${onlyB.id}`),
      await manager.patch(`/api/v1/people/${onlyB.id}`, { displayName: 'hijacked' }),
      await manager.post(`/api/v1/people/${onlyB.id}/reveal`, { fields: ['phone'] }),
      await manager.delete(`/api/v1/people/${onlyB.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('person/not-found');
      expect(res.body).not.toContain('13600006666');
    }
    expect((await personRow(onlyB.id)).display_name).toBe('只在B组');
    expect(await auditFor(onlyB.id, 'reveal')).toEqual([]);
  });

  it('lets a manager reveal a person of their own team', async () => {
    const res = await manager.post(`/api/v1/people/${onlyA.id}/reveal`, { fields: ['phone'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: '13600007777' });
    const [entry] = await auditFor(onlyA.id, 'reveal');
    expect(entry).toMatchObject({ actorUserId: manager.me!.user.id, after: { fields: ['phone'] } });
  });

  it('keeps a manager from creating people outside their teams', async () => {
    const before = (await ctx.deps.db.selectFrom('people').select('id').execute()).length;
    const noTeam = await manager.post('/api/v1/people', buildPerson({ teamIds: [] }));
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().error.code).toBe('person/unknown-team');
    const inB = await manager.post('/api/v1/people', buildPerson({ teamIds: [teamB.id] }));
    expect(inB.statusCode).toBe(400);
    expect(inB.json().error).toMatchObject({ code: 'person/unknown-team', fields: [{ path: 'teamIds' }] });
    const moveToB = await manager.patch(`/api/v1/people/${onlyA.id}`, { teamIds: [teamB.id] });
    expect(moveToB.statusCode).toBe(400);
    expect(moveToB.json().error.code).toBe('person/unknown-team');
    expect((await ctx.deps.db.selectFrom('people').select('id').execute()).length).toBe(before);

    const own = await manager.post('/api/v1/people', buildPerson({ displayName: '经理加的人' }));
    expect(own.statusCode).toBe(201);
    expect(own.json().teamIds).toEqual([teamA.id]);
  });
});

describe('localized validation', () => {
  it('answers the same invalid body in the asked language', async () => {
    const body = { displayName: '', weeklyCapacityHours: 100 };
    const zh = await owner.request('POST', '/api/v1/people', body, { 'accept-language': 'zh-CN' });
    const en = await owner.request('POST', '/api/v1/people', body, { 'accept-language': 'en-US' });
    expect(zh.statusCode).toBe(400);
    expect(en.statusCode).toBe(400);
    expect(zh.json().error.message).toBe('输入有误，请检查标出的字段');
    expect(en.json().error.message).toBe('Some fields are invalid');
    const zhFields = zh.json().error.fields as { path: string; message: string }[];
    const enFields = en.json().error.fields as { path: string; message: string }[];
    expect(zhFields.map((f) => f.path)).toEqual(enFields.map((f) => f.path));
    expect(zhFields.map((f) => f.path)).toEqual(expect.arrayContaining(['displayName', 'weeklyCapacityHours']));
    for (const path of ['displayName', 'weeklyCapacityHours']) {
      const zhMessage = zhFields.find((f) => f.path === path)!.message;
      const enMessage = enFields.find((f) => f.path === path)!.message;
      expect(zhMessage).not.toBe(enMessage);
      expect(zhMessage).toMatch(/[\u4e00-\u9fff]/);
      expect(enMessage).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps a schema’s own bilingual message for a badly shaped phone number', async () => {
    const res = await owner.post('/api/v1/people', buildPerson({ phone: 'call me', idCard: '12345' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'phone')!.message).toContain('电话号码格式不正确');
    expect(fields.find((f) => f.path === 'idCard')!.message).toContain('身份证号格式不正确');
  });
});
