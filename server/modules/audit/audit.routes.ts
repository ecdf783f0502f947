import { AuditQuery } from '../../../contracts/audit';
import { requestLocale } from '../../platform/errors';
import type { App } from '../../platform/http';
import { listAudit } from './audit.repository';

export async function auditRoutes(app: App) {
  app.get('/api/v1/audit', { config: { permission: 'audit:read' }, schema: { tags: ['audit'], querystring: AuditQuery } }, async (req) =>
    listAudit(app.deps.db, req.actor.scope, req.query, requestLocale(req)),
  );
}
