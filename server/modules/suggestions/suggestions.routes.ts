import type { App } from '../../platform/http';

export async function suggestionsRoutes(app: App) {
  void app;
}
