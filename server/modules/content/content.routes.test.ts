import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDetailView, ContentListView, DiffView } from '../../../contracts/content';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let manager: Client;
let member: Client;
let outsider: Client;
let teamId: string;
let otherTeamId: string;
let roomId: string;
let otherRoomId: string;
let people: Record<string, string>;

/** A script with two block findings: an absolute claim (全网最低) and a WeChat diversion. */
const RISKY = '家人们，这款精华是全网最低价，加我薇信 abc123 私聊。';
const CLEAN = '家人们，这款精华口碑很好，今天直播间下单有赠品。';

async function person(name: string, code: string) {
  const positions = (await owner.get('/api/v1/positions')).json().items as { id: string; code: string }[];
  return (await owner.post('/api/v1/people', { displayName: name, positionId: positions.find((p) => p.code === code)!.id, teamIds: [teamId] })).json().id as string;
}

async function session(room: string, day: number, title = `晚场 ${day}`) {
  const res = await owner.post('/api/v1/sessions', { roomId: room, title, plannedStart: `2026-12-${String(day).padStart(2, '0')}T19:00:00+08:00`, plannedEnd: `2026-12-${String(day).padStart(2, '0')}T22:00:00+08:00` });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  expect((await owner.put(`/api/v1/sessions/${id}/crew`, { crew: [{ personId: people.host, role: 'host' }, { personId: people.fc, role: 'field_control' }, { personId: people.console, role: 'console' }] })).statusCode).toBe(200);
  return id;
}

/** Creates an item as `who` and walks it to approved as the manager. */
async function approved(who: Client, body: Record<string, unknown>) {
  const created = await who.post('/api/v1/content', body);
  expect(created.statusCode).toBe(201);
  const id = (created.json() as ContentDetailView).id;
  expect((await who.post(`/api/v1/content/${id}/submit`, {})).statusCode).toBe(200);
  const ok = await manager.post(`/api/v1/content/${id}/approve`, {});
  expect(ok.statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  otherTeamId = (await owner.post('/api/v1/teams', { name: '食品组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy-content', displayName: '美妆一号间' })).json().id;
  otherRoomId = (await owner.post('/api/v1/rooms', { teamId: otherTeamId, platform: 'douyin', accountId: 'dy-food', displayName: '食品间' })).json().id;
  manager = await inviteAndJoin(owner, 'manager@example.com', 'manager', [teamId]);
  member = await inviteAndJoin(owner, 'writer@example.com', 'member', [teamId]);
  outsider = await inviteAndJoin(owner, 'food@example.com', 'member', [otherTeamId]);
  people = { host: await person('李佳', 'host'), fc: await person('王博', 'field_control'), console: await person('陈瑶', 'console') };
});
afterAll(() => ctx.close());

