import type {
  BulkTermsInput,
  BulkTermsResult,
  CategoryInput,
  CategoryView,
  LookalikeInput,
  LookalikeView,
  PackDetail,
  PackInput,
  PackUpdateInput,
  PackView,
  RuleInput,
  RuleUpdateInput,
  RuleView,
} from '../../../contracts/compliance';
import type { Actor, Deps } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import { bumpRevision } from './compliance.registry';
import * as repo from './packs.repository';
import { parseBulkTerms } from './packs.rules';

// Every change below runs in one transaction with its audit entry and a revision bump: the next scan anywhere
// (live scanning, content review, POST /compliance/scan) recompiles from the tables, without a restart.

const packLabel = (p: { name_zh: string; name_en: string; key: string }) => ({ zh: `${p.name_zh}（${p.key}）`, en: `${p.name_en} (${p.key})` });

async function requirePack(db: Executor, id: string) {
  const row = await repo.findPackRow(db, id);
  if (!row) throw new DomainError('compliance/pack-not-found');
  return row;
}

async function requireRule(db: Executor, id: string) {
  const row = await repo.findRuleRow(db, id);
  if (!row) throw new DomainError('compliance/rule-not-found');
  return row;
}

async function requireCategory(db: Executor, key: string) {
  if (!(await repo.findCategory(db, key))) throw new DomainError('compliance/unknown-category', [{ path: 'category', message: key }]);
}

async function touchPack(db: Executor, packId: string, at: string) {
  await db.updateTable('compliance_packs').set({ updated_at: at }).where('id', '=', packId).execute();
}

async function insertTerms(db: Executor, ruleId: string, terms: readonly string[], at: string) {
  for (let i = 0; i < terms.length; i += 200) {
    await db.insertInto('compliance_terms').values(terms.slice(i, i + 200).map((term) => ({ rule_id: ruleId, term, created_at: at }))).execute();
  }
}

async function nextPosition(db: Executor, table: 'compliance_packs' | 'compliance_rules', packId?: string): Promise<number> {
  let q = db.selectFrom(table).select((eb) => eb.fn.max('position').as('p'));
  if (packId && table === 'compliance_rules') q = q.where('pack_id', '=', packId);
  const row = await q.executeTakeFirst();
  return row?.p == null ? 0 : Number(row.p) + 1;
}

export async function packDetail(db: Executor, id: string): Promise<PackDetail> {
  const row = await requirePack(db, id);
  return { ...(await repo.packView(db, row)), rules: await repo.listRules(db, id), allow: await repo.listAllow(db, id) };
}

export async function createPack(deps: Deps, actor: Actor, input: PackInput): Promise<PackDetail> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findPackByKey(trx, input.key)) throw new DomainError('compliance/pack-key-taken', [{ path: 'key', message: input.key }]);
    const at = nowIso();
    const id = newId();
    const row = { id, key: input.key, name_zh: input.nameZh, name_en: input.nameEn, builtin: 0, enabled: input.enabled ? 1 : 0, evasion: json.stringify(input.evasion), position: await nextPosition(trx, 'compliance_packs'), created_at: at, updated_at: at };
    await trx.insertInto('compliance_packs').values(row).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'compliance-pack', entityId: id, summary: { zh: `新建规则包 ${packLabel(row).zh}`, en: `Created rule pack ${packLabel(row).en}` }, after: { ...input } });
    await bumpRevision(trx);
    return packDetail(trx, id);
  });
}

/** Names, the enabled switch and evasion families (merged into the stored switches); builtin packs too. */
export async function updatePack(deps: Deps, actor: Actor, id: string, input: PackUpdateInput): Promise<PackView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await requirePack(trx, id);
    const before = { nameZh: row.name_zh, nameEn: row.name_en, enabled: Number(row.enabled) === 1, evasion: repo.parseEvasion(row.evasion) };
    const after = { nameZh: input.nameZh ?? before.nameZh, nameEn: input.nameEn ?? before.nameEn, enabled: input.enabled ?? before.enabled, evasion: { ...before.evasion, ...input.evasion } };
    const at = nowIso();
    await trx
      .updateTable('compliance_packs')
      .set({ name_zh: after.nameZh, name_en: after.nameEn, enabled: after.enabled ? 1 : 0, evasion: json.stringify(after.evasion), updated_at: at })
      .where('id', '=', id)
      .execute();
    const changes = changedFields(before, after);
    if (Object.keys(changes.after).length) {
      await recordAudit(trx, actor, { action: 'update', entityType: 'compliance-pack', entityId: id, summary: { zh: `修改规则包 ${packLabel(row).zh}`, en: `Updated rule pack ${packLabel(row).en}` }, ...changes });
      await bumpRevision(trx);
    }
    return repo.packView(trx, (await repo.findPackRow(trx, id))!);
  });
}

