/** What a highlight needs of a finding: UTF-16 offsets into the original text (end exclusive), and what to say about it. */
export interface HighlightFinding {
  start: number;
  end: number;
  severity: 'info' | 'warn' | 'block';
  rule: string;
  term: string;
}

export interface Segment<F extends HighlightFinding = HighlightFinding> {
  start: number;
  end: number;
  /** The findings covering every character of this segment; empty for plain text. */
  findings: F[];
}

const RANK = { info: 0, warn: 1, block: 2 } as const;

/** The most severe of some findings (the first of equals). */
export function worstOf<F extends HighlightFinding>(findings: readonly F[]): F | undefined {
  return findings.reduce<F | undefined>((a, b) => (a === undefined || RANK[b.severity] > RANK[a.severity] ? b : a), undefined);
}

/**
 * Cuts a text at every finding's start and end, so overlapping findings split into segments each covered by a known
 * set of findings. Offsets are UTF-16 code units (what String.slice uses and the scanner returns); findings outside
 * the text or empty are ignored, never clamped onto other characters.
 */
export function highlightSegments<F extends HighlightFinding>(text: string, findings: readonly F[]): Segment<F>[] {
  const valid = findings.filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start < f.end && f.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const segments: Segment<F>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = valid.filter((f) => f.start <= start && f.end >= end);
    const last = segments[segments.length - 1];
    // Neighbouring plain segments (and segments with the very same findings) read as one.
    if (last && last.end === start && sameSet(last.findings, covering)) last.end = end;
    else segments.push({ start, end, findings: covering });
  }
  return segments;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
