import { sql } from 'kysely';
import {
  ALL_EVASION,
  EvasionFamily as EvasionFamilyEnum,
  PatternKind as PatternKindEnum,
  RuleProductCategory as ProductCategoryEnum,
  type CategoryView,
  type EvasionSwitches,
  type LookalikeView,
  type PackView,
  type RuleView,
  type TermPage,
  type TermQuery,
} from '../../../contracts/compliance';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { EVASION_FAMILIES, PATTERN_KINDS, type Lookalike, type PatternRule, type ProductCategory, type RulePack, type ScanContext, type TermRule } from './scanner';

export type PackRow = Database['compliance_packs'];
export type RuleRow = Database['compliance_rules'];

// The contract's enums are the scanner's lists, spelled out for the browser; these fail to compile when the two drift.
const sameList = <A extends string, B extends A>(_a: readonly A[], _b: readonly B[]) => true;
sameList(EvasionFamilyEnum.options, EVASION_FAMILIES);
sameList(EVASION_FAMILIES, EvasionFamilyEnum.options);
sameList(PatternKindEnum.options, PATTERN_KINDS);
sameList(PATTERN_KINDS, PatternKindEnum.options);
sameList<ProductCategory, ProductCategory>(ProductCategoryEnum.options, ProductCategoryEnum.options);

export function parseEvasion(text: string): EvasionSwitches {
  const stored = json.parse<Partial<EvasionSwitches>>(text, {});
  return Object.fromEntries(EVASION_FAMILIES.map((f) => [f, stored[f] === true])) as EvasionSwitches;
}

export function toPackView(r: PackRow, counts: { rules: number; terms: number; allow: number }): PackView {
  return {
    id: r.id,
    key: r.key,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    builtin: Number(r.builtin) === 1,
    enabled: Number(r.enabled) === 1,
    evasion: parseEvasion(r.evasion),
    ruleCount: counts.rules,
    termCount: counts.terms,
    allowCount: counts.allow,
    updatedAt: r.updated_at,
  };
}

export function toRuleView(r: RuleRow, termCount: number): RuleView {
  return {
    id: r.id,
    packId: r.pack_id,
    key: r.key,
    category: r.category,
    severity: r.severity as RuleView['severity'],
    basisZh: r.basis_zh,
    basisEn: r.basis_en,
    pattern: (r.pattern as RuleView['pattern']) ?? null,
    highRisk: Number(r.high_risk) === 1,
    productCategories: json.parse<RuleView['productCategories']>(r.product_categories, null),
    contexts: json.parse<RuleView['contexts']>(r.contexts, null),
    suggestion: r.suggestion,
    enabled: Number(r.enabled) === 1,
    termCount,
    updatedAt: r.updated_at,
  };
}

export const defaultEvasion = (): EvasionSwitches => ({ ...ALL_EVASION });

async function termCounts(db: Executor, ruleIds?: readonly string[]): Promise<Map<string, number>> {
  let q = db.selectFrom('compliance_terms').select(['rule_id', sql<number>`count(*)`.as('n')]).groupBy('rule_id');
  if (ruleIds) {
    if (ruleIds.length === 0) return new Map();
    q = q.where('rule_id', 'in', [...ruleIds]);
  }
  return new Map((await q.execute()).map((r) => [r.rule_id, Number(r.n)]));
}

export async function listPacks(db: Executor): Promise<PackView[]> {
  const packs = await db.selectFrom('compliance_packs').selectAll().orderBy('position').orderBy('key').execute();
  const rules = await db.selectFrom('compliance_rules').select(['id', 'pack_id']).execute();
  const terms = await termCounts(db);
  const allow = new Map(
    (await db.selectFrom('compliance_allow').select(['pack_id', sql<number>`count(*)`.as('n')]).groupBy('pack_id').execute()).map((r) => [r.pack_id, Number(r.n)]),
  );
  return packs.map((p) => {
    const mine = rules.filter((r) => r.pack_id === p.id);
    return toPackView(p, { rules: mine.length, terms: mine.reduce((n, r) => n + (terms.get(r.id) ?? 0), 0), allow: allow.get(p.id) ?? 0 });
  });
}

