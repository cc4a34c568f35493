import type { Actor, AppContext } from '../src/server/platform/context.ts';
import { getRollup } from '../src/server/modules/compliance/compliance.service.ts';

/** What the benchmark times: every rule, every org under `orgId`, every period of the year. */
export function complianceOfYear(ctx: AppContext, actor: Actor, q: { orgId: string; packId: string; year: number }) {
  return getRollup(ctx, actor, q);
}
