import { FindingsListQuery, FindingsPage, FindingsReport, FindingsReportQuery } from '../../../contracts/findings';
import type { App } from '../../platform/http';
import { findingsReport, listFindings } from './findings.repository';

const tags = ['compliance'];

export async function findingsRoutes(app: App) {
  app.get(
    '/api/v1/compliance/findings/report',
    {
      config: { permission: 'room:read' },
      schema: {
        tags,
        querystring: FindingsReportQuery,
        response: { 200: FindingsReport },
        description: 'Live compliance findings over a period (last 30 days by default) grouped by host, rule, category, session or room, with a per-day series.',
      },
    },
    async (req) => findingsReport(app.deps.db, req.actor.scope, req.query),
  );
  app.get(
    '/api/v1/compliance/findings',
    { config: { permission: 'room:read' }, schema: { tags, querystring: FindingsListQuery, response: { 200: FindingsPage }, description: 'The findings with their lines, newest first; page with `before`.' } },
    async (req) => listFindings(app.deps.db, req.actor.scope, req.query),
  );
}
