import { chinaToday } from '../../../core/compliance/period.ts';
import { buildTree, depth, type TreeNode } from '../../../core/org/path.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import { now } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { orgInScope, type ScopeOpts } from '../org/org.access.ts';
import { listOrgsInSubtree } from '../org/org.repository.ts';
import type { OrgRow } from '../org/org.table.ts';

// What every compliance route starts with: the pack, the org (in the actor's scope, 404 otherwise;
// the actor's own org when none is named), its subtree in tree order, and today's business date.

export function packOf(ctx: AppContext, packId: string): Pack {
  const pack = ctx.packs.get(packId);
  if (!pack) throw new AppError(404, 'NOT_FOUND', `制度包“${packId.slice(0, 50)}”不存在`, 'packId');
  return pack;
}

export function ruleOf(pack: Pack, ruleId: string, field = 'ruleId') {
  const rule = pack.rules.find((r) => r.id === ruleId);
  if (!rule) throw new AppError(404, 'NOT_FOUND', `规则“${ruleId.slice(0, 50)}”不存在`, field);
  return rule;
}

/** The org named by a query's `orgId` (the default field), or by a path's `:id` (pass other opts). */
export function orgOf(ctx: AppContext, actor: Actor, orgId: string | undefined, opts: ScopeOpts = { field: 'orgId' }): Promise<OrgRow> {
  return orgInScope(ctx, actor, orgId ?? actor.orgId, opts);
}

/** Today in Asia/Shanghai on the server's (test-adjustable) clock. */
export const businessToday = (): string => chinaToday(now());

export const currentYear = (): number => Number(businessToday().slice(0, 4));

export type SubtreeOrg = OrgRow & { depth: number };

/** The org and its active descendants, depth-first in sort order; depth counted from the org (0). */
export async function subtreeOf(ctx: AppContext, org: OrgRow): Promise<SubtreeOrg[]> {
  const rows = await listOrgsInSubtree(ctx.db, org.path, { includeInactive: false });
  const all = rows.some((r) => r.id === org.id) ? rows : [org, ...rows];
  const base = depth(org.path);
  const out: SubtreeOrg[] = [];
  const walk = (nodes: TreeNode<OrgRow>[]) => {
    for (const n of nodes) {
      out.push({ ...n.item, depth: depth(n.item.path) - base });
      walk(n.children);
    }
  };
  // The org is the root of its subtree, whatever its parent.
  walk(buildTree(all.map((o) => (o.id === org.id ? { ...o, parent_id: null } : o))));
  return out;
}
