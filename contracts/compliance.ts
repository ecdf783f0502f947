import { z } from 'zod';

/** Where a text is used; rules can apply to some contexts only. */
export const ScanContext = z.enum(['script', 'title', 'product_copy', 'comment', 'transcript']);

/**
 * The product category: the catalogue's categories (contracts/planning.ts) or the scanner's own; it selects the
 * medical/efficacy rules of 广告法 Art. 16/17/18.
 */
export const ScanCategory = z.enum(['beauty', 'cosmetics', 'food', 'health_food', 'medical', 'apparel', 'electronics', 'home', 'other', 'general']);

/** One text to scan. With `terms` (and optionally `allow`) it is scanned against that ad-hoc dictionary, every evasion family on, instead of the packs. */
export const ScanRequest = z.object({
  text: z.string().max(100_000),
  context: ScanContext.optional(),
  category: ScanCategory.optional(),
  terms: z.array(z.string().min(1).max(100)).max(50_000).optional(),
  allow: z.array(z.string().min(1).max(100)).max(50_000).optional(),
});
export type ScanRequest = z.infer<typeof ScanRequest>;

export const ScanFinding = z.object({
  /** The dictionary's own spelling of the matched term. */
  term: z.string(),
  rule: z.string(),
  category: z.string(),
  severity: z.enum(['info', 'warn', 'block']),
  /** UTF-16 offsets into the original text, end exclusive: the exact characters to highlight. */
  start: z.number().int(),
  end: z.number().int(),
  /** The evasion families the match saw through. */
  evasion: z.array(z.string()),
});
export type ScanFinding = z.infer<typeof ScanFinding>;

export const complianceErrors = {
  'compliance/pack-not-found': { status: 404, zh: '找不到该规则包', en: 'Rule pack not found' },
  'compliance/rule-not-found': { status: 404, zh: '找不到该规则', en: 'Rule not found' },
  'compliance/pack-key-taken': { status: 409, zh: '该规则包标识已存在', en: 'A pack with this key already exists' },
  'compliance/rule-key-taken': { status: 409, zh: '该规则标识已存在（规则标识在所有规则包中唯一）', en: 'A rule with this key already exists (rule keys are unique across packs)' },
  'compliance/builtin-pack': { status: 409, zh: '内置规则包可以停用或编辑，但不能删除', en: 'Built-in packs can be disabled or edited, not deleted' },
  'compliance/unknown-category': { status: 400, zh: '该分类不存在，请先新建分类', en: 'Unknown category; create it first' },
  'compliance/category-taken': { status: 409, zh: '该分类标识已存在', en: 'A category with this key already exists' },
  'compliance/category-in-use': { status: 409, zh: '该分类仍被规则使用，不能删除', en: 'Rules still use this category' },
  'compliance/builtin-category': { status: 409, zh: '内置分类不能删除', en: 'Built-in categories cannot be deleted' },
  'compliance/terms-invalid': { status: 400, zh: '有无效的行，未导入任何内容', en: 'Some lines are invalid; nothing was imported' },
  'compliance/pattern-rule-terms': { status: 400, zh: '模式规则按模式匹配，不使用词表', en: 'Pattern rules match a pattern and take no terms' },
  'compliance/lookalike-taken': { status: 409, zh: '该变体已在形近/谐音字表中', en: 'This variant is already in the look-alike table' },
  'compliance/lookalike-not-found': { status: 404, zh: '找不到该形近/谐音字条目', en: 'Look-alike entry not found' },
} as const;

export const ScanResponse = z.object({ findings: z.array(ScanFinding) });
export type ScanResponse = z.infer<typeof ScanResponse>;

// ---- stored rule packs (editable; the scanner is compiled from them) ------------------------------------------------

