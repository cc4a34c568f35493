import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';

export async function settingRoutes(app: App, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
