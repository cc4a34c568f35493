import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, type AppError } from '../../platform/errors.ts';
import { outOfScope, type ScopeOpts } from '../org/org.access.ts';
import { type DraftRow, getDraftInScope } from './report.repository.ts';

// What every report route starts with: the draft, in the caller's subtree (404 otherwise, a write
// attempt recorded), and — for changes — still open to them.

export async function draftInScope(ctx: AppContext, actor: Actor, id: string, opts: ScopeOpts = {}): Promise<DraftRow> {
  return (await getDraftInScope(ctx.db, id, actor.orgPath)) ?? outOfScope(ctx, actor, { type: 'report', id, what: '报告' }, { field: 'id', ...opts });
}

const FROZEN: Record<string, () => AppError> = {
  approved: () => conflict('REPORT_APPROVED', '报告已审定，不能再修改或重新生成'),
  submitted: () => conflict('REPORT_SUBMITTED', '报告已报送，不能再修改'),
};

/**
 * The 409 for a write that lost a race: the draft is frozen now, or has a newer version than the
 * one the change was made on.
 */
export function changedMeanwhile(now: Pick<DraftRow, 'status'> | undefined): AppError {
  const frozen = now ? FROZEN[now.status] : undefined;
  return frozen ? frozen() : conflict('REPORT_CHANGED', '报告刚被他人修改，请刷新后再试');
}

/** A draft that may still change: neither approved nor submitted. */
export function assertOpen(draft: Pick<DraftRow, 'status'>): void {
  const frozen = FROZEN[draft.status];
  if (frozen) throw frozen();
}
