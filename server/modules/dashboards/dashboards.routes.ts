import type { App } from '../../platform/http';

export async function dashboardsRoutes(app: App) {
  void app;
}
