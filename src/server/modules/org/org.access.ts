import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { getOrgInScope } from './org.repository.ts';
import type { OrgRow } from './org.table.ts';
import { getPersonInScope, type ScopedPersonRow } from './person.repository.ts';

// The scope rule for org-module ids: anything outside the actor's subtree answers 404, exactly like
// an id that does not exist, so existence never leaks across units. An attempt to change something
// outside scope is also recorded: someone tried, and the auditor should see it.

export interface ScopeOpts {
  /** The request changes the target (or reads contact details): record a denial on a miss. */
  write?: boolean;
  /** Request field holding the id, named in the error. */
  field?: string;
}

const notFoundIn = (what: string, field?: string) => new AppError(404, 'NOT_FOUND', `${what}不存在或无权访问`, field);

/** Records an `authz.denied` entry for an id the actor may not touch. */
export async function recordDenied(ctx: AppContext, actor: Actor, targetType: string, targetId: string): Promise<void> {
  await recordAudit(ctx, actor, { action: 'authz.denied', result: 'denied', targetType, targetId, summary: { reason: 'out_of_scope' } });
}

/** Throws 404 after recording a denial when the request was a write. */
export async function outOfScope(ctx: AppContext, actor: Actor, target: { type: string; id: string; what: string }, opts: ScopeOpts): Promise<never> {
  if (opts.write) await recordDenied(ctx, actor, target.type, target.id);
  throw notFoundIn(target.what, opts.field);
}

export async function orgInScope(ctx: AppContext, actor: Actor, id: string, opts: ScopeOpts = {}): Promise<OrgRow> {
  return (await getOrgInScope(ctx.db, id, actor.orgPath)) ?? outOfScope(ctx, actor, { type: 'org', id, what: '组织' }, opts);
}

export async function personInScope(ctx: AppContext, actor: Actor, id: string, opts: ScopeOpts = {}): Promise<ScopedPersonRow> {
  return (await getPersonInScope(ctx.db, id, actor.orgPath)) ?? outOfScope(ctx, actor, { type: 'person', id, what: '人员' }, opts);
}
