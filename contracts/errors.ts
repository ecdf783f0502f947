import { commonErrors } from './common';
import { accountsErrors } from './accounts';
import { teamErrors } from './team';
import { catalogErrors } from './catalog';
import { peopleErrors } from './people';
import { planningErrors } from './planning';
import { ingestErrors } from './ingest';
import { complianceErrors } from './compliance';
import { contentErrors } from './content';
import { findingsErrors } from './findings';
import { sentimentErrors } from './sentiment';
import { alertsErrors } from './alerts';
import { channelsErrors } from './channels';
import { incidentsErrors } from './incidents';
import { analyticsErrors } from './analytics';
import { importsErrors } from './imports';
import { suggestionsErrors } from './suggestions';
import { dashboardsErrors } from './dashboards';

/** Every error code the API returns, with its status and zh/en text. Safe for the browser. */
export const errorCatalog = {
  ...commonErrors,
  ...accountsErrors,
  ...teamErrors,
  ...catalogErrors,
  ...peopleErrors,
  ...planningErrors,
  ...ingestErrors,
  ...complianceErrors,
  ...contentErrors,
  ...findingsErrors,
  ...sentimentErrors,
  ...alertsErrors,
  ...channelsErrors,
  ...incidentsErrors,
  ...analyticsErrors,
  ...importsErrors,
  ...suggestionsErrors,
  ...dashboardsErrors,
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export function errorMessage(code: string, locale: 'zh-CN' | 'en-US'): string | undefined {
  const entry = (errorCatalog as Record<string, { zh: string; en: string }>)[code];
  if (!entry) return undefined;
  return locale === 'zh-CN' ? entry.zh : entry.en;
}
