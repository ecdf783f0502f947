import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * Pinyin spellings of a high-risk term: full pinyin without tones (jiaweixin) and initials (jwx).
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
  return [...out];
}
