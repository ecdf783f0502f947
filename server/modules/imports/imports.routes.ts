import type { App } from '../../platform/http';

export async function importsRoutes(app: App) {
  void app;
}
