import type { Executor } from '../../platform/db';
import { json } from '../../platform/db';
import { nowIso, stableId } from '../../platform/ids';
import { bumpRevision } from './compliance.registry';
import { DEFAULT_LOOKALIKES, DEFAULT_PACKS, EVASION_FAMILIES, type RulePack } from './scanner';

/** Names of the categories the shipped packs use. A category a pack gains later without a name here is named by its key. */
export const DEFAULT_CATEGORY_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  absolute: { zh: '绝对化用语', en: 'Absolute terms' },
  'state-symbol': { zh: '国家机关与国家象征', en: 'State organs and symbols' },
  medical: { zh: '医疗与功效宣称', en: 'Medical and efficacy claims' },
  'false-advertising': { zh: '虚假宣传', en: 'False advertising' },
  prize: { zh: '有奖销售', en: 'Prize promotions' },
  diversion: { zh: '站外引流与私下交易', en: 'Off-platform diversion' },
  abusive: { zh: '辱骂与网暴', en: 'Abuse and bullying' },
  discrimination: { zh: '歧视', en: 'Discrimination' },
  vulgar: { zh: '低俗与性暗示', en: 'Vulgarity and innuendo' },
  minors: { zh: '未成年人保护', en: 'Minors' },
  illegal: { zh: '违法活动', en: 'Illegal activities' },
  superstition: { zh: '封建迷信', en: 'Superstition' },
  rumour: { zh: '谣言与虚假信息', en: 'Rumours' },
  tipping: { zh: '诱导打赏', en: 'Inducing tips' },
};

export const packId = (key: string) => stableId('compliance-pack', key);
export const ruleId = (key: string) => stableId('compliance-rule', key);

/** Rows in chunks: SQLite limits the bound parameters of one statement. */
async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes shipped packs (with their categories) as builtin rows; positions keep the shipped order, which the scanner relies on for ties. */
export async function writeBuiltinPacks(db: Executor, packs: readonly RulePack[], firstPosition = 0): Promise<void> {
  const at = nowIso();
  const known = new Set((await db.selectFrom('compliance_categories').select('key').execute()).map((r) => r.key));
  const categories = [...new Set(packs.flatMap((p) => [...p.rules, ...(p.patterns ?? [])].map((r) => r.category)))].filter((k) => !known.has(k));
  if (categories.length) {
    await db
      .insertInto('compliance_categories')
      .values(categories.map((key) => ({ key, name_zh: DEFAULT_CATEGORY_NAMES[key]?.zh ?? key, name_en: DEFAULT_CATEGORY_NAMES[key]?.en ?? key, builtin: 1, created_at: at })))
      .execute();
  }
  for (const [index, pack] of packs.entries()) {
    const id = packId(pack.id);
    const evasion = Object.fromEntries(EVASION_FAMILIES.map((f) => [f, pack.evasion[f] === true]));
    await db
      .insertInto('compliance_packs')
      .values({ id, key: pack.id, name_zh: pack.name.zh, name_en: pack.name.en, builtin: 1, enabled: 1, evasion: json.stringify(evasion), position: firstPosition + index, created_at: at, updated_at: at })
      .execute();
    let position = 0;
    for (const rule of pack.rules) {
      const rid = ruleId(rule.id);
      await db
        .insertInto('compliance_rules')
        .values({
          id: rid,
          pack_id: id,
          key: rule.id,
          category: rule.category,
          severity: rule.severity,
          basis_zh: rule.basis.zh,
          basis_en: rule.basis.en,
          pattern: null,
          high_risk: rule.highRisk === true ? 1 : 0,
          product_categories: rule.productCategories ? json.stringify(rule.productCategories) : null,
          contexts: rule.contexts ? json.stringify(rule.contexts) : null,
          suggestion: rule.suggestion ?? null,
          enabled: 1,
          position: position++,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const terms = [...new Set(rule.terms)];
      await insertChunked(terms, (chunk) => db.insertInto('compliance_terms').values(chunk.map((term) => ({ rule_id: rid, term, created_at: at }))).execute());
    }
    for (const rule of pack.patterns ?? []) {
      await db
        .insertInto('compliance_rules')
        .values({
          id: ruleId(rule.id),
          pack_id: id,
          key: rule.id,
          category: rule.category,
          severity: rule.severity,
          basis_zh: rule.basis.zh,
          basis_en: rule.basis.en,
          pattern: rule.pattern,
          high_risk: 0,
          product_categories: null,
          contexts: rule.contexts ? json.stringify(rule.contexts) : null,
          suggestion: rule.suggestion ?? null,
          enabled: 1,
          position: position++,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const allow = [...new Set(pack.allow ?? [])];
    await insertChunked(allow, (chunk) => db.insertInto('compliance_allow').values(chunk.map((word) => ({ pack_id: id, word, created_at: at }))).execute());
  }
}

/**
 * Writes the shipped rule packs, their categories and the look-alike table as builtin rows, when no pack is stored yet.
 * Runs with the company defaults at setup and on every start (existing databases get them once). Returns whether it wrote.
 */
export async function seedCompliancePacks(db: Executor): Promise<boolean> {
  if (await db.selectFrom('compliance_packs').select('id').limit(1).executeTakeFirst()) return false;
  await writeBuiltinPacks(db, DEFAULT_PACKS);
  if (!(await db.selectFrom('compliance_lookalikes').select('id').limit(1).executeTakeFirst())) {
    const at = nowIso();
    const seen = new Set<string>();
    const rows = DEFAULT_LOOKALIKES.filter((l) => !seen.has(l.from) && seen.add(l.from)).map((l) => ({ variant: l.from, canonical: l.to, created_at: at }));
    await insertChunked(rows, (chunk) => db.insertInto('compliance_lookalikes').values(chunk).execute());
  }
  await bumpRevision(db);
  return true;
}
