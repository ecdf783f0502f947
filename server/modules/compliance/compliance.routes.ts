import { ScanRequest, ScanResponse } from '../../../contracts/compliance';
import type { App } from '../../platform/http';
import { currentRules } from './compliance.registry';
import { scanRequest } from './compliance.service';

export async function complianceRoutes(app: App) {
  app.post(
    '/api/v1/compliance/scan',
    { config: { permission: 'signed-in' }, schema: { tags: ['compliance'], body: ScanRequest, response: { 200: ScanResponse } } },
    async (req) => {
      // The stored packs, recompiled when a rule change bumped the revision: an edit reaches the next scan.
      // A request with its own `terms` is scanned against that ad-hoc dictionary instead.
      const { scanner } = await currentRules(app.deps.db);
      return { findings: scanRequest(req.body, scanner) };
    },
  );
}
