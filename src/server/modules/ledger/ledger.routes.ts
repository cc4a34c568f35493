import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentRoutes } from './attachment.routes.ts';
import { scheduleIntegrityCheck } from './integrity.schedule.ts';
import { recordRoutes } from './record.routes.ts';
import { recordExcelRoutes } from './recordExcel.routes.ts';

/** The ledger module's routes: records, their evidence files, and Excel per record type. */
export async function ledgerRoutes(app: App, ctx: AppContext): Promise<void> {
  await recordExcelRoutes(app, ctx);
  await recordRoutes(app, ctx);
  await attachmentRoutes(app, ctx);
  scheduleIntegrityCheck(app, ctx);
}
