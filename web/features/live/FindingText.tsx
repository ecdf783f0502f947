import { Fragment } from 'react';
import { Tooltip } from 'antd';
import type { LiveFinding } from '../../../contracts/live';

export const SEVERITY_COLOR: Record<LiveFinding['severity'], string> = { block: '#ff4d4f', warn: '#faad14', info: '#1677ff' };
const SEVERITY_RANK: Record<LiveFinding['severity'], number> = { info: 0, warn: 1, block: 2 };

/**
 * A feed line with its findings marked: the offsets are UTF-16 positions into the original text, so slicing the
 * string marks exactly the characters the scanner matched. Overlapping findings merge into one mark, coloured by the
 * most severe, with every rule in its tooltip.
 */
export function FindingText({ text, findings }: { text: string; findings: readonly LiveFinding[] }) {
  const spans = [...findings].filter((f) => f.start < f.end && f.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; findings: LiveFinding[] }[] = [];
  for (const f of spans) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.findings.push(f);
    } else merged.push({ start: f.start, end: f.end, findings: [f] });
  }
  const parts: React.ReactNode[] = [];
  let at = 0;
  merged.forEach((m, i) => {
    if (m.start > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, m.start)}</Fragment>);
    const worst = m.findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    parts.push(
      <Tooltip key={`m${i}`} title={m.findings.map((f) => `${f.term} · ${f.rule}`).join('\n')}>
        <mark
          data-testid="finding-mark"
          data-severity={worst.severity}
          data-rule={worst.rule}
          style={{ background: `${SEVERITY_COLOR[worst.severity]}33`, borderBottom: `2px solid ${SEVERITY_COLOR[worst.severity]}`, padding: '0 1px', borderRadius: 2 }}
        >
          {text.slice(m.start, m.end)}
        </mark>
      </Tooltip>,
    );
    at = m.end;
  });
  if (at < text.length) parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
