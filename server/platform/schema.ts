import type { TeamTables } from './schema/team';
import type { PlanningTables } from './schema/planning';
import type { LiveTables } from './schema/live';
import type { ContentTables } from './schema/content';
import type { RiskTables } from './schema/risk';
import type { AnalyticsTables } from './schema/analytics';

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans are not used (better-sqlite3 cannot bind them);
 * lists are JSON text. Columns ending in _enc hold Cipher ciphertext.
 * One interface per area under ./schema/; a new area adds its file here.
 */
export interface Database extends TeamTables, PlanningTables, LiveTables, ContentTables, RiskTables, AnalyticsTables {}
