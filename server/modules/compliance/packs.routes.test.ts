import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkTermsResult, CategoryView, LookalikeView, PackDetail, PackView, RuleView, ScanFinding, TermPage } from '../../../contracts/compliance';
import { createTestContext, inviteAndJoin, setupOwner, Client, type TestContext } from '../../test/harness';
import { readRevision } from './compliance.registry';
import { DEFAULT_PACKS } from './scanner';

let ctx: TestContext;
let owner: Client;
let member: Client;
const api = '/api/v1/compliance';

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  member = await inviteAndJoin(owner, 'member@example.com', 'member');
});
afterAll(() => ctx.close());

const scan = async (text: string, extra: Record<string, unknown> = {}) => {
  const res = await owner.post(`${api}/scan`, { text, ...extra });
  expect(res.statusCode).toBe(200);
  return (res.json() as { findings: ScanFinding[] }).findings;
};
const packs = async () => (await owner.get(`${api}/packs`)).json().items as PackView[];
const packByKey = async (key: string) => (await packs()).find((p) => p.key === key)!;
const detail = async (id: string) => (await owner.get(`${api}/packs/${id}`)).json() as PackDetail;

describe('the shipped packs', () => {
  it('are stored at setup, builtin, with rule and term counts', async () => {
    const list = await packs();
    expect(list.map((p) => p.key)).toEqual(DEFAULT_PACKS.map((p) => p.id));
    const absolute = list.find((p) => p.key === 'ad-law.absolute')!;
    const shipped = DEFAULT_PACKS.find((p) => p.id === 'ad-law.absolute')!;
    expect(absolute).toMatchObject({ builtin: true, enabled: true, ruleCount: shipped.rules.length, allowCount: shipped.allow!.length, nameZh: shipped.name.zh });
    expect(absolute.termCount).toBe(shipped.rules.reduce((n, r) => n + new Set(r.terms).size, 0));
    expect(Object.values(absolute.evasion).every(Boolean)).toBe(true);
  });

  it('return a pack with its rules (pattern rules included) and allow list, and a rule terms in pages', async () => {
    const pack = await detail((await packByKey('live.diversion')).id);
    expect(pack.rules.map((r) => r.key)).toEqual(['live.diversion.keyword', 'live.diversion.phone', 'live.diversion.wechat', 'live.diversion.qq', 'live.diversion.url']);
    expect(pack.rules.find((r) => r.key === 'live.diversion.phone')).toMatchObject({ pattern: 'phone', termCount: 0, severity: 'block', category: 'diversion' });
    const keyword = pack.rules[0]!;
    expect(keyword).toMatchObject({ highRisk: true, pattern: null });
    const page = (await owner.get(`${api}/rules/${keyword.id}/terms?limit=3&offset=1`)).json() as TermPage;
    expect(page.total).toBe(keyword.termCount);
    expect(page.items.map((t) => t.term)).toEqual(DEFAULT_PACKS.find((p) => p.id === 'live.diversion')!.rules[0]!.terms.slice(1, 4));
    const searched = (await owner.get(`${api}/rules/${keyword.id}/terms?q=qq`)).json() as TermPage;
    expect(searched.items.map((t) => t.term)).toEqual(['QQ号', 'QQ群', '加QQ']);
    expect((await owner.get(`${api}/rules/nope/terms`)).statusCode).toBe(404);
  });

  it('list categories with zh/en names and the look-alike table', async () => {
    const categories = (await owner.get(`${api}/categories`)).json().items as CategoryView[];
    expect(categories.find((c) => c.key === 'absolute')).toMatchObject({ nameZh: '绝对化用语', nameEn: 'Absolute terms', builtin: true, ruleCount: 1 });
    const lookalikes = (await owner.get(`${api}/lookalikes`)).json().items as LookalikeView[];
    expect(lookalikes).toContainEqual(expect.objectContaining({ variant: '薇', canonical: '微' }));
  });
});

