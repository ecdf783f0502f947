import { ScanRequest, ScanResponse } from '../../../contracts/compliance';
import type { App } from '../../platform/http';
import { packScanner, scanRequest } from './compliance.service';

export async function complianceRoutes(app: App) {
  // Compiled once: the default packs do not change while the process runs (editable packs come with the review workflow).
  const packs = packScanner();
  app.post(
    '/api/v1/compliance/scan',
    { config: { permission: 'signed-in' }, schema: { tags: ['compliance'], body: ScanRequest, response: { 200: ScanResponse } } },
    async (req) => ({ findings: scanRequest(req.body, packs) }),
  );
}
