import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, AuditPage } from '../../../contracts/audit';
import type { DutyView, MatrixFinding, MatrixView, PositionView } from '../../../contracts/catalog';
import { stableId } from '../../platform/ids';
import { createTestContext, inviteAndJoin, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
});
afterAll(() => ctx.close());

const HOST = stableId('position', 'host');
const OPS_MANAGER = stableId('position', 'ops_manager');
const CO_HOST_SUPPORT = stableId('duty', 'co_host_support');

function buildPosition(code: string, overrides: Record<string, unknown> = {}) {
  return { code, nameZh: `岗位${code}`, nameEn: `Position ${code}`, ...overrides };
}

function buildDuty(code: string, overrides: Record<string, unknown> = {}) {
  return { code, nameZh: `职责${code}`, nameEn: `Duty ${code}`, area: 'execution', weeklyHours: 2.5, ...overrides };
}

async function createPosition(code: string, overrides: Record<string, unknown> = {}): Promise<PositionView> {
  const res = await owner.post('/api/v1/positions', buildPosition(code, overrides));
  expect(res.statusCode).toBe(201);
  return res.json() as PositionView;
}

async function createDuty(code: string, overrides: Record<string, unknown> = {}): Promise<DutyView> {
  const res = await owner.post('/api/v1/duties', buildDuty(code, overrides));
  expect(res.statusCode).toBe(201);
  return res.json() as DutyView;
}

async function matrix(): Promise<MatrixView> {
  const res = await owner.get('/api/v1/matrix');
  expect(res.statusCode).toBe(200);
  return res.json() as MatrixView;
}

const findingsFor = (m: MatrixView, dutyId: string) => m.findings.filter((f) => f.dutyId === dutyId).map((f) => f.kind).sort();
const cellOf = (m: MatrixView, positionId: string, dutyId: string) => m.cells.find((c) => c.positionId === positionId && c.dutyId === dutyId)?.value ?? null;

// A matrix cell's entity id joins two ids, longer than AuditQuery's entityId accepts: filter those here.
async function matrixAudit(positionId: string, dutyId: string): Promise<AuditEntryView[]> {
  return (await audit('entityType=matrix&limit=500')).filter((e) => e.entityId === `${positionId}:${dutyId}`);
}

async function audit(query: string): Promise<AuditEntryView[]> {
  const res = await owner.get(`/api/v1/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as AuditPage).items;
}

describe('default catalogue', () => {
  it('holds the eleven positions with the default ladder after setup', async () => {
    const res = await owner.get('/api/v1/positions');
    expect(res.statusCode).toBe(200);
    const positions = (res.json() as { items: PositionView[] }).items;
    expect(positions).toHaveLength(11);
    const host = positions.find((p) => p.code === 'host')!;
    expect(host).toMatchObject({ id: HOST, nameZh: '主播', headcount: 0 });
    expect(host.levels.map((l) => l.nameZh)).toEqual(['初级', '中级', '高级', '资深']);
    expect(host.levels.map((l) => l.code)).toEqual(['junior', 'intermediate', 'senior', 'expert']);
    expect(host.skills.length).toBeGreaterThan(0);
    const one = await owner.get(`/api/v1/positions/${HOST}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(host);
  });

  it('holds the duties and a matrix without findings', async () => {
    const duties = (await owner.get('/api/v1/duties')).json() as { items: DutyView[] };
    expect(duties.items.length).toBeGreaterThanOrEqual(20);
    expect(duties.items.map((d) => d.id)).toContain(CO_HOST_SUPPORT);
    const m = await matrix();
    expect(m.positions).toHaveLength(11);
    expect(m.duties).toHaveLength(duties.items.length);
    expect(m.cells.length).toBeGreaterThan(m.duties.length);
    expect(cellOf(m, HOST, CO_HOST_SUPPORT)).toBe('A');
    expect(cellOf(m, stableId('position', 'co_host'), CO_HOST_SUPPORT)).toBe('R');
    expect(m.findings).toEqual([]);
  });
});