export async function deletePack(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await requirePack(trx, id);
    if (Number(row.builtin) === 1) throw new DomainError('compliance/builtin-pack');
    const view = await repo.packView(trx, row);
    await trx.deleteFrom('compliance_packs').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'compliance-pack', entityId: id, summary: { zh: `删除规则包 ${packLabel(row).zh}`, en: `Deleted rule pack ${packLabel(row).en}` }, before: { key: view.key, nameZh: view.nameZh, nameEn: view.nameEn, ruleCount: view.ruleCount, termCount: view.termCount } });
    await bumpRevision(trx);
  });
}

const ruleFields = (v: RuleView) => {
  const { id: _i, packId: _p, termCount: _t, updatedAt: _u, ...rest } = v;
  return rest;
};

export async function createRule(deps: Deps, actor: Actor, packId: string, input: RuleInput): Promise<RuleView> {
  return withTransaction(deps.db, async (trx) => {
    const pack = await requirePack(trx, packId);
    if (await repo.findRuleByKey(trx, input.key)) throw new DomainError('compliance/rule-key-taken', [{ path: 'key', message: input.key }]);
    await requireCategory(trx, input.category);
    if (input.pattern && input.terms.length) throw new DomainError('compliance/pattern-rule-terms', [{ path: 'terms', message: '' }]);
    const at = nowIso();
    const id = newId();
    const isPattern = input.pattern !== null;
    await trx
      .insertInto('compliance_rules')
      .values({
        id,
        pack_id: packId,
        key: input.key,
        category: input.category,
        severity: input.severity,
        basis_zh: input.basisZh,
        basis_en: input.basisEn,
        pattern: input.pattern,
        // The scanner reads neither for pattern rules: storing them would suggest they had an effect.
        high_risk: !isPattern && input.highRisk ? 1 : 0,
        product_categories: !isPattern && input.productCategories ? json.stringify(input.productCategories) : null,
        contexts: input.contexts ? json.stringify(input.contexts) : null,
        suggestion: input.suggestion || null,
        enabled: input.enabled ? 1 : 0,
        position: await nextPosition(trx, 'compliance_rules', packId),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await insertTerms(trx, id, [...new Set(input.terms)], at);
    await touchPack(trx, packId, at);
    const view = await repo.ruleView(trx, (await repo.findRuleRow(trx, id))!);
    await recordAudit(trx, actor, { action: 'create', entityType: 'compliance-rule', entityId: id, summary: { zh: `在规则包 ${pack.name_zh} 新建规则 ${input.key}`, en: `Created rule ${input.key} in pack ${pack.name_en}` }, after: { ...ruleFields(view), terms: input.terms.slice(0, 100) } });
    await bumpRevision(trx);
    return view;
  });
}

export async function updateRule(deps: Deps, actor: Actor, id: string, input: RuleUpdateInput): Promise<RuleView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await requireRule(trx, id);
    if (input.category !== undefined && input.category !== row.category) await requireCategory(trx, input.category);
    const before = await repo.ruleView(trx, row);
    const isPattern = row.pattern !== null;
    const at = nowIso();
    await trx
      .updateTable('compliance_rules')
      .set({
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.severity !== undefined ? { severity: input.severity } : {}),
        ...(input.basisZh !== undefined ? { basis_zh: input.basisZh } : {}),
        ...(input.basisEn !== undefined ? { basis_en: input.basisEn } : {}),
        ...(input.highRisk !== undefined && !isPattern ? { high_risk: input.highRisk ? 1 : 0 } : {}),
        ...(input.productCategories !== undefined && !isPattern ? { product_categories: input.productCategories ? json.stringify(input.productCategories) : null } : {}),
        ...(input.contexts !== undefined ? { contexts: input.contexts ? json.stringify(input.contexts) : null } : {}),
        ...(input.suggestion !== undefined ? { suggestion: input.suggestion || null } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    await touchPack(trx, row.pack_id, at);
    const after = await repo.ruleView(trx, (await repo.findRuleRow(trx, id))!);
    const changes = changedFields(ruleFields(before), ruleFields(after));
    if (Object.keys(changes.after).length) {
      await recordAudit(trx, actor, { action: 'update', entityType: 'compliance-rule', entityId: id, summary: { zh: `修改规则 ${row.key}`, en: `Updated rule ${row.key}` }, ...changes });
      await bumpRevision(trx);
    }
    return after;
  });
}

export async function deleteRule(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await requireRule(trx, id);
    const view = await repo.ruleView(trx, row);
    await trx.deleteFrom('compliance_rules').where('id', '=', id).execute();
    await touchPack(trx, row.pack_id, nowIso());
    await recordAudit(trx, actor, { action: 'delete', entityType: 'compliance-rule', entityId: id, summary: { zh: `删除规则 ${row.key}（${view.termCount} 个词）`, en: `Deleted rule ${row.key} (${view.termCount} terms)` }, before: ruleFields(view) });
    await bumpRevision(trx);
  });
}

