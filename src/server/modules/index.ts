import type { App } from '../app.ts';
import type { AppContext } from '../platform/context.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { setupRoutes } from './setup/setup.routes.ts';

/** Every module's routes. A new module adds one line here. */
export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  await healthRoutes(app, ctx);
  await setupRoutes(app, ctx);
  await authRoutes(app, ctx);
}
