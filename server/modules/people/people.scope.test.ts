import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, inviteAndJoin, setupOwner, type Client, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
});
afterAll(() => ctx.close());

describe('team membership edited by a manager of one team', () => {
  it("keeps the person's other teams, which the manager cannot see", async () => {
    const a = (await owner.post('/api/v1/teams', { name: 'A组' })).json().id;
    const b = (await owner.post('/api/v1/teams', { name: 'B组' })).json().id;
    const c = (await owner.post('/api/v1/teams', { name: 'C组' })).json().id;
    const person = (await owner.post('/api/v1/people', { displayName: '共享客服', teamIds: [a, b] })).json();
    const manager = await inviteAndJoin(owner, 'mgr-ac@example.com', 'manager', [a, c]);
    const res = await manager.patch(`/api/v1/people/${person.id}`, { teamIds: [c] });
    expect(res.statusCode).toBe(200);
    expect(res.json().teamIds).toEqual([b, c].sort());
    expect((await manager.patch(`/api/v1/people/${person.id}`, { teamIds: [b] })).statusCode).toBe(400);
  });

  it('keeps omitted fields on partial updates of teams and positions', async () => {
    const team = (await owner.post('/api/v1/teams', { name: 'D组', description: '保留我' })).json();
    expect((await owner.patch(`/api/v1/teams/${team.id}`, { name: 'D组改' })).json().description).toBe('保留我');
    const position = (await owner.post('/api/v1/positions', { code: 'stylist', nameZh: '造型师', nameEn: 'Stylist', skills: ['化妆'], levels: [{ code: 'a', nameZh: '甲', nameEn: 'A' }] })).json();
    const patched = (await owner.patch(`/api/v1/positions/${position.id}`, { nameEn: 'Stylist & makeup' })).json();
    expect(patched.skills).toEqual(['化妆']);
    expect(patched.levels).toEqual([{ code: 'a', nameZh: '甲', nameEn: 'A' }]);
  });
});