describe('content items', () => {
  let id: string;
  let sessionId: string;

  it('creates a script for a session, derives room and team, and scans it', async () => {
    sessionId = await session(roomId, 1);
    const res = await member.post('/api/v1/content', { kind: 'script', name: '12月1日晚场脚本', body: RISKY, sessionId, category: 'beauty' });
    expect(res.statusCode).toBe(201);
    const item = res.json() as ContentDetailView;
    id = item.id;
    expect(item).toMatchObject({ kind: 'script', state: 'draft', currentVersion: 1, teamId, roomId, roomName: '美妆一号间', sessionId, sessionTitle: '晚场 1', category: 'beauty', body: RISKY });
    const absolute = item.findings.find((f) => f.rule === 'ad-law.9.absolute' && f.term === '全网最低')!;
    expect(RISKY.slice(absolute.start, absolute.end)).toBe('全网最低');
    expect(absolute).toMatchObject({ severity: 'block', waiverId: null });
    expect(absolute.suggestion).toBeTruthy();
    expect(item.openBlocks).toBeGreaterThanOrEqual(2);
    expect(item.versions).toHaveLength(1);
  });

  it('refuses bad input with field messages in both languages', async () => {
    const res = await member.post('/api/v1/content', { kind: 'poem', name: '', body: '   ' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['body', 'kind', 'name']);
    expect(fields.find((f) => f.path === 'body')!.message).toBe('the text is empty / 正文不能为空');
    const noTeam = await owner.post('/api/v1/content', { kind: 'script', name: 'x', body: 'y' });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().error.code).toBe('content/team-required');
  });

  it("keeps other teams' sessions, rooms and items out of reach (404)", async () => {
    expect((await outsider.post('/api/v1/content', { kind: 'script', name: 'x', body: 'y', sessionId })).json().error.code).toBe('session/not-found');
    expect((await outsider.post('/api/v1/content', { kind: 'script', name: 'x', body: 'y', roomId })).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/content/${id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/content/${id}/versions`, { body: CLEAN })).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/content')).json().items).toEqual([]);
    expect((await member.post('/api/v1/content', { kind: 'script', name: 'x', body: 'y', sessionId, roomId: otherRoomId })).json().error.code).toBe('content/link-mismatch');
  });

  it('submits for review, notifies the reviewers, and lists the queue oldest first with counts', async () => {
    const second = (await member.post('/api/v1/content', { kind: 'title', name: '标题', body: '美妆晚场｜宠粉福利', sessionId })).json().id as string;
    expect((await member.post(`/api/v1/content/${id}/submit`, {})).json().state).toBe('in_review');
    expect((await member.post(`/api/v1/content/${second}/submit`, {})).json().state).toBe('in_review');
    const again = await member.post(`/api/v1/content/${id}/submit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('content/bad-transition');
    const queue = (await manager.get('/api/v1/content?state=in_review')).json() as ContentListView;
    expect(queue.items.map((i) => i.id)).toEqual([id, second]);
    expect(queue.counts).toMatchObject({ in_review: 2, draft: 0 });
    const managerId = manager.me!.user.id;
    const notes = await ctx.deps.db.selectFrom('notifications').selectAll().where('kind', '=', 'content.review_requested').execute();
    expect(notes.filter((n) => n.user_id === managerId)).toHaveLength(2);
    expect(notes.some((n) => n.user_id === member.me!.user.id)).toBe(false);
    expect(notes[0]!.link).toBe(`/content/${id}`);
  });

  it('refuses approval while block findings are neither fixed nor waived, listing them', async () => {
    const res = await manager.post(`/api/v1/content/${id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('content/unresolved-blocks');
    const listed = res.json().error.details.findings as { rule: string; text: string }[];
    expect(listed.map((f) => f.text)).toContain('全网最低');
    expect(listed.some((f) => f.rule.startsWith('live.diversion'))).toBe(true);
  });

  it('lets members comment on a range (the quote is cut by the server) but not review', async () => {
    const start = RISKY.indexOf('全网最低');
    const res = await manager.post(`/api/v1/content/${id}/comments`, { body: '改成口碑好', start, end: start + 4, quote: 'ignored' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, start, end: start + 4, quote: '全网最低', body: '改成口碑好', resolvedAt: null });
    expect((await member.post(`/api/v1/content/${id}/comments`, { body: '整体再短一些' })).json()).toMatchObject({ start: null, quote: null });
    const out = await member.post(`/api/v1/content/${id}/comments`, { body: 'x', start: 0, end: 9999 });
    expect(out.json().error.code).toBe('content/bad-range');
    const half = await member.post(`/api/v1/content/${id}/comments`, { body: 'x', start: 3 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.fields[0]).toEqual({ path: 'end', message: 'start and end go together / 起止位置须同时提供' });
    expect((await member.post(`/api/v1/content/${id}/approve`, {})).statusCode).toBe(403);
    expect((await member.post(`/api/v1/content/${id}/request-changes`, { reason: '不行' })).statusCode).toBe(403);
    expect((await member.post(`/api/v1/content/${id}/waivers`, { rule: 'ad-law.9.absolute', start, end: start + 4, reason: '有依据' })).statusCode).toBe(403);
  });

  it('requests changes with a reason, which becomes a comment and notifies the author', async () => {
    const noReason = await manager.post(`/api/v1/content/${id}/request-changes`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].message).toBe('at least 3 characters / 至少 3 个字符');
    const res = await manager.post(`/api/v1/content/${id}/request-changes`, { reason: '去掉绝对化用语和微信号' });
    expect(res.statusCode).toBe(200);
    const item = res.json() as ContentDetailView;
    expect(item.state).toBe('changes_requested');
    expect(item.reviewedByName).toBe('manager');
    expect(item.comments.at(-1)).toMatchObject({ body: '去掉绝对化用语和微信号', start: null });
    const notes = await ctx.deps.db.selectFrom('notifications').selectAll().where('kind', '=', 'content.changes_requested').execute();
    expect(notes.map((n) => n.user_id)).toEqual([member.me!.user.id]);
  });

  it('saves a fixed version: scanned again, diffed against the first, resubmitted', async () => {
    const same = await member.post(`/api/v1/content/${id}/versions`, { body: RISKY });
    expect(same.json().error.code).toBe('content/unchanged');
    const stale = await member.post(`/api/v1/content/${id}/versions`, { body: CLEAN, baseVersion: 7 });
    expect(stale.json().error.code).toBe('content/stale-version');
    const fixed = '家人们，这款精华是全网最低价，今天直播间下单有赠品。';
    const res = await member.post(`/api/v1/content/${id}/versions`, { body: fixed, note: '去掉微信号', baseVersion: 1 });
    expect(res.statusCode).toBe(201);
    const item = res.json() as ContentDetailView;
    expect(item).toMatchObject({ currentVersion: 2, state: 'changes_requested', body: fixed });
    expect(item.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(item.findings.some((f) => f.rule.startsWith('live.diversion'))).toBe(false);
    expect(item.openBlocks).toBeGreaterThan(0);
    const diff = (await member.get(`/api/v1/content/${id}/diff?from=1&to=2`)).json() as DiffView;
    expect(diff.by).toBe('char');
    expect(diff.parts.filter((p) => p.type === 'removed').map((p) => p.text).join('')).toContain('薇信');
    expect(diff.parts.filter((p) => p.type !== 'added').map((p) => p.text).join('')).toBe(RISKY);
    expect(diff.parts.filter((p) => p.type !== 'removed').map((p) => p.text).join('')).toBe(fixed);
    const lines = (await member.get(`/api/v1/content/${id}/diff?from=1&to=2&by=line`)).json() as DiffView;
    expect(lines.parts).toEqual([{ type: 'removed', text: RISKY }, { type: 'added', text: fixed }]);
    expect((await member.get(`/api/v1/content/${id}/diff?from=1&to=9`)).statusCode).toBe(404);
    const v1 = (await member.get(`/api/v1/content/${id}/versions/1`)).json();
    expect(v1).toMatchObject({ number: 1, body: RISKY });
    expect((await member.post(`/api/v1/content/${id}/submit`, { note: '已修改' })).json().state).toBe('in_review');
  });

  it('waives a block finding with a reason (reviewers only, audited), then approves', async () => {
    const item = (await manager.get(`/api/v1/content/${id}`)).json() as ContentDetailView;
    const blocks = item.findings.filter((f) => f.severity === 'block');
    expect(blocks.length).toBeGreaterThan(0);
    const noReason = await manager.post(`/api/v1/content/${id}/waivers`, { rule: blocks[0]!.rule, start: blocks[0]!.start, end: blocks[0]!.end, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const wrong = await manager.post(`/api/v1/content/${id}/waivers`, { rule: 'no.such.rule', start: 0, end: 2, reason: '没有依据' });
    expect(wrong.json().error.code).toBe('content/finding-not-found');
    for (const f of blocks) {
      const res = await manager.post(`/api/v1/content/${id}/waivers`, { rule: f.rule, start: f.start, end: f.end, reason: '有第三方检测报告，价格已核实' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ version: 2, rule: f.rule, term: f.term, waivedByName: 'manager' });
    }
    const twice = await manager.post(`/api/v1/content/${id}/waivers`, { rule: blocks[0]!.rule, start: blocks[0]!.start, end: blocks[0]!.end, reason: '再来一次' });
    expect(twice.json().error.code).toBe('content/already-waived');
    const stale = await manager.post(`/api/v1/content/${id}/approve`, { version: 1 });
    expect(stale.json().error.code).toBe('content/stale-version');
    const ok = await manager.post(`/api/v1/content/${id}/approve`, { version: 2 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', openBlocks: 0, reviewedByName: 'manager' });
    const audit = (await owner.get(`/api/v1/audit?entityType=content-item&entityId=${id}&action=override`)).json().items;
    expect(audit).toHaveLength(blocks.length);
    expect(audit[0].summary).toContain('有第三方检测报告');
  });

  it('sends an approved item back to draft when a new version is saved (approval is per version)', async () => {
    const res = await member.post(`/api/v1/content/${id}/versions`, { body: CLEAN });
    expect(res.json()).toMatchObject({ state: 'draft', currentVersion: 3, reviewedBy: null, openBlocks: 0 });
    // Waivers belong to the version they were given for.
    expect((res.json() as ContentDetailView).waivers.every((w) => w.version === 2)).toBe(true);
  });

  it('resolves and reopens a comment', async () => {
    const comments = (await member.get(`/api/v1/content/${id}`)).json().comments as { id: number }[];
    const c = comments[0]!;
    expect((await member.post(`/api/v1/content/${id}/comments/${c.id}/resolve`, {})).json().resolvedAt).not.toBeNull();
    expect((await member.post(`/api/v1/content/${id}/comments/${c.id}/resolve`, { resolved: false })).json().resolvedAt).toBeNull();
    expect((await member.post(`/api/v1/content/${id}/comments/99999/resolve`, {})).statusCode).toBe(404);
  });

  it("holds a session's script to the rules of the category its run of show sells", async () => {
    const sid = await session(roomId, 3, '保健品专场');
    const product = (await owner.post('/api/v1/products', { sku: 'HF-001', name: '鱼油软胶囊', category: 'health_food', listPriceFen: 19900, livePriceFen: 12900, stock: 100 })).json().id;
    expect((await owner.put(`/api/v1/sessions/${sid}/slots`, { slots: [{ productId: product, plannedMinutes: 30, slotType: 'hero' }] })).statusCode).toBe(200);
    const item = (await member.post('/api/v1/content', { kind: 'script', name: '保健品脚本', body: '这款鱼油每天必吃，可以代替药物。', sessionId: sid })).json() as ContentDetailView;
    expect(item.category).toBe('health_food');
    expect(item.findings.map((f) => f.rule)).toContain('ad-law.18.health-food');
  });

  it('filters the list by kind, session, room and name', async () => {
    expect((await member.get(`/api/v1/content?q=${encodeURIComponent('12月1日')}`)).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await member.get(`/api/v1/content?q=${encodeURIComponent('100%_')}`)).json().items).toEqual([]);
    const scripts = (await member.get(`/api/v1/content?kind=script&sessionId=${sessionId}`)).json() as ContentListView;
    expect(scripts.items.map((i) => i.id)).toEqual([id]);
    expect((await member.get(`/api/v1/content?roomId=${otherRoomId}`)).json().items).toEqual([]);
    expect((await member.get('/api/v1/content?state=bogus')).statusCode).toBe(400);
  });
});

describe('the scheduling gate', () => {
  it('refuses to schedule without an approved script and title, saying which is missing (en and zh)', async () => {
    const id = await session(roomId, 10);
    const res = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'content/not-approved-script-title', message: 'The session’s script and title are not approved yet, so it cannot be scheduled' });
    expect(res.json().error.details.missing).toEqual([
      { kind: 'script', itemId: null, state: null },
      { kind: 'title', itemId: null, state: null },
    ]);

    await approved(member, { kind: 'script', name: '脚本', body: CLEAN, sessionId: id });
    const title = (await member.post('/api/v1/content', { kind: 'title', name: '标题', body: '美妆晚场｜宠粉福利', sessionId: id })).json().id as string;
    const zh = new Client(ctx.app, 'zh-CN');
    zh.cookie = owner.cookie;
    zh.csrf = owner.csrf;
    const still = await zh.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(still.json().error).toMatchObject({ code: 'content/not-approved-title', message: '这场直播的标题尚未审核通过，不能排期' });
    expect(still.json().error.details.missing).toEqual([{ kind: 'title', itemId: title, state: 'draft' }]);
    // A manager's rule override does not reach past content review.
    expect((await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled', override: { reason: '来不及了' } })).statusCode).toBe(409);

    expect((await member.post(`/api/v1/content/${title}/submit`, {})).statusCode).toBe(200);
    expect((await manager.post(`/api/v1/content/${title}/approve`, {})).statusCode).toBe(200);
    const ok = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('scheduled');
  });

  it('names the script alone when only the script is missing', async () => {
    const id = await session(roomId, 11);
    await approved(member, { kind: 'title', name: '标题', body: '美妆晚场｜新品首发', sessionId: id });
    const res = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(res.json().error.code).toBe('content/not-approved-script');
  });

  it('checks a scheduled session moved into a room that requires approved content, and moves its content along', async () => {
    const laxRoom = (await owner.post('/api/v1/rooms', { teamId, platform: 'taobao', accountId: 'tb-lax', displayName: '宽松间', requireApprovedContent: false })).json().id as string;
    const id = await session(laxRoom, 14);
    expect((await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' })).statusCode).toBe(200);
    const script = (await member.post('/api/v1/content', { kind: 'script', name: '脚本', body: CLEAN, sessionId: id })).json().id as string;
    const refused = await owner.patch(`/api/v1/sessions/${id}`, { roomId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('content/not-approved-script-title');
    expect((await owner.get(`/api/v1/sessions/${id}`)).json().roomId).toBe(laxRoom);
    await approved(member, { kind: 'title', name: '标题', body: '美妆专场｜上新', sessionId: id });
    expect((await member.post(`/api/v1/content/${script}/submit`, {})).statusCode).toBe(200);
    expect((await manager.post(`/api/v1/content/${script}/approve`, {})).statusCode).toBe(200);
    const moved = await owner.patch(`/api/v1/sessions/${id}`, { roomId });
    expect(moved.statusCode).toBe(200);
    expect((await member.get(`/api/v1/content/${script}`)).json()).toMatchObject({ roomId, roomName: '美妆一号间' });
  });

  it('lets a room that does not require approved content schedule without it', async () => {
    const patched = await owner.patch(`/api/v1/rooms/${otherRoomId}`, { requireApprovedContent: false });
    expect(patched.json().requireApprovedContent).toBe(false);
    const res = await owner.post('/api/v1/sessions', { roomId: otherRoomId, title: '食品专场', plannedStart: '2026-12-12T19:00:00+08:00', plannedEnd: '2026-12-12T21:00:00+08:00' });
    const id = res.json().id as string;
    const peopleOther = await Promise.all(
      (['host', 'field_control', 'console'] as const).map(async (code) => {
        const positions = (await owner.get('/api/v1/positions')).json().items as { id: string; code: string }[];
        return (await owner.post('/api/v1/people', { displayName: `食品${code}`, positionId: positions.find((p) => p.code === code)!.id, teamIds: [otherTeamId] })).json().id as string;
      }),
    );
    await owner.put(`/api/v1/sessions/${id}/crew`, { crew: [{ personId: peopleOther[0], role: 'host' }, { personId: peopleOther[1], role: 'field_control' }, { personId: peopleOther[2], role: 'console' }] });
    const ok = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(ok.statusCode).toBe(200);
  });
});
