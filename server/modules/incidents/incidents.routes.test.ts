import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';
import { stableId } from '../../platform/ids';

let ctx: TestContext;
let owner: Client;
let member: Client;
let otherManager: Client;
let teamId: string;
let otherTeamId: string;
let roomId: string;
let sessionId: string;
let memberPersonId: string;
let ownerPersonId: string;

async function person(name: string, positionCode: string, teams: string[]) {
  const res = await owner.post('/api/v1/people', { displayName: name, positionId: stableId('position', positionCode), teamIds: teams });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** An alert row as the alerts engine would write it. */
async function insertAlert(id: string, count = 1) {
  await ctx.deps.db
    .insertInto('alerts')
    .values({
      id,
      team_id: teamId,
      room_id: roomId,
      session_id: sessionId,
      kind: 'sentiment_surge',
      severity: 'critical',
      group_key: `sentiment:${id}`,
      title_zh: '负面评论激增',
      title_en: 'Negative comments surge',
      detail: '{}',
      count,
      first_at: '2026-11-01T11:20:00.000Z',
      last_at: count > 1 ? '2026-11-01T11:26:00.000Z' : '2026-11-01T11:20:00.000Z',
      status: 'open',
      acknowledged_by: null,
      acknowledged_at: null,
      resolved_by: null,
      resolved_at: null,
      incident_id: null,
    })
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  otherTeamId = (await owner.post('/api/v1/teams', { name: '服饰组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy1', displayName: '美妆一号间', requireApprovedContent: false })).json().id;
  const s = await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00' });
  sessionId = s.json().id;
  // 60 live minutes, ¥100 each: ¥6,000 over the hour.
  await ctx.deps.db
    .insertInto('live_minutes')
    .values(Array.from({ length: 60 }, (_, i) => ({ session_id: sessionId, minute: new Date(Date.UTC(2026, 11, 1, 11, i)).toISOString(), gmv_fen: 10_000 })) as never)
    .execute();
  member = await inviteAndJoin(owner, 'amy@example.com', 'member', [teamId]);
  otherManager = await inviteAndJoin(owner, 'zed@example.com', 'manager', [otherTeamId]);
  memberPersonId = await person('李佳', 'host', [teamId]);
  ownerPersonId = await person('王老板', 'ops_manager', [teamId]);
  await owner.patch(`/api/v1/people/${memberPersonId}`, { userId: member.me!.user.id });
});
afterAll(() => ctx.close());

