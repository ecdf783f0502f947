import type { App } from '../../platform/http';

export async function analyticsRoutes(app: App) {
  void app;
}
