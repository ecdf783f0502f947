import { Tag } from 'antd';
import type { AlertKind, AlertSeverity, AlertStatus, AlertView } from '../../../contracts/alerts';
import { useLocale, useT } from '../../i18n';
import type { MessageKey } from '../../i18n/en-US';

export const SEVERITY_COLOR: Record<AlertSeverity, string> = { critical: 'red', warn: 'orange', info: 'blue' };
const STATUS_COLOR: Record<AlertStatus, string> = { open: 'red', acknowledged: 'gold', resolved: 'green' };

export function SeverityTag({ severity }: { severity: AlertSeverity }) {
  const t = useT();
  return (
    <Tag color={SEVERITY_COLOR[severity]} style={{ marginInlineEnd: 0 }} data-testid="alert-severity">
      {t(`alerts.severity.${severity}`)}
    </Tag>
  );
}

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="alert-status">
      {t(`alerts.status.${status}`)}
    </Tag>
  );
}

export function kindLabel(t: (k: MessageKey) => string, kind: AlertKind) {
  return t(`alerts.kind.${kind}`);
}

/** The alert's title in the reader's language. */
export function useAlertTitle() {
  const { locale } = useLocale();
  return (a: Pick<AlertView, 'title'>) => (locale === 'zh-CN' ? a.title.zh : a.title.en);
}

/** A metric's label when it has one, else its key. */
export function metricLabel(t: (k: MessageKey) => string, key: string): string {
  const k = `alerts.metric.${key}` as MessageKey;
  const text = t(k);
  return text === k ? key : text;
}

export function themeLabel(t: (k: MessageKey) => string, theme: string): string {
  const k = `alerts.theme.${theme}` as MessageKey;
  const text = t(k);
  return text === k ? theme : text;
}