describe('playbooks', () => {
  it('are seeded on setup: six scenarios, steps owned by positions', async () => {
    const res = await owner.get('/api/v1/playbooks');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { scenario: string; steps: { positionId: string }[] }[];
    expect(items.map((p) => p.scenario).sort()).toEqual(['host_violation', 'opinion_surge', 'personal_data_leak', 'platform_penalty', 'quality_complaints', 'stream_interruption']);
    expect(items.every((p) => p.steps.length >= 5 && p.steps.every((s) => s.positionId))).toBe(true);
  });

  it('edits one, refusing unknown positions and empty steps with field messages', async () => {
    const pb = (await owner.get('/api/v1/playbooks')).json().items[0];
    const bad = await owner.put(`/api/v1/playbooks/${pb.id}`, { ...pb, steps: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'steps', message: 'at least one step / 至少一个步骤' });
    const unknown = await owner.put(`/api/v1/playbooks/${pb.id}`, { ...pb, steps: [{ positionId: 'nope', textZh: '甲', textEn: 'a' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'playbook/unknown-position', fields: [{ path: 'steps.0.positionId' }] });
    const reordered = [...pb.steps].reverse();
    const ok = await owner.put(`/api/v1/playbooks/${pb.id}`, { ...pb, steps: reordered });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().steps[0]).toEqual(reordered[0]);
    expect((await member.put(`/api/v1/playbooks/${pb.id}`, pb)).statusCode).toBe(403);
  });
});

describe('incidents', () => {
  let id: string;

  it('opens one from an alert: team, room and session copied, alert linked, outbox row written, timeline started', async () => {
    await insertAlert('alert-1', 3);
    const playbookId = stableId('playbook', 'opinion_surge');
    const res = await owner.post('/api/v1/incidents', { title: '负面舆情：色号不符', severity: 'SEV2', alertId: 'alert-1', playbookId });
    expect(res.statusCode).toBe(201);
    const inc = res.json();
    id = inc.id;
    expect(inc).toMatchObject({ teamId, roomId, sessionId, status: 'investigating', severity: 'SEV2', alertIds: ['alert-1'], playbookId, allowedStatuses: ['mitigated', 'resolved'] });
    expect(inc.steps).toHaveLength(6);
    const alert = await ctx.deps.db.selectFrom('alerts').select('incident_id').where('id', '=', 'alert-1').executeTakeFirstOrThrow();
    expect(alert.incident_id).toBe(id);
    const kinds = inc.timeline.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(['alert', 'alert', 'opened', 'alert', 'opened']);
    expect(inc.timeline[1].textEn).toBe('Alert recurred (3 times in all): Negative comments surge');
    const out = await ctx.deps.db.selectFrom('outbox').selectAll().where('ref_id', '=', id).execute();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'incident', severity: 'critical', team_id: teamId, title_en: '[SEV2] 负面舆情：色号不符' });
  });

  it('refuses an alert already linked, and an unknown one', async () => {
    const again = await owner.post('/api/v1/incidents', { title: 'again', severity: 'SEV3', alertId: 'alert-1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('incident/alert-linked');
    const missing = await owner.post('/api/v1/incidents', { title: 'missing', severity: 'SEV3', alertId: 'nope' });
    expect(missing.statusCode).toBe(404);
  });

  it('validates input with zh/en field messages', async () => {
    const zh = new Client(ctx.app, 'zh-CN');
    zh.cookie = owner.cookie;
    zh.csrf = owner.csrf;
    const res = await zh.post('/api/v1/incidents', { title: 'x', severity: 'SEV9' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'title')!.message).toBe('at least 3 characters / 至少 3 个字');
    expect(fields.find((f) => f.path === 'severity')!.message).toMatch(/[\u4e00-\u9fff]/);
    const noTeam = await owner.post('/api/v1/incidents', { title: 'no team given', severity: 'SEV4' });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().error.code).toBe('incident/unknown-team');
  });

  it('lets a member tick steps (who and when recorded, timeline too) but not change status', async () => {
    const inc = (await member.get(`/api/v1/incidents/${id}`)).json();
    const step = inc.steps[0];
    const res = await member.post(`/api/v1/incidents/${id}/steps/${step.id}/tick`, { done: true });
    expect(res.statusCode).toBe(200);
    const ticked = res.json().steps[0];
    expect(ticked.doneByUserId).toBe(member.me!.user.id);
    expect(ticked.doneByName).toBe('amy');
    expect(ticked.doneAt).toBeTruthy();
    expect(res.json().timeline.at(-1)).toMatchObject({ kind: 'step', actor: 'amy', textEn: `Done step 1: ${step.textEn}` });
    expect((await member.post(`/api/v1/incidents/${id}/status`, { status: 'mitigated' })).statusCode).toBe(403);
  });

  it('validates status transitions and stamps them; roles and notes go on the timeline', async () => {
    const bad = await owner.post(`/api/v1/incidents/${id}/status`, { status: 'closed' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({ code: 'incident/bad-transition', details: { from: 'investigating', to: 'closed' } });
    const roles = await owner.put(`/api/v1/incidents/${id}/roles`, { commanderPersonId: ownerPersonId, scribePersonId: memberPersonId });
    expect(roles.statusCode).toBe(200);
    expect(roles.json()).toMatchObject({ commanderPersonId: ownerPersonId, scribePersonId: memberPersonId, communicationsPersonId: null });
    const note = await member.post(`/api/v1/incidents/${id}/notes`, { text: '主播已回应色号问题' });
    expect(note.statusCode).toBe(201);
    const m = await owner.post(`/api/v1/incidents/${id}/status`, { status: 'mitigated' });
    expect(m.json()).toMatchObject({ status: 'mitigated', allowedStatuses: ['investigating', 'resolved'] });
    expect(m.json().mitigatedAt).toBeTruthy();
    const sev = await owner.post(`/api/v1/incidents/${id}/severity`, { severity: 'SEV3' });
    expect(sev.json().severity).toBe('SEV3');
    const r = await owner.post(`/api/v1/incidents/${id}/status`, { status: 'resolved' });
    expect(r.json().resolvedAt).toBeTruthy();
    const kinds = r.json().timeline.map((t: { kind: string }) => t.kind);
    for (const k of ['role', 'note', 'status', 'severity']) expect(kinds).toContain(k);
    expect(await ctx.deps.db.selectFrom('outbox').select('id').where('ref_id', '=', id).execute()).toHaveLength(4);
  });

  it('writes a postmortem whose action items become tasks in their owners\' lists', async () => {
    const pm = await owner.put(`/api/v1/incidents/${id}/postmortem`, {
      rootCause: '商品详情页色号图片与实物不符',
      impact: '评论区负面情绪 20 分钟',
      minutesAffected: 20,
      gmvAtRiskFen: null,
      actionItems: [{ title: '重拍色号图片', ownerPersonId: memberPersonId, dueDate: '2026-12-05' }],
    });
    expect(pm.statusCode).toBe(200);
    const body = pm.json();
    // 60 minutes at ¥6,000 → ¥100 a minute × 20 minutes.
    expect(body.postmortem).toMatchObject({ minutesAffected: 20, suggestedGmvAtRiskFen: 200_000, gmvAtRiskFen: null });
    expect(body.postmortem.actionItems).toEqual([expect.objectContaining({ title: '重拍色号图片', ownerPersonId: memberPersonId, ownerName: '李佳', dueDate: '2026-12-05', status: 'open' })]);
    const mine = await member.get('/api/v1/tasks?mine=1');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([expect.objectContaining({ title: '重拍色号图片', sourceKind: 'incident_action', sourceId: id, status: 'open' })]);
    expect((await owner.get('/api/v1/tasks?mine=1')).json().items).toEqual([]);
    const taskId = mine.json().items[0].id;
    const done = await member.patch(`/api/v1/tasks/${taskId}`, { status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done' });
    expect(done.json().doneAt).toBeTruthy();
    // Saving again keeps the task (by id) and its state.
    const again = await owner.put(`/api/v1/incidents/${id}/postmortem`, { rootCause: 'x', minutesAffected: 20, gmvAtRiskFen: 150_000, actionItems: [{ id: taskId, title: '重拍色号图片（全部色号）', ownerPersonId: memberPersonId, dueDate: '2026-12-06' }] });
    expect(again.json().postmortem.actionItems).toEqual([expect.objectContaining({ id: taskId, status: 'done', dueDate: '2026-12-06' })]);
    const badOwner = await owner.put(`/api/v1/incidents/${id}/postmortem`, { rootCause: 'x', minutesAffected: 1, gmvAtRiskFen: null, actionItems: [{ title: 'y', ownerPersonId: 'nobody', dueDate: '2026-12-06' }] });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().error).toMatchObject({ code: 'incident/unknown-person', fields: [{ path: 'actionItems.0.ownerPersonId' }] });
    await owner.post(`/api/v1/incidents/${id}/status`, { status: 'postmortem' });
    const closed = await owner.post(`/api/v1/incidents/${id}/status`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedStatuses: [] });
    const audit = await ctx.deps.db.selectFrom('audit_log').select('entity_type').where('entity_id', '=', id).execute();
    expect(audit.length).toBeGreaterThan(5);
  });

  it('keeps other teams out: their ids are 404 and their lists empty', async () => {
    expect((await otherManager.get(`/api/v1/incidents/${id}`)).statusCode).toBe(404);
    expect((await otherManager.post(`/api/v1/incidents/${id}/notes`, { text: 'hi' })).statusCode).toBe(404);
    expect((await otherManager.get('/api/v1/incidents')).json().items).toEqual([]);
    expect((await otherManager.get('/api/v1/tasks')).json().items).toEqual([]);
    const taskId = (await member.get('/api/v1/tasks?mine=1')).json().items[0].id;
    expect((await otherManager.patch(`/api/v1/tasks/${taskId}`, { status: 'open' })).statusCode).toBe(404);
  });

  it('opens one by hand for a team, and lists open ones', async () => {
    const res = await owner.post('/api/v1/incidents', { title: '推流卡顿', severity: 'SEV1', teamId, playbookId: stableId('playbook', 'stream_interruption') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ roomId: null, sessionId: null, status: 'investigating' });
    const open = (await owner.get('/api/v1/incidents?open=1')).json().items;
    expect(open.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
  });
});

describe('risks', () => {
  it('scores, flags overdue reviews and validates levels', async () => {
    const overdue = await owner.post('/api/v1/risks', { title: '主播口播绝对化用语', category: 'content', likelihood: 4, impact: 4, ownerPersonId: memberPersonId, nextReviewDate: '2020-01-01', playbookIds: [stableId('playbook', 'host_violation')] });
    expect(overdue.statusCode).toBe(201);
    expect(overdue.json()).toMatchObject({ score: 16, isReviewOverdue: true, ownerName: '李佳' });
    const later = await owner.post('/api/v1/risks', { title: '推流中断', category: 'technical', likelihood: 2, impact: 5, nextReviewDate: '2099-01-01', teamId });
    expect(later.json()).toMatchObject({ score: 10, isReviewOverdue: false });
    const bad = await owner.post('/api/v1/risks', { title: 'x', category: 'weather', likelihood: 6, impact: 0, nextReviewDate: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'impact', 'likelihood', 'nextReviewDate']);
    expect((await member.post('/api/v1/risks', { title: 'y', category: 'legal', likelihood: 1, impact: 1, nextReviewDate: '2099-01-01' })).statusCode).toBe(403);
    expect((await otherManager.get('/api/v1/risks')).json().items.map((r: { title: string }) => r.title)).toEqual(['主播口播绝对化用语']);
    expect((await otherManager.put(`/api/v1/risks/${later.json().id}`, { title: 'z', category: 'legal', likelihood: 1, impact: 1, nextReviewDate: '2099-01-01' })).statusCode).toBe(404);
  });
});