export const Severity = z.enum(['info', 'warn', 'block']);
export type Severity = z.infer<typeof Severity>;
/** Evasion families a pack can see through (the scanner's EVASION_FAMILIES). */
export const EvasionFamily = z.enum(['width', 'traditional', 'noise', 'repeat', 'fancy', 'lookalike', 'pinyin']);
export type EvasionFamily = z.infer<typeof EvasionFamily>;
/** Pattern rules beyond word lists (the scanner's PATTERN_KINDS). */
export const PatternKind = z.enum(['phone', 'wechat', 'qq', 'url', 'price', 'prize']);
export type PatternKind = z.infer<typeof PatternKind>;
/** Product categories the medical/efficacy rules distinguish (the scanner's ProductCategory). */
export const RuleProductCategory = z.enum(['cosmetics', 'food', 'health_food', 'medical', 'general']);
export type RuleProductCategory = z.infer<typeof RuleProductCategory>;

/** Every family on or off; a PATCH may name only the families it switches. */
export const EvasionSwitches = z.object(Object.fromEntries(EvasionFamily.options.map((f) => [f, z.boolean()])) as Record<EvasionFamily, z.ZodBoolean>);
export type EvasionSwitches = z.infer<typeof EvasionSwitches>;
export const ALL_EVASION: EvasionSwitches = { width: true, traditional: true, noise: true, repeat: true, fancy: true, lookalike: true, pinyin: true };

const KEY_RE = /^[a-z0-9][a-z0-9._-]*$/;
const keyMessage = 'lowercase letters, digits, ".", "_" or "-" / 只能使用小写字母、数字、“.”“_”“-”';
/** A pack's or rule's key: the rule key is the `rule` every finding carries. */
export const RuleKey = z.string().trim().min(2).max(64).regex(KEY_RE, { error: keyMessage });
export const CategoryKey = z.string().trim().min(2).max(40).regex(KEY_RE, { error: keyMessage });
const Name = z.string().trim().min(1).max(80);
const Basis = z.string().trim().min(1).max(500);
/** One dictionary term or allow-list word as stored (the scanner's ad-hoc terms take the same). */
export const Term = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'no line breaks or control characters / 不能包含换行或控制字符' });

export const PackInput = z.object({
  key: RuleKey,
  nameZh: Name,
  nameEn: Name,
  enabled: z.boolean().default(true),
  evasion: EvasionSwitches.default(ALL_EVASION),
});
export type PackInput = z.infer<typeof PackInput>;
/** The key is fixed once created; evasion switches merge into the stored ones. */
export const PackUpdateInput = z.object({
  nameZh: Name.optional(),
  nameEn: Name.optional(),
  enabled: z.boolean().optional(),
  evasion: EvasionSwitches.partial().optional(),
});
export type PackUpdateInput = z.infer<typeof PackUpdateInput>;

export const PackView = z.object({
  id: z.string(),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  builtin: z.boolean(),
  enabled: z.boolean(),
  evasion: EvasionSwitches,
  ruleCount: z.number(),
  termCount: z.number(),
  allowCount: z.number(),
  updatedAt: z.string(),
});
export type PackView = z.infer<typeof PackView>;

export const RuleInput = z.object({
  key: RuleKey,
  category: CategoryKey,
  severity: Severity,
  basisZh: Basis,
  basisEn: Basis,
  /** A pattern rule matches phone numbers, ids, links, price or prize claims instead of terms; fixed once created. */
  pattern: PatternKind.nullable().default(null),
  /** High-risk terms are also matched by their pinyin and initials when the pack's pinyin family is on. */
  highRisk: z.boolean().default(false),
  /** Null: every product category. Word-list rules only. */
  productCategories: z.array(RuleProductCategory).min(1).max(5).nullable().default(null),
  /** Null: every context. */
  contexts: z.array(ScanContext).min(1).max(5).nullable().default(null),
  suggestion: z.string().trim().max(500).nullable().default(null),
  enabled: z.boolean().default(true),
  /** Initial terms of a word-list rule. */
  terms: z.array(Term).max(5000).default([]),
});
export type RuleInput = z.infer<typeof RuleInput>;
/** Key and pattern are fixed once created; terms are edited with the import and remove endpoints. */
export const RuleUpdateInput = z.object({
  category: CategoryKey.optional(),
  severity: Severity.optional(),
  basisZh: Basis.optional(),
  basisEn: Basis.optional(),
  highRisk: z.boolean().optional(),
  productCategories: RuleInput.shape.productCategories.unwrap().optional(),
  contexts: RuleInput.shape.contexts.unwrap().optional(),
  suggestion: RuleInput.shape.suggestion.unwrap().optional(),
  enabled: z.boolean().optional(),
});
export type RuleUpdateInput = z.infer<typeof RuleUpdateInput>;