function refuseInvalid(parsed: ReturnType<typeof parseBulkTerms>): void {
  if (!parsed.errors.length) return;
  const result: BulkTermsResult = { added: 0, duplicates: parsed.duplicates, invalid: parsed.errors.length, errors: parsed.errors.slice(0, 200) };
  throw new DomainError('compliance/terms-invalid', undefined, result);
}

/** Adds terms to a word-list rule, whole or not at all: one invalid line and nothing is added (400 with the lines). */
export async function importTerms(deps: Deps, actor: Actor, ruleId: string, input: BulkTermsInput): Promise<BulkTermsResult> {
  return withTransaction(deps.db, async (trx) => {
    const rule = await requireRule(trx, ruleId);
    if (rule.pattern !== null) throw new DomainError('compliance/pattern-rule-terms');
    const parsed = parseBulkTerms(input, await repo.listTerms(trx, ruleId));
    refuseInvalid(parsed);
    const at = nowIso();
    if (parsed.accepted.length) {
      await insertTerms(trx, ruleId, parsed.accepted, at);
      await trx.updateTable('compliance_rules').set({ updated_at: at }).where('id', '=', ruleId).execute();
      await touchPack(trx, rule.pack_id, at);
      await recordAudit(trx, actor, {
        action: 'update',
        entityType: 'compliance-rule',
        entityId: ruleId,
        summary: { zh: `向规则 ${rule.key} 导入 ${parsed.accepted.length} 个词（重复 ${parsed.duplicates}）`, en: `Imported ${parsed.accepted.length} terms into rule ${rule.key} (${parsed.duplicates} duplicates)` },
        after: { added: parsed.accepted.slice(0, 200), addedCount: parsed.accepted.length },
      });
      await bumpRevision(trx);
    }
    return { added: parsed.accepted.length, duplicates: parsed.duplicates, invalid: 0, errors: [] };
  });
}

export async function removeTerms(deps: Deps, actor: Actor, ruleId: string, items: readonly string[]): Promise<{ removed: number }> {
  return withTransaction(deps.db, async (trx) => {
    const rule = await requireRule(trx, ruleId);
    const wanted = [...new Set(items.map((t) => t.trim()).filter(Boolean))];
    const existing = new Set(await repo.listTerms(trx, ruleId));
    const gone = wanted.filter((t) => existing.has(t));
    if (!gone.length) return { removed: 0 };
    for (let i = 0; i < gone.length; i += 200) await trx.deleteFrom('compliance_terms').where('rule_id', '=', ruleId).where('term', 'in', gone.slice(i, i + 200)).execute();
    const at = nowIso();
    await trx.updateTable('compliance_rules').set({ updated_at: at }).where('id', '=', ruleId).execute();
    await touchPack(trx, rule.pack_id, at);
    await recordAudit(trx, actor, { action: 'update', entityType: 'compliance-rule', entityId: ruleId, summary: { zh: `从规则 ${rule.key} 删除 ${gone.length} 个词`, en: `Removed ${gone.length} terms from rule ${rule.key}` }, before: { removed: gone.slice(0, 200) } });
    await bumpRevision(trx);
    return { removed: gone.length };
  });
}

/** Adds allow-list words to a pack, whole or not at all, like importTerms. */
export async function addAllow(deps: Deps, actor: Actor, packId: string, input: BulkTermsInput): Promise<BulkTermsResult> {
  return withTransaction(deps.db, async (trx) => {
    const pack = await requirePack(trx, packId);
    const parsed = parseBulkTerms(input, await repo.listAllow(trx, packId));
    refuseInvalid(parsed);
    if (parsed.accepted.length) {
      const at = nowIso();
      for (let i = 0; i < parsed.accepted.length; i += 200) {
        await trx.insertInto('compliance_allow').values(parsed.accepted.slice(i, i + 200).map((word) => ({ pack_id: packId, word, created_at: at }))).execute();
      }
      await touchPack(trx, packId, at);
      await recordAudit(trx, actor, { action: 'update', entityType: 'compliance-pack', entityId: packId, summary: { zh: `规则包 ${pack.name_zh} 放行词新增 ${parsed.accepted.length} 个`, en: `Added ${parsed.accepted.length} allow-list words to pack ${pack.name_en}` }, after: { allowAdded: parsed.accepted.slice(0, 200) } });
      await bumpRevision(trx);
    }
    return { added: parsed.accepted.length, duplicates: parsed.duplicates, invalid: 0, errors: [] };
  });
}

