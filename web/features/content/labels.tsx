import { Tag } from 'antd';
import { ContentKind, ContentState } from '../../../contracts/content';
import { useT } from '../../i18n';

export const STATE_COLORS: Record<ContentState, string> = { draft: 'default', in_review: 'processing', approved: 'success', changes_requested: 'warning' };
export const SEVERITY_COLORS = { block: 'red', warn: 'orange', info: 'blue' } as const;

export function ContentStateTag({ state, testId = 'content-state-tag' }: { state: ContentState; testId?: string }) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`contentState.${state}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: ContentKind }) {
  const t = useT();
  return <Tag style={{ marginInlineEnd: 0 }}>{t(`contentKind.${kind}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: keyof typeof SEVERITY_COLORS }) {
  const t = useT();
  return (
    <Tag color={SEVERITY_COLORS[severity]} style={{ marginInlineEnd: 0 }} data-testid="finding-severity" data-severity={severity}>
      {t(`contentSeverity.${severity}`)}
    </Tag>
  );
}

export function useKindOptions() {
  const t = useT();
  return ContentKind.options.map((k) => ({ value: k, label: t(`contentKind.${k}`) }));
}

export function useStateOptions() {
  const t = useT();
  return ContentState.options.map((s) => ({ value: s, label: t(`contentState.${s}`) }));
}