export const RuleView = z.object({
  id: z.string(),
  packId: z.string(),
  key: z.string(),
  category: z.string(),
  severity: Severity,
  basisZh: z.string(),
  basisEn: z.string(),
  pattern: PatternKind.nullable(),
  highRisk: z.boolean(),
  productCategories: z.array(RuleProductCategory).nullable(),
  contexts: z.array(ScanContext).nullable(),
  suggestion: z.string().nullable(),
  enabled: z.boolean(),
  termCount: z.number(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof RuleView>;

export const PackDetail = PackView.extend({ rules: z.array(RuleView), allow: z.array(z.string()) });
export type PackDetail = z.infer<typeof PackDetail>;

export const PackParams = z.object({ id: z.string().trim().min(1).max(64) });

/** Terms of one rule, oldest first; `limit` up to 50,000 returns a whole rule at once. */
export const TermQuery = z.object({
  q: z.string().trim().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(50_000).default(200),
});
export type TermQuery = z.infer<typeof TermQuery>;
export const TermPage = z.object({ items: z.array(z.object({ id: z.number(), term: z.string() })), total: z.number() });
export type TermPage = z.infer<typeof TermPage>;

/**
 * A bulk import of terms (or allow-list words): `text` with one per line, or `items`. Lines are trimmed, blank lines
 * skipped, duplicates (in the input or already stored) counted and skipped; one invalid line and nothing is added.
 */
export const BulkTermsInput = z
  .object({
    text: z.string().max(1_000_000).optional(),
    items: z.array(z.string().max(10_000)).max(50_000).optional(),
  })
  .refine((v) => v.text !== undefined || v.items !== undefined, { error: 'send text or items / 请提供 text 或 items', path: ['text'] });
export type BulkTermsInput = z.infer<typeof BulkTermsInput>;
export const BulkTermsResult = z.object({
  added: z.number(),
  duplicates: z.number(),
  invalid: z.number(),
  /** Invalid lines (1-based) with the reason; present on the 400 compliance/terms-invalid as error.details. */
  errors: z.array(z.object({ line: z.number(), text: z.string(), message: z.string() })),
});
export type BulkTermsResult = z.infer<typeof BulkTermsResult>;
export const RemoveTermsInput = z.object({ items: z.array(z.string().max(100)).min(1).max(50_000) });
export type RemoveTermsInput = z.infer<typeof RemoveTermsInput>;

export const CategoryInput = z.object({ key: CategoryKey, nameZh: Name, nameEn: Name });
export type CategoryInput = z.infer<typeof CategoryInput>;
export const CategoryView = CategoryInput.extend({ builtin: z.boolean(), ruleCount: z.number() });
export type CategoryView = z.infer<typeof CategoryView>;

/** One look-alike / homophone substitution of the editable table: `variant` reads as `canonical` (薇 → 微, 扣扣 → qq). */
export const LookalikeInput = z.object({ variant: z.string().trim().min(1).max(20), canonical: z.string().trim().min(1).max(20) });
export type LookalikeInput = z.infer<typeof LookalikeInput>;
export const LookalikeView = LookalikeInput.extend({ id: z.number() });
export type LookalikeView = z.infer<typeof LookalikeView>;