describe('editing reaches the next scan (no restart)', () => {
  let pack: PackDetail;
  let rule: RuleView;

  it('creates a pack and a rule; its imported terms are found at once', async () => {
    const created = await owner.post(`${api}/packs`, { key: 'team.extra', nameZh: '团队补充', nameEn: 'Team extras' });
    expect(created.statusCode).toBe(201);
    pack = created.json() as PackDetail;
    expect(pack).toMatchObject({ builtin: false, enabled: true, ruleCount: 0, rules: [], allow: [] });
    const r = await owner.post(`${api}/packs/${pack.id}/rules`, { key: 'team.extra.miracle', category: 'medical', severity: 'block', basisZh: '夸大功效', basisEn: 'Exaggerated efficacy', terms: ['神奇药水'] });
    expect(r.statusCode).toBe(201);
    rule = r.json() as RuleView;
    expect(rule).toMatchObject({ termCount: 1, severity: 'block', pattern: null, contexts: null, productCategories: null });

    const text = '这瓶神奇药水，还有灵丹妙药';
    expect((await scan(text)).map((f) => [f.rule, f.term])).toEqual([['team.extra.miracle', '神奇药水']]);

    const revision = await readRevision(ctx.deps.db);
    const imported = await owner.post(`${api}/rules/${rule.id}/terms`, { text: ' 灵丹妙药 \n\n神奇药水\n灵丹妙药\n仙丹' });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ added: 2, duplicates: 2, invalid: 0, errors: [] } satisfies BulkTermsResult);
    expect(await readRevision(ctx.deps.db)).toBe(revision + 1);
    const findings = await scan(text);
    expect(findings.map((f) => f.term)).toEqual(['神奇药水', '灵丹妙药']);
    expect(text.slice(findings[1]!.start, findings[1]!.end)).toBe('灵丹妙药');
    // Evasion is seen through for stored terms too.
    expect((await scan('灵.丹.妙.药')).map((f) => [f.term, f.evasion])).toEqual([['灵丹妙药', ['noise']]]);
  });

  it('imports an array too, and refuses the whole import on one invalid line', async () => {
    const ok = await owner.post(`${api}/rules/${rule.id}/terms`, { items: ['还魂丹', '仙丹', '  '] });
    expect(ok.json()).toMatchObject({ added: 1, duplicates: 1, invalid: 0 });
    const bad = await owner.post(`${api}/rules/${rule.id}/terms`, { text: `长生不老\n${'药'.repeat(101)}\n！！！` });
    expect(bad.statusCode).toBe(400);
    const body = bad.json().error;
    expect(body.code).toBe('compliance/terms-invalid');
    expect(body.details).toMatchObject({ added: 0, invalid: 2, errors: [{ line: 2 }, { line: 3 }] });
    expect((await scan('长生不老')).length).toBe(0);
    const rules = (await detail(pack.id)).rules;
    expect(rules[0]!.termCount).toBe(4);
  });

  it('removes terms', async () => {
    const res = await owner.post(`${api}/rules/${rule.id}/terms/remove`, { items: ['仙丹', '不存在'] });
    expect(res.json()).toEqual({ removed: 1 });
    expect(await scan('仙丹')).toEqual([]);
  });

  it('disabling a rule or its pack removes its findings; enabling brings them back', async () => {
    expect((await owner.patch(`${api}/rules/${rule.id}`, { enabled: false })).json()).toMatchObject({ enabled: false });
    expect(await scan('神奇药水')).toEqual([]);
    await owner.patch(`${api}/rules/${rule.id}`, { enabled: true });
    expect(await scan('神奇药水')).toHaveLength(1);
    expect((await owner.patch(`${api}/packs/${pack.id}`, { enabled: false })).json()).toMatchObject({ enabled: false });
    expect(await scan('神奇药水')).toEqual([]);
    await owner.patch(`${api}/packs/${pack.id}`, { enabled: true });
    expect(await scan('神奇药水')).toHaveLength(1);
  });

  it('edits severity, contexts and product categories of a rule', async () => {
    const res = await owner.patch(`${api}/rules/${rule.id}`, { severity: 'info', contexts: ['script'], productCategories: ['health_food'], suggestion: '删除' });
    expect(res.json()).toMatchObject({ severity: 'info', contexts: ['script'], productCategories: ['health_food'], suggestion: '删除' });
    expect((await scan('神奇药水', { context: 'script' }))[0]).toMatchObject({ severity: 'info' });
    expect(await scan('神奇药水', { context: 'comment' })).toEqual([]);
    expect(await scan('神奇药水', { category: 'food' })).toEqual([]);
    expect(await scan('神奇药水', { category: 'health_food' })).toHaveLength(1);
    await owner.patch(`${api}/rules/${rule.id}`, { contexts: null, productCategories: null });
    expect(await scan('神奇药水', { context: 'comment' })).toHaveLength(1);
  });

  it('an allow-list word suppresses a match at its position only', async () => {
    const add = await owner.post(`${api}/packs/${pack.id}/allow`, { text: '神奇药水瓶\n神奇药水瓶' });
    expect(add.json()).toMatchObject({ added: 1, duplicates: 1 });
    expect((await scan('神奇药水瓶里装着神奇药水')).map((f) => f.start)).toEqual([8]);
    expect((await detail(pack.id)).allow).toEqual(['神奇药水瓶']);
    expect((await owner.post(`${api}/packs/${pack.id}/allow/remove`, { items: ['神奇药水瓶'] })).json()).toEqual({ removed: 1 });
    expect((await scan('神奇药水瓶里装着神奇药水')).map((f) => f.start)).toEqual([0, 8]);
  });

  it('switches an evasion family per pack, builtin packs too', async () => {
    const diversion = await packByKey('live.diversion');
    const before = await scan('加我薇信');
    expect(before.map((f) => f.rule)).toContain('live.diversion.keyword');
    const res = await owner.patch(`${api}/packs/${diversion.id}`, { evasion: { lookalike: false } });
    expect(res.json().evasion).toMatchObject({ lookalike: false, noise: true, pinyin: true });
    expect((await scan('加我薇信')).map((f) => f.rule)).not.toContain('live.diversion.keyword');
    await owner.patch(`${api}/packs/${diversion.id}`, { evasion: { lookalike: true } });
    expect((await scan('加我薇信')).map((f) => f.rule)).toContain('live.diversion.keyword');
  });

  it('edits the look-alike table', async () => {
    expect(await scan('灵丹秒药')).toEqual([]);
    const add = await owner.post(`${api}/lookalikes`, { variant: '秒', canonical: '妙' });
    expect(add.statusCode).toBe(201);
    expect((await scan('灵丹秒药')).map((f) => [f.term, f.evasion])).toEqual([['灵丹妙药', ['lookalike']]]);
    expect((await owner.post(`${api}/lookalikes`, { variant: '秒', canonical: '妙' })).json().error.code).toBe('compliance/lookalike-taken');
    expect((await owner.delete(`${api}/lookalikes/${(add.json() as LookalikeView).id}`)).statusCode).toBe(204);
    expect(await scan('灵丹秒药')).toEqual([]);
  });

  it('keeps the ad-hoc path of the try-it box', async () => {
    const findings = await scan('第一次来，我们是第一', { terms: ['第一'], allow: ['第一次'] });
    expect(findings.map((f) => [f.rule, f.start])).toEqual([['ad-hoc', 8]]);
  });

  it('deletes a rule and a custom pack, never a builtin pack', async () => {
    expect((await owner.delete(`${api}/rules/${rule.id}`)).statusCode).toBe(204);
    expect(await scan('神奇药水')).toEqual([]);
    const builtin = await owner.delete(`${api}/packs/${(await packByKey('ad-law.absolute')).id}`);
    expect(builtin.statusCode).toBe(409);
    expect(builtin.json().error.code).toBe('compliance/builtin-pack');
    expect((await owner.delete(`${api}/packs/${pack.id}`)).statusCode).toBe(204);
    expect((await owner.get(`${api}/packs/${pack.id}`)).statusCode).toBe(404);
  });

  it('writes every change to the audit log in both languages', async () => {
    const en = (await owner.get('/api/v1/audit?entityType=compliance-rule')).json().items as { summary: string }[];
    expect(en.map((e) => e.summary)).toContain('Imported 2 terms into rule team.extra.miracle (2 duplicates)');
    const zh = new Client(ctx.app, 'zh-CN');
    zh.cookie = owner.cookie;
    const zhItems = (await zh.get('/api/v1/audit?entityType=compliance-pack')).json().items as { summary: string }[];
    expect(zhItems.map((e) => e.summary)).toContain('新建规则包 团队补充（team.extra）');
  });
});

