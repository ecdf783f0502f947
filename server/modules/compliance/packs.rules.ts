import { ALL_EVASION_ON, normalize } from './scanner';

/** One refused line of a bulk import; the message is "english / 中文" like the contracts' own. */
export interface BulkLineError {
  line: number;
  text: string;
  message: string;
}

export interface BulkParse {
  /** New entries in input order, trimmed, each once. */
  accepted: string[];
  duplicates: number;
  errors: BulkLineError[];
}

export const MAX_TERM_LENGTH = 100;

/** Why a trimmed, non-blank entry cannot be stored as a term, or null when it can. */
export function termProblem(term: string): string | null {
  if (term.length > MAX_TERM_LENGTH) return `longer than ${MAX_TERM_LENGTH} characters / 超过 ${MAX_TERM_LENGTH} 个字符`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(term)) return 'contains a tab or control character / 包含制表符或控制字符';
  // The scanner skips noise (symbols, spaces, emoji) between characters: a term made only of noise can never match.
  if (normalize(term, { evasion: ALL_EVASION_ON }).length === 0) return 'only symbols or spaces, it can never match / 只有符号或空白，永远无法匹配';
  return null;
}

/**
 * Reads a bulk import: `text` one entry per line, or `items`. Entries are trimmed, blank ones skipped, and one that
 * is already stored (`existing`) or repeats an earlier line is counted as a duplicate. Line numbers are 1-based.
 */
export function parseBulkTerms(input: { text?: string | undefined; items?: readonly string[] | undefined }, existing: Iterable<string>): BulkParse {
  const lines = input.items ?? (input.text ?? '').split(/\r\n|\r|\n/);
  const seen = new Set(existing);
  const accepted: string[] = [];
  const errors: BulkLineError[] = [];
  let duplicates = 0;
  lines.forEach((raw, index) => {
    const term = raw.trim();
    if (term === '') return;
    const problem = termProblem(term);
    if (problem) {
      errors.push({ line: index + 1, text: term.slice(0, 120), message: problem });
      return;
    }
    if (seen.has(term)) {
      duplicates++;
      return;
    }
    seen.add(term);
    accepted.push(term);
  });
  return { accepted, duplicates, errors };
}
