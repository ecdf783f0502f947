import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const MAX_MIXED_HAN = 5;

/**
 * Pinyin spellings of a high-risk term: full pinyin without tones (jiaweixin), initials (jwx) and,
 * for short terms, the mixed forms (加wei信).
 * Spaces and separators in the text are noise, so "jia wei xin" matches the joined form. Initials
 * shorter than three letters are left out: "wx" or "qq" alone would match too much innocent text.
 */
export function pinyinVariants(term: string): string[] {
  if (!HAN.test(term)) return [];
  const chars = [...term];
  const full = pinyin(term, { toneType: 'none', type: 'array', v: true });
  if (full.length !== chars.length) return [];
  const joined = full.join('').toLowerCase();
  const initials = full.map((s, i) => (HAN.test(chars[i]!) ? s.charAt(0) : s)).join('').toLowerCase();
  const out = new Set<string>();
  if (joined !== term.toLowerCase()) out.add(joined);
  if (initials.length >= 3 && initials !== term.toLowerCase()) out.add(initials);
  // Mixed spellings (加wei信, 私下jiaoyi): every choice of characters written in pinyin, for
  // short terms only (2^n variants; high-risk lists are short).
  const han = chars.map((c) => HAN.test(c));
  const hanCount = han.filter(Boolean).length;
  if (hanCount >= 2 && hanCount <= MAX_MIXED_HAN) {
    const hanIndexes = han.flatMap((h, i) => (h ? [i] : []));
    for (let mask = 1; mask < (1 << hanCount) - 1; mask++) {
      const parts = chars.slice();
      hanIndexes.forEach((ci, bit) => { if (mask & (1 << bit)) parts[ci] = full[ci]!.toLowerCase(); });
      out.add(parts.join(''));
    }
  }
  return [...out];
}
