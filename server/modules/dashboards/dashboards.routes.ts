import { IdParams, ListOf } from '../../../contracts/common';
import { DashboardExportQuery, DashboardOptions, DashboardQuery, DashboardView, GenerateReportInput, WeeklyReportSummary, WeeklyReportView, WeeklySchedule } from '../../../contracts/dashboards';
import { requestLocale } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as dashboards from './dashboards.service';
import * as reports from './weekly-report.service';

const tags = ['dashboards'];

export async function dashboardsRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/dashboards', { config: { permission: 'room:read' }, schema: { tags, querystring: DashboardQuery, response: { 200: DashboardView } } }, async (req) =>
    dashboards.getDashboard(deps.db, req.actor, req.query),
  );
  app.get('/api/v1/dashboards/options', { config: { permission: 'room:read' }, schema: { tags, response: { 200: DashboardOptions } } }, async (req) => dashboards.dashboardOptions(deps.db, req.actor.scope));
  app.get('/api/v1/dashboards/export.xlsx', { config: { permission: 'room:read' }, schema: { tags, querystring: DashboardExportQuery } }, async (req, reply) => {
    const { locale, ...query } = req.query;
    const file = await dashboards.exportDashboard(deps.db, req.actor, query, locale ?? requestLocale(req));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.buffer);
  });

  app.get('/api/v1/reports/weekly', { config: { permission: 'room:read' }, schema: { tags, response: { 200: ListOf(WeeklyReportSummary) } } }, async () => ({ items: await reports.listReports(deps.db) }));
  app.get('/api/v1/reports/weekly/schedule', { config: { permission: 'room:read' }, schema: { tags, response: { 200: WeeklySchedule } } }, async () => dashboards.readSchedule(deps.db));
  app.put('/api/v1/reports/weekly/schedule', { config: { permission: 'report:manage' }, schema: { tags, body: WeeklySchedule, response: { 200: WeeklySchedule } } }, async (req) =>
    reports.saveSchedule(deps.db, req.actor, req.body),
  );
  app.post('/api/v1/reports/weekly/generate', { config: { permission: 'report:manage' }, schema: { tags, body: GenerateReportInput, response: { 200: WeeklyReportView, 201: WeeklyReportView } } }, async (req, reply) => {
    const { report, created } = await reports.generateNow(deps, req.actor, req.body?.weekOf);
    return reply.code(created ? 201 : 200).send(report);
  });
  app.get('/api/v1/reports/weekly/:id', { config: { permission: 'room:read' }, schema: { tags, params: IdParams, response: { 200: WeeklyReportView } } }, async (req) => reports.getReport(deps.db, req.params.id));
}
