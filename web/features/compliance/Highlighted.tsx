import type { CSSProperties } from 'react';
import { highlightSegments, worstOf, type HighlightFinding } from './highlight';

export type { HighlightFinding } from './highlight';

/** Colours of a finding by severity: the mark's background and its underline. */
export const SEVERITY_MARK: Record<HighlightFinding['severity'], { background: string; line: string }> = {
  block: { background: '#ffd8d6', line: '#f5222d' },
  warn: { background: '#ffeeb0', line: '#fa8c16' },
  info: { background: '#d6ebff', line: '#1677ff' },
};

export interface HighlightedProps {
  text: string;
  findings: readonly HighlightFinding[];
  /** Called with the findings under a clicked mark. */
  onMarkClick?: (findings: HighlightFinding[]) => void;
  className?: string;
  style?: CSSProperties;
  testId?: string;
}

/**
 * A text with its findings marked: each <mark> covers exactly the characters between a finding's start and end
 * (UTF-16 offsets into this very text, as the scanner returns them). Where findings overlap, the overlap is marked once,
 * coloured by the most severe, and every finding covering it is named in the mark's title. Line breaks are kept.
 *
 * Used by the rule editor's "try it" box, the content editor and the live monitor.
 */
export function Highlighted({ text, findings, onMarkClick, className, style, testId = 'highlighted' }: HighlightedProps) {
  const segments = highlightSegments(text, findings);
  return (
    <div className={className} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.9, ...style }} data-testid={testId}>
      {segments.map((s) => {
        const piece = text.slice(s.start, s.end);
        const worst = worstOf(s.findings);
        if (!worst) return <span key={s.start}>{piece}</span>;
        const colour = SEVERITY_MARK[worst.severity];
        return (
          <mark
            key={s.start}
            title={s.findings.map((f) => `${f.term} · ${f.rule} · ${f.severity}`).join('\n')}
            data-testid="highlight-mark"
            data-severity={worst.severity}
            data-rule={s.findings.map((f) => f.rule).join(' ')}
            data-start={s.start}
            data-end={s.end}
            onClick={onMarkClick ? () => onMarkClick(s.findings) : undefined}
            style={{
              background: colour.background,
              borderBottom: `2px solid ${colour.line}`,
              color: 'inherit',
              padding: 0,
              cursor: onMarkClick ? 'pointer' : undefined,
            }}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
