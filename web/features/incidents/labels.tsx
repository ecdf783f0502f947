import { Tag, Tooltip } from 'antd';
import { severityDefinitions, type IncidentStatus, type Severity } from '../../../contracts/incidents';
import { useLocalized, useT } from '../../i18n';

export const SEVERITY_COLOR: Record<Severity, string> = { SEV1: 'red', SEV2: 'volcano', SEV3: 'gold', SEV4: 'blue' };
export const STATUS_COLOR: Record<IncidentStatus, string> = { investigating: 'red', mitigated: 'orange', resolved: 'green', postmortem: 'purple', closed: 'default' };

/** A severity tag whose tooltip gives the definition. */
export function SeverityTag({ severity }: { severity: Severity }) {
  const pick = useLocalized();
  const def = severityDefinitions[severity];
  return (
    <Tooltip title={pick(def.zh, def.en)}>
      <Tag color={SEVERITY_COLOR[severity]} data-testid={`severity-${severity}`}>
        {severity}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: IncidentStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="incident-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** Options for a severity picker, each with its definition. */
export function useSeverityOptions() {
  const pick = useLocalized();
  return (Object.keys(severityDefinitions) as Severity[]).map((s) => ({
    value: s,
    label: (
      <span>
        <b>{s}</b> — {pick(severityDefinitions[s].zh, severityDefinitions[s].en)}
      </span>
    ),
  }));
}