describe('positions', () => {
  it('creates, reads, updates and deletes a position, auditing each change', async () => {
    const created = await owner.post('/api/v1/positions', buildPosition('stylist', { skills: ['搭配'], sortOrder: 200 }));
    expect(created.statusCode).toBe(201);
    const position = created.json() as PositionView;
    expect(position).toMatchObject({ code: 'stylist', nameZh: '岗位stylist', skills: ['搭配'], sortOrder: 200, headcount: 0, descriptionZh: '' });
    expect(position.levels.map((l) => l.code)).toEqual(['junior', 'intermediate', 'senior', 'expert']);

    const got = await owner.get(`/api/v1/positions/${position.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(position);

    const patched = await owner.patch(`/api/v1/positions/${position.id}`, { nameZh: '造型师', levels: [{ code: 'l1', nameZh: '一级', nameEn: 'L1' }] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: position.id, code: 'stylist', nameZh: '造型师', levels: [{ code: 'l1', nameZh: '一级', nameEn: 'L1' }] });

    const deleted = await owner.delete(`/api/v1/positions/${position.id}`);
    expect(deleted.statusCode).toBe(204);
    const gone = await owner.get(`/api/v1/positions/${position.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('position/not-found');
    expect(await ctx.deps.db.selectFrom('positions').select('id').where('id', '=', position.id).executeTakeFirst()).toBeUndefined();

    const entries = await audit(`entityType=position&entityId=${position.id}`);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(entries[2]!.after).toMatchObject({ code: 'stylist', sortOrder: 200 });
    expect(entries[1]!.before).toMatchObject({ nameZh: '岗位stylist' });
    expect(entries[1]!.after).toMatchObject({ nameZh: '造型师', levels: [{ code: 'l1' }] });
    expect(entries[1]!.after).not.toHaveProperty('skills');
    expect(entries[0]!.before).toMatchObject({ code: 'stylist', nameZh: '造型师' });
  });

  it('keeps the fields a PATCH leaves out, including a custom ladder', async () => {
    const levels = [
      { code: 'trainee', nameZh: '实习', nameEn: 'Trainee' },
      { code: 'lead', nameZh: '组长', nameEn: 'Lead' },
    ];
    const position = await createPosition('photographer', { descriptionZh: '拍摄', skills: ['灯光'], selectionCriteria: ['作品集'], levels, sortOrder: 300 });
    const res = await owner.patch(`/api/v1/positions/${position.id}`, { nameEn: 'Photographer' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameEn: 'Photographer', descriptionZh: '拍摄', skills: ['灯光'], selectionCriteria: ['作品集'], levels, sortOrder: 300 });
    const row = await ctx.deps.db.selectFrom('positions').selectAll().where('id', '=', position.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.levels)).toEqual(levels);
    expect(Number(row.sort_order)).toBe(300);
  });

  it('answers 409 position/code-taken for a duplicate code', async () => {
    const dup = await owner.post('/api/v1/positions', buildPosition('host'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'position/code-taken', fields: [{ path: 'code' }] });
    const other = await createPosition('editor');
    const rename = await owner.patch(`/api/v1/positions/${other.id}`, { code: 'host' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('position/code-taken');
    const hosts = await ctx.deps.db.selectFrom('positions').select('id').where('code', '=', 'host').execute();
    expect(hosts.map((h) => h.id)).toEqual([HOST]);
  });

  it('rejects invalid positions with field paths', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [buildPosition('Bad Code'), 'code'],
      [buildPosition('ok_code', { nameZh: '' }), 'nameZh'],
      [buildPosition('ok_code', { levels: [] }), 'levels'],
      [buildPosition('ok_code', { levels: [{ code: 'a', nameZh: 'a', nameEn: 'a' }, { code: 'a', nameZh: 'b', nameEn: 'b' }] }), 'levels'],
      [buildPosition('ok_code', { sortOrder: 1.5 }), 'sortOrder'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post('/api/v1/positions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(res.json().error.fields[0].path).toBe(path);
    }
    expect(await ctx.deps.db.selectFrom('positions').select('id').where('code', '=', 'ok_code').executeTakeFirst()).toBeUndefined();
  });

  it('answers 404 for unknown positions', async () => {
    for (const res of [
      await owner.get('/api/v1/positions/nope'),
      await owner.patch('/api/v1/positions/nope', { nameZh: 'x' }),
      await owner.delete('/api/v1/positions/nope'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('position/not-found');
    }
  });

  it('refuses to drop a level someone holds, or to delete a position someone holds', async () => {
    const person = await owner.post('/api/v1/people', { displayName: '李佳', positionId: HOST, level: 'senior' });
    expect(person.statusCode).toBe(201);
    expect(((await owner.get(`/api/v1/positions/${HOST}`)).json() as PositionView).headcount).toBe(1);

    const dropSenior = await owner.patch(`/api/v1/positions/${HOST}`, {
      levels: [
        { code: 'junior', nameZh: '初级', nameEn: 'Junior' },
        { code: 'expert', nameZh: '资深', nameEn: 'Expert' },
      ],
    });
    expect(dropSenior.statusCode).toBe(409);
    expect(dropSenior.json().error).toMatchObject({ code: 'position/level-in-use', fields: [{ path: 'levels' }] });

    // Renaming the held level keeps its code, so it is allowed.
    const rename = await owner.patch(`/api/v1/positions/${HOST}`, {
      levels: [
        { code: 'junior', nameZh: '初级', nameEn: 'Junior' },
        { code: 'senior', nameZh: '高级主播', nameEn: 'Senior host' },
      ],
    });
    expect(rename.statusCode).toBe(200);

    const del = await owner.delete(`/api/v1/positions/${HOST}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('position/in-use');
    expect(await ctx.deps.db.selectFrom('positions').select('id').where('id', '=', HOST).executeTakeFirst()).toBeDefined();
    const cells = await ctx.deps.db.selectFrom('raci_cells').select('duty_id').where('position_id', '=', HOST).execute();
    expect(cells.length).toBeGreaterThan(0);
  });
});

describe('duties', () => {
  it('creates, updates and deletes a duty, auditing each change', async () => {
    const created = await owner.post('/api/v1/duties', buildDuty('unboxing', { area: 'content', weeklyHours: 3.75 }));
    expect(created.statusCode).toBe(201);
    const duty = created.json() as DutyView;
    expect(duty).toMatchObject({ code: 'unboxing', area: 'content', weeklyHours: 3.75, descriptionZh: '' });
    expect((await owner.get('/api/v1/duties')).json().items.map((d: DutyView) => d.id)).toContain(duty.id);

    const patched = await owner.patch(`/api/v1/duties/${duty.id}`, { descriptionZh: '开箱展示' });
    expect(patched.statusCode).toBe(200);
    const again = await owner.patch(`/api/v1/duties/${duty.id}`, { weeklyHours: 4 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: duty.id, weeklyHours: 4, descriptionZh: '开箱展示', area: 'content' });

    const deleted = await owner.delete(`/api/v1/duties/${duty.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await owner.get('/api/v1/duties')).json().items.map((d: DutyView) => d.id)).not.toContain(duty.id);
    const gone = await owner.patch(`/api/v1/duties/${duty.id}`, { weeklyHours: 1 });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('duty/not-found');
    expect((await owner.delete(`/api/v1/duties/${duty.id}`)).statusCode).toBe(404);

    const entries = await audit(`entityType=duty&entityId=${duty.id}`);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'update', 'create']);
    expect(entries[1]).toMatchObject({ before: { weeklyHours: 3.75 }, after: { weeklyHours: 4 } });
    expect(entries[2]).toMatchObject({ before: { descriptionZh: '' }, after: { descriptionZh: '开箱展示' } });
  });

  it('answers 409 duty/code-taken for a duplicate code', async () => {
    const dup = await owner.post('/api/v1/duties', buildDuty('co_host_support'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duty/code-taken');
    const other = await createDuty('live_qa');
    const rename = await owner.patch(`/api/v1/duties/${other.id}`, { code: 'co_host_support' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('duty/code-taken');
  });

  it('rejects weekly hours that are not quarter hours, or out of range', async () => {
    for (const weeklyHours of [1.1, 0.3, -1, 168.25, '2']) {
      const res = await owner.post('/api/v1/duties', buildDuty('bad_hours', { weeklyHours }));
      expect(res.statusCode, String(weeklyHours)).toBe(400);
      expect(res.json().error.fields[0].path).toBe('weeklyHours');
    }
    const area = await owner.post('/api/v1/duties', buildDuty('bad_area', { area: 'astrology' }));
    expect(area.statusCode).toBe(400);
    expect(area.json().error.fields[0].path).toBe('area');
    expect(await ctx.deps.db.selectFrom('duties').select('id').where('code', 'in', ['bad_hours', 'bad_area']).execute()).toEqual([]);
    expect((await owner.post('/api/v1/duties', buildDuty('quarter_hours', { weeklyHours: 0.25 }))).statusCode).toBe(201);
  });

  it('stores the quarter hour for values that only float noise makes a multiple of 0.25', async () => {
    // zod's multipleOf lets these through; PostgreSQL's 4-byte real used to fail on 1e-40 with a 500.
    const tiny = await owner.post('/api/v1/duties', buildDuty('tiny_hours', { weeklyHours: 1e-40 }));
    expect(tiny.statusCode).toBe(201);
    expect(tiny.json().weeklyHours).toBe(0);
    const noisy = await owner.patch(`/api/v1/duties/${tiny.json().id}`, { weeklyHours: 0.25000000000000006 });
    expect(noisy.statusCode).toBe(200);
    expect(noisy.json().weeklyHours).toBe(0.25);
    const row = await ctx.deps.db.selectFrom('duties').select('weekly_hours').where('id', '=', tiny.json().id).executeTakeFirstOrThrow();
    expect(Number(row.weekly_hours)).toBe(0.25);
  });
});

describe('responsibility matrix', () => {
  it('sets, changes and clears a cell, and the findings follow', async () => {
    const position = await createPosition('matrix_pos');
    const duty = await createDuty('matrix_duty');
    let m = await matrix();
    expect(findingsFor(m, duty.id)).toEqual(['no-accountable', 'no-responsible']);

    const set = await owner.put('/api/v1/matrix/cells', { positionId: position.id, dutyId: duty.id, value: 'A' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ positionId: position.id, dutyId: duty.id, value: 'A' });
    m = await matrix();
    expect(cellOf(m, position.id, duty.id)).toBe('A');
    expect(findingsFor(m, duty.id)).toEqual(['no-responsible']);

    expect((await owner.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: duty.id, value: 'R' })).statusCode).toBe(200);
    m = await matrix();
    expect(findingsFor(m, duty.id)).toEqual([]);

    expect((await owner.put('/api/v1/matrix/cells', { positionId: OPS_MANAGER, dutyId: duty.id, value: 'A' })).statusCode).toBe(200);
    expect(findingsFor(await matrix(), duty.id)).toEqual(['many-accountable']);

    const change = await owner.put('/api/v1/matrix/cells', { positionId: position.id, dutyId: duty.id, value: 'C' });
    expect(change.statusCode).toBe(200);
    m = await matrix();
    expect(cellOf(m, position.id, duty.id)).toBe('C');
    expect(findingsFor(m, duty.id)).toEqual([]);

    const clear = await owner.put('/api/v1/matrix/cells', { positionId: position.id, dutyId: duty.id, value: null });
    expect(clear.statusCode).toBe(204);
    expect(clear.body).toBe('');
    m = await matrix();
    expect(cellOf(m, position.id, duty.id)).toBeNull();
    expect(await ctx.deps.db.selectFrom('raci_cells').selectAll().where('position_id', '=', position.id).where('duty_id', '=', duty.id).executeTakeFirst()).toBeUndefined();

    // Clearing an empty cell changes nothing and writes nothing.
    expect((await owner.put('/api/v1/matrix/cells', { positionId: position.id, dutyId: duty.id, value: null })).statusCode).toBe(204);

    const entries = await matrixAudit(position.id, duty.id);
    expect(entries.map((e) => [e.before?.value, e.after?.value])).toEqual([
      ['C', null],
      ['A', 'C'],
      [null, 'A'],
    ]);
    expect(entries[0]).toMatchObject({ action: 'update', before: { position: 'matrix_pos', duty: 'matrix_duty' }, after: { position: 'matrix_pos', duty: 'matrix_duty' } });
  });

  it("flags a duty as having no accountable position when its only A is cleared", async () => {
    const clear = await owner.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: CO_HOST_SUPPORT, value: null });
    expect(clear.statusCode).toBe(204);
    let m = await matrix();
    expect(m.findings).toContainEqual({ kind: 'no-accountable', dutyId: CO_HOST_SUPPORT } satisfies MatrixFinding);
    expect(findingsFor(m, CO_HOST_SUPPORT)).toEqual(['no-accountable']);

    const restore = await owner.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: CO_HOST_SUPPORT, value: 'A' });
    expect(restore.statusCode).toBe(200);
    m = await matrix();
    expect(findingsFor(m, CO_HOST_SUPPORT)).toEqual([]);

    const entries = await matrixAudit(HOST, CO_HOST_SUPPORT);
    expect(entries.slice(0, 2).map((e) => [e.before, e.after])).toEqual([
      [
        { position: 'host', duty: 'co_host_support', value: null },
        { position: 'host', duty: 'co_host_support', value: 'A' },
      ],
      [
        { position: 'host', duty: 'co_host_support', value: 'A' },
        { position: 'host', duty: 'co_host_support', value: null },
      ],
    ]);
  });

  it('answers 404 for an unknown position or duty, and 400 for an unknown value', async () => {
    const before = (await matrix()).cells.length;
    const noPosition = await owner.put('/api/v1/matrix/cells', { positionId: 'nope', dutyId: CO_HOST_SUPPORT, value: 'R' });
    expect(noPosition.statusCode).toBe(404);
    expect(noPosition.json().error).toMatchObject({ code: 'position/not-found', fields: [{ path: 'positionId' }] });
    const noDuty = await owner.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: 'nope', value: 'R' });
    expect(noDuty.statusCode).toBe(404);
    expect(noDuty.json().error.code).toBe('duty/not-found');
    const badValue = await owner.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: CO_HOST_SUPPORT, value: 'X' });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().error.fields[0].path).toBe('value');
    expect((await matrix()).cells.length).toBe(before);
  });

  it('removes a deleted duty’s or position’s cells', async () => {
    const position = await createPosition('short_lived');
    const duty = await createDuty('short_lived_duty');
    await owner.put('/api/v1/matrix/cells', { positionId: position.id, dutyId: CO_HOST_SUPPORT, value: 'I' });
    await owner.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: duty.id, value: 'R' });
    expect((await owner.delete(`/api/v1/positions/${position.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/v1/duties/${duty.id}`)).statusCode).toBe(204);
    const m = await matrix();
    expect(m.cells.filter((c) => c.positionId === position.id || c.dutyId === duty.id)).toEqual([]);
    expect(m.findings.filter((f) => f.dutyId === duty.id)).toEqual([]);
  });

  it('lets a member read the catalogue but not change it', async () => {
    const member = await inviteAndJoin(owner, 'member@example.com', 'member');
    const read = await member.get('/api/v1/matrix');
    expect(read.statusCode).toBe(200);
    expect((read.json() as MatrixView).positions.length).toBeGreaterThan(0);
    expect((await member.get('/api/v1/positions')).statusCode).toBe(200);

    const before = await ctx.deps.db.selectFrom('raci_cells').selectAll().where('position_id', '=', HOST).where('duty_id', '=', CO_HOST_SUPPORT).executeTakeFirst();
    const put = await member.put('/api/v1/matrix/cells', { positionId: HOST, dutyId: CO_HOST_SUPPORT, value: 'C' });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('auth/forbidden');
    const after = await ctx.deps.db.selectFrom('raci_cells').selectAll().where('position_id', '=', HOST).where('duty_id', '=', CO_HOST_SUPPORT).executeTakeFirst();
    expect(after).toEqual(before);

    expect((await member.post('/api/v1/positions', buildPosition('member_made'))).statusCode).toBe(403);
    expect((await member.patch(`/api/v1/duties/${CO_HOST_SUPPORT}`, { weeklyHours: 1 })).statusCode).toBe(403);
    expect((await member.delete(`/api/v1/positions/${HOST}`)).statusCode).toBe(403);
  });
});
