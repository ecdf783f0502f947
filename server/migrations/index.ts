import type { Migration } from 'kysely';
import * as createFoundation from './20261127_0930_create_foundation';
import * as createPlanning from './20261127_1100_create_planning';
import * as createIngest from './20261127_1300_create_ingest';
import * as createCompliance from './20261127_1500_create_compliance';
import * as createAlertsBase from './20261127_1600_create_alerts_base';
import * as createAlertRules from './20261127_1620_create_alert_rules';
import * as createChannels from './20261127_1630_create_channels';
import * as createIncidents from './20261127_1640_create_incidents';
import * as createSentimentLexicon from './20261128_0800_create_sentiment_lexicon';
import * as createMetricValues from './20261128_0900_create_metric_values';
import * as createImports from './20261128_0910_create_imports';
import * as createSuggestions from './20261128_0920_create_suggestions';
import * as createReports from './20261128_0930_create_reports';
import * as indexLiveEventsKind from './20261128_0945_index_live_events_kind';
import * as coverLiveEventsKind from './20261128_0950_cover_live_events_kind';
import * as createSuggestionRuns from './20261129_0900_create_suggestion_runs';

/** Every migration, by name; names sort in the order they run. Never edit one after it is merged: add a new one. */
export const migrations: Record<string, Migration> = {
  '20261127_0930_create_foundation': createFoundation,
  '20261127_1100_create_planning': createPlanning,
  '20261127_1300_create_ingest': createIngest,
  '20261127_1500_create_compliance': createCompliance,
  '20261127_1600_create_alerts_base': createAlertsBase,
  '20261127_1620_create_alert_rules': createAlertRules,
  '20261127_1630_create_channels': createChannels,
  '20261127_1640_create_incidents': createIncidents,
  '20261128_0800_create_sentiment_lexicon': createSentimentLexicon,
  '20261128_0900_create_metric_values': createMetricValues,
  '20261128_0910_create_imports': createImports,
  '20261128_0920_create_suggestions': createSuggestions,
  '20261128_0930_create_reports': createReports,
  '20261128_0945_index_live_events_kind': indexLiveEventsKind,
  '20261128_0950_cover_live_events_kind': coverLiveEventsKind,
  '20261129_0900_create_suggestion_runs': createSuggestionRuns,
};