export function findPackRow(db: Executor, id: string) {
  return db.selectFrom('compliance_packs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPackByKey(db: Executor, key: string) {
  return db.selectFrom('compliance_packs').selectAll().where('key', '=', key).executeTakeFirst();
}

export function findRuleRow(db: Executor, id: string) {
  return db.selectFrom('compliance_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRuleByKey(db: Executor, key: string) {
  return db.selectFrom('compliance_rules').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listRules(db: Executor, packId: string): Promise<RuleView[]> {
  const rows = await db.selectFrom('compliance_rules').selectAll().where('pack_id', '=', packId).orderBy('position').orderBy('key').execute();
  const counts = await termCounts(db, rows.map((r) => r.id));
  return rows.map((r) => toRuleView(r, counts.get(r.id) ?? 0));
}

export async function ruleView(db: Executor, row: RuleRow): Promise<RuleView> {
  return toRuleView(row, (await termCounts(db, [row.id])).get(row.id) ?? 0);
}

export async function packView(db: Executor, row: PackRow): Promise<PackView> {
  const rules = await db.selectFrom('compliance_rules').select('id').where('pack_id', '=', row.id).execute();
  const terms = await termCounts(db, rules.map((r) => r.id));
  const allow = await db.selectFrom('compliance_allow').select(sql<number>`count(*)`.as('n')).where('pack_id', '=', row.id).executeTakeFirst();
  return toPackView(row, { rules: rules.length, terms: [...terms.values()].reduce((a, b) => a + b, 0), allow: Number(allow?.n ?? 0) });
}

export async function listAllow(db: Executor, packId: string): Promise<string[]> {
  return (await db.selectFrom('compliance_allow').select('word').where('pack_id', '=', packId).orderBy('id').execute()).map((r) => r.word);
}

export async function listTerms(db: Executor, ruleId: string): Promise<string[]> {
  return (await db.selectFrom('compliance_terms').select('term').where('rule_id', '=', ruleId).orderBy('id').execute()).map((r) => r.term);
}

export async function pageTerms(db: Executor, ruleId: string, q: TermQuery): Promise<TermPage> {
  // A rule holds thousands of terms, not millions: filtering here keeps % and _ in a search from acting as wildcards.
  const all = await db.selectFrom('compliance_terms').select(['id', 'term']).where('rule_id', '=', ruleId).orderBy('id').execute();
  const needle = q.q?.toLowerCase();
  const matching = needle ? all.filter((r) => r.term.toLowerCase().includes(needle)) : all;
  return { items: matching.slice(q.offset, q.offset + q.limit).map((r) => ({ id: Number(r.id), term: r.term })), total: matching.length };
}

export async function listCategories(db: Executor): Promise<CategoryView[]> {
  const rows = await db.selectFrom('compliance_categories').selectAll().orderBy('builtin', 'desc').orderBy('key').execute();
  const used = new Map(
    (await db.selectFrom('compliance_rules').select(['category', sql<number>`count(*)`.as('n')]).groupBy('category').execute()).map((r) => [r.category, Number(r.n)]),
  );
  return rows.map((r) => ({ key: r.key, nameZh: r.name_zh, nameEn: r.name_en, builtin: Number(r.builtin) === 1, ruleCount: used.get(r.key) ?? 0 }));
}

export function findCategory(db: Executor, key: string) {
  return db.selectFrom('compliance_categories').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listLookalikes(db: Executor): Promise<LookalikeView[]> {
  return (await db.selectFrom('compliance_lookalikes').selectAll().orderBy('id').execute()).map((r) => ({ id: Number(r.id), variant: r.variant, canonical: r.canonical }));
}

/**
 * The enabled packs and rules as the scanner's RulePack objects, in stored order, and the stored look-alike table.
 * `packs` is null when no pack was ever stored (a database the defaults have not reached yet).
 */
export async function loadRulePacks(db: Executor): Promise<{ packs: RulePack[] | null; lookalikes: Lookalike[] }> {
  const packRows = await db.selectFrom('compliance_packs').selectAll().orderBy('position').orderBy('key').execute();
  const lookalikes = (await db.selectFrom('compliance_lookalikes').select(['variant', 'canonical']).orderBy('id').execute()).map((r) => ({ from: r.variant, to: r.canonical }));
  if (packRows.length === 0) return { packs: null, lookalikes };
  const enabled = packRows.filter((p) => Number(p.enabled) === 1);
  const ids = enabled.map((p) => p.id);
  if (ids.length === 0) return { packs: [], lookalikes };
  const rules = await db.selectFrom('compliance_rules').selectAll().where('pack_id', 'in', ids).where('enabled', '=', 1).orderBy('position').orderBy('key').execute();
  const termRows = rules.length
    ? await db
        .selectFrom('compliance_terms')
        .innerJoin('compliance_rules', 'compliance_rules.id', 'compliance_terms.rule_id')
        .select(['compliance_terms.rule_id as rule_id', 'compliance_terms.term as term'])
        .where('compliance_rules.pack_id', 'in', ids)
        .where('compliance_rules.enabled', '=', 1)
        .orderBy('compliance_terms.id')
        .execute()
    : [];
  const termsByRule = new Map<string, string[]>();
  for (const t of termRows) {
    const list = termsByRule.get(t.rule_id) ?? [];
    list.push(t.term);
    termsByRule.set(t.rule_id, list);
  }
  const allowRows = await db.selectFrom('compliance_allow').select(['pack_id', 'word']).where('pack_id', 'in', ids).orderBy('id').execute();
  const packs = enabled.map((p): RulePack => {
    const mine = rules.filter((r) => r.pack_id === p.id);
    const termRules: TermRule[] = mine
      .filter((r) => r.pattern === null)
      .map((r) => {
        const productCategories = json.parse<ProductCategory[] | null>(r.product_categories, null);
        const contexts = json.parse<ScanContext[] | null>(r.contexts, null);
        return {
          id: r.key,
          category: r.category,
          severity: r.severity as TermRule['severity'],
          basis: { zh: r.basis_zh, en: r.basis_en },
          terms: termsByRule.get(r.id) ?? [],
          ...(Number(r.high_risk) === 1 ? { highRisk: true } : {}),
          ...(productCategories ? { productCategories } : {}),
          ...(contexts ? { contexts } : {}),
          ...(r.suggestion ? { suggestion: r.suggestion } : {}),
        };
      });
    const patterns: PatternRule[] = mine
      .filter((r) => r.pattern !== null)
      .map((r) => {
        const contexts = json.parse<ScanContext[] | null>(r.contexts, null);
        return {
          id: r.key,
          pattern: r.pattern as PatternRule['pattern'],
          category: r.category,
          severity: r.severity as PatternRule['severity'],
          basis: { zh: r.basis_zh, en: r.basis_en },
          ...(contexts ? { contexts } : {}),
          ...(r.suggestion ? { suggestion: r.suggestion } : {}),
        };
      });
    return {
      id: p.key,
      name: { zh: p.name_zh, en: p.name_en },
      evasion: parseEvasion(p.evasion),
      rules: termRules,
      patterns,
      allow: allowRows.filter((a) => a.pack_id === p.id).map((a) => a.word),
    };
  });
  return { packs, lookalikes };
}