export async function removeAllow(deps: Deps, actor: Actor, packId: string, items: readonly string[]): Promise<{ removed: number }> {
  return withTransaction(deps.db, async (trx) => {
    const pack = await requirePack(trx, packId);
    const existing = new Set(await repo.listAllow(trx, packId));
    const gone = [...new Set(items.map((t) => t.trim()))].filter((w) => existing.has(w));
    if (!gone.length) return { removed: 0 };
    for (let i = 0; i < gone.length; i += 200) await trx.deleteFrom('compliance_allow').where('pack_id', '=', packId).where('word', 'in', gone.slice(i, i + 200)).execute();
    await touchPack(trx, packId, nowIso());
    await recordAudit(trx, actor, { action: 'update', entityType: 'compliance-pack', entityId: packId, summary: { zh: `规则包 ${pack.name_zh} 删除 ${gone.length} 个放行词`, en: `Removed ${gone.length} allow-list words from pack ${pack.name_en}` }, before: { allowRemoved: gone.slice(0, 200) } });
    await bumpRevision(trx);
    return { removed: gone.length };
  });
}

export async function createCategory(deps: Deps, actor: Actor, input: CategoryInput): Promise<CategoryView> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findCategory(trx, input.key)) throw new DomainError('compliance/category-taken', [{ path: 'key', message: input.key }]);
    await trx.insertInto('compliance_categories').values({ key: input.key, name_zh: input.nameZh, name_en: input.nameEn, builtin: 0, created_at: nowIso() }).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'compliance-category', entityId: input.key, summary: { zh: `新建合规分类 ${input.nameZh}（${input.key}）`, en: `Created compliance category ${input.nameEn} (${input.key})` }, after: { ...input } });
    // Categories reach findings only through rules; the bump keeps "every change bumps" simple to reason about.
    await bumpRevision(trx);
    return { ...input, builtin: false, ruleCount: 0 };
  });
}

export async function deleteCategory(deps: Deps, actor: Actor, key: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await repo.findCategory(trx, key);
    if (!row) throw new DomainError('common/not-found');
    if (Number(row.builtin) === 1) throw new DomainError('compliance/builtin-category');
    if (await trx.selectFrom('compliance_rules').select('id').where('category', '=', key).executeTakeFirst()) throw new DomainError('compliance/category-in-use');
    await trx.deleteFrom('compliance_categories').where('key', '=', key).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'compliance-category', entityId: key, summary: { zh: `删除合规分类 ${row.name_zh}（${key}）`, en: `Deleted compliance category ${row.name_en} (${key})` }, before: { key, nameZh: row.name_zh, nameEn: row.name_en } });
    await bumpRevision(trx);
  });
}

export async function addLookalike(deps: Deps, actor: Actor, input: LookalikeInput): Promise<LookalikeView> {
  return withTransaction(deps.db, async (trx) => {
    if (await trx.selectFrom('compliance_lookalikes').select('id').where('variant', '=', input.variant).executeTakeFirst()) {
      throw new DomainError('compliance/lookalike-taken', [{ path: 'variant', message: input.variant }]);
    }
    await trx.insertInto('compliance_lookalikes').values({ variant: input.variant, canonical: input.canonical, created_at: nowIso() }).execute();
    const row = (await trx.selectFrom('compliance_lookalikes').selectAll().where('variant', '=', input.variant).executeTakeFirst())!;
    await recordAudit(trx, actor, { action: 'create', entityType: 'compliance-lookalike', entityId: String(row.id), summary: { zh: `形近/谐音字表新增 ${input.variant} → ${input.canonical}`, en: `Added look-alike ${input.variant} → ${input.canonical}` }, after: { ...input } });
    await bumpRevision(trx);
    return { id: Number(row.id), variant: row.variant, canonical: row.canonical };
  });
}

export async function removeLookalike(deps: Deps, actor: Actor, id: number): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('compliance_lookalikes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('compliance/lookalike-not-found');
    await trx.deleteFrom('compliance_lookalikes').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'compliance-lookalike', entityId: String(id), summary: { zh: `形近/谐音字表删除 ${row.variant} → ${row.canonical}`, en: `Removed look-alike ${row.variant} → ${row.canonical}` }, before: { variant: row.variant, canonical: row.canonical } });
    await bumpRevision(trx);
  });
}
