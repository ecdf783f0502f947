import type { z } from 'zod';
import { EvasionFamily, PatternKind, RuleProductCategory, ScanContext, Severity, type CategoryView } from '../../../contracts/compliance';
import { useLocale, useT } from '../../i18n';

/** Where a text is used (script, title, product copy, comment, transcript). */
export type Context = z.infer<typeof ScanContext>;

export const SEVERITY_TAG: Record<Severity, string> = { block: 'red', warn: 'gold', info: 'blue' };

export function useComplianceLabels() {
  const t = useT();
  const { locale } = useLocale();
  return {
    severity: (s: Severity) => t(`compliance.severity.${s}`),
    evasion: (f: string) => ((EvasionFamily.options as readonly string[]).includes(f) ? t(`compliance.evasion.${f as EvasionFamily}`) : f),
    pattern: (p: PatternKind) => t(`compliance.pattern.${p}`),
    context: (c: Context) => t(`compliance.context.${c}`),
    productCategory: (c: RuleProductCategory) => t(`compliance.scanCategory.${c}`),
    /** A bilingual pair in the reader's language. */
    pick: (zh: string, en: string) => (locale === 'zh-CN' ? zh : en),
    categoryName: (key: string, categories: readonly CategoryView[] | undefined) => {
      const c = categories?.find((x) => x.key === key);
      return c ? (locale === 'zh-CN' ? c.nameZh : c.nameEn) : key;
    },
    severityOptions: Severity.options.map((s) => ({ value: s, label: t(`compliance.severity.${s}`) })),
    evasionOptions: EvasionFamily.options.map((f) => ({ value: f, label: t(`compliance.evasion.${f}`) })),
    patternOptions: PatternKind.options.map((p) => ({ value: p, label: t(`compliance.pattern.${p}`) })),
    contextOptions: ScanContext.options.map((c) => ({ value: c, label: t(`compliance.context.${c}`) })),
    productCategoryOptions: RuleProductCategory.options.map((c) => ({ value: c, label: t(`compliance.scanCategory.${c}`) })),
  };
}
