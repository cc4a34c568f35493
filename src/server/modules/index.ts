import type { App } from '../app.ts';
import type { AppContext } from '../platform/context.ts';
import { accountRoutes } from './auth/account.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { complianceRoutes } from './compliance/compliance.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { ledgerRoutes } from './ledger/ledger.routes.ts';
import { orgExcelRoutes } from './org/orgExcel.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { personRoutes } from './org/person.routes.ts';
import { packRoutes } from './pack/pack.routes.ts';
import { reportRoutes } from './report/report.routes.ts';
import { settingRoutes } from './settings/setting.routes.ts';
import { setupRoutes } from './setup/setup.routes.ts';

/** Every module's routes. A new module adds one line here. */
export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  await healthRoutes(app, ctx);
  await setupRoutes(app, ctx);
  await authRoutes(app, ctx);
  await accountRoutes(app, ctx);
  await settingRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await orgRoutes(app, ctx);
  await personRoutes(app, ctx);
  await orgExcelRoutes(app, ctx);
  await ledgerRoutes(app, ctx);
  await packRoutes(app, ctx);
  await complianceRoutes(app, ctx);
  await reportRoutes(app, ctx);
}