describe('validation and access', () => {
  it('refuses bad input with field messages in the request language', async () => {
    const zh = new Client(ctx.app, 'zh-CN');
    zh.cookie = owner.cookie;
    zh.csrf = owner.csrf;
    const badPack = await zh.post(`${api}/packs`, { key: 'Bad Key!', nameZh: '', nameEn: 'x' });
    expect(badPack.statusCode).toBe(400);
    const fields = badPack.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['key', 'nameZh']);
    expect(fields.find((f) => f.path === 'key')!.message).toContain('小写字母');
    expect(fields.find((f) => f.path === 'nameZh')!.message).toMatch(/[\u4e00-\u9fff]/);

    const pack = (await owner.post(`${api}/packs`, { key: 'team.v', nameZh: '校验', nameEn: 'Validation' })).json() as PackDetail;
    const badRule = await owner.post(`${api}/packs/${pack.id}/rules`, { key: 'team.v.r', category: 'absolute', severity: 'fatal', basisZh: '', pattern: 'email' });
    expect(badRule.statusCode).toBe(400);
    const ruleFields = badRule.json().error.fields as { path: string; message: string }[];
    expect(ruleFields.map((f) => f.path).sort()).toEqual(['basisEn', 'basisZh', 'pattern', 'severity']);
    expect(ruleFields.every((f) => /[a-z]/i.test(f.message))).toBe(true);

    const unknown = await owner.post(`${api}/packs/${pack.id}/rules`, { key: 'team.v.r', category: 'nope', severity: 'warn', basisZh: '依据', basisEn: 'Basis' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'compliance/unknown-category', fields: [{ path: 'category' }] });

    const dupKey = await owner.post(`${api}/packs/${pack.id}/rules`, { key: 'ad-law.9.absolute', category: 'absolute', severity: 'warn', basisZh: '依据', basisEn: 'Basis' });
    expect(dupKey.json().error.code).toBe('compliance/rule-key-taken');
    expect((await owner.post(`${api}/packs`, { key: 'team.v', nameZh: 'a', nameEn: 'b' })).json().error.code).toBe('compliance/pack-key-taken');

    const pattern = await owner.post(`${api}/packs/${pack.id}/rules`, { key: 'team.v.phone', category: 'diversion', severity: 'warn', basisZh: '依据', basisEn: 'Basis', pattern: 'phone', terms: ['x1'] });
    expect(pattern.json().error.code).toBe('compliance/pattern-rule-terms');
    const patternOk = await owner.post(`${api}/packs/${pack.id}/rules`, { key: 'team.v.phone', category: 'diversion', severity: 'warn', basisZh: '依据', basisEn: 'Basis', pattern: 'phone' });
    expect(patternOk.statusCode).toBe(201);
    const importIntoPattern = await owner.post(`${api}/rules/${(patternOk.json() as RuleView).id}/terms`, { text: 'abc' });
    expect(importIntoPattern.json().error.code).toBe('compliance/pattern-rule-terms');

    const noBody = await owner.post(`${api}/rules/${(patternOk.json() as RuleView).id}/terms`, {});
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error.fields[0].path).toBe('text');
  });

  it('creates categories; a taken key is a conflict; builtin or used ones are not deleted', async () => {
    const created = await owner.post(`${api}/categories`, { key: 'team-rule', nameZh: '团队规定', nameEn: 'Team rules' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'team-rule', builtin: false, ruleCount: 0 });
    expect((await owner.post(`${api}/categories`, { key: 'team-rule', nameZh: 'x', nameEn: 'x' })).json().error.code).toBe('compliance/category-taken');
    expect((await owner.delete(`${api}/categories/absolute`)).json().error.code).toBe('compliance/builtin-category');
    expect((await owner.delete(`${api}/categories/team-rule`)).statusCode).toBe(204);
  });

  it('lets a member read but not write (403), and needs a sign-in', async () => {
    expect((await member.get(`${api}/packs`)).statusCode).toBe(200);
    const id = (await packByKey('ad-law.absolute')).id;
    expect((await member.get(`${api}/packs/${id}`)).statusCode).toBe(200);
    const rule = (await detail(id)).rules[0]!;
    for (const res of [
      await member.post(`${api}/packs`, { key: 'member.pack', nameZh: 'a', nameEn: 'b' }),
      await member.patch(`${api}/packs/${id}`, { enabled: false }),
      await member.post(`${api}/rules/${rule.id}/terms`, { text: '新词' }),
      await member.patch(`${api}/rules/${rule.id}`, { severity: 'info' }),
      await member.post(`${api}/packs/${id}/allow`, { text: '新词' }),
      await member.post(`${api}/categories`, { key: 'member-cat', nameZh: 'a', nameEn: 'b' }),
      await member.post(`${api}/lookalikes`, { variant: 'x', canonical: 'y' }),
      await member.delete(`${api}/lookalikes/1`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth/forbidden');
    }
    expect((await ctx.app.inject({ method: 'GET', url: `${api}/packs` })).statusCode).toBe(401);
    expect((await packByKey('ad-law.absolute')).enabled).toBe(true);
  });
});
