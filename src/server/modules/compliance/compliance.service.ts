import { addToTally, type ComplianceStatus, emptyTally, mergeTallies, type Tally, worstFirst } from '../../../core/compliance/evaluate.ts';
import { addDays, type DateRange, daysBetween, periodRange } from '../../../core/compliance/period.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { businessToday, orgOf, packOf, ruleOf, subtreeOf, type SubtreeOrg } from './compliance.access.ts';
import { evaluateOrgs, type EvaluatedRule, type Evaluation } from './compliance.engine.ts';
import { presentCellRecord, presentOverride, presentRule } from './compliance.presenter.ts';
import { isSoleRoot, listMatchingRecords } from './compliance.repository.ts';

// The compliance views: one org's matrix, the rollup over a subtree, the calendar of what falls
// due, the drill-down behind a cell and the dashboard. Each evaluates with compliance.engine.

const yearSpan = (year: number): DateRange => ({ start: `${year}-01-01`, end: `${year}-12-31` });

interface ScopeQuery {
  orgId?: string;
  packId: string;
}

async function evaluateSubtree(ctx: AppContext, actor: Actor, q: ScopeQuery, span: DateRange, today = businessToday()) {
  const pack = packOf(ctx, q.packId);
  const org = await orgOf(ctx, actor, q.orgId);
  const orgs = await subtreeOf(ctx, org);
  const scope = (await isSoleRoot(ctx.db, org.id)) ? { all: true as const } : { path: org.path };
  const evaluation = await evaluateOrgs(ctx, { pack, orgs, scope, span, today });
  return { org, orgs, evaluation };
}

/** One org's rules × periods of a year, overdue rules first. */
export async function getMatrix(ctx: AppContext, actor: Actor, q: ScopeQuery & { year: number }) {
  const pack = packOf(ctx, q.packId);
  const org = await orgOf(ctx, actor, q.orgId);
  const today = businessToday();
  const { orgs, periods } = await evaluateOrgs(ctx, { pack, orgs: [org], scope: { orgId: org.id }, span: yearSpan(q.year), today });
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    packId: pack.id,
    year: q.year,
    today,
    periods,
    rules: worstFirst(orgs[0]!.rules).map(presentRule),
  };
}

const statusesOf = (rules: readonly EvaluatedRule[]): ComplianceStatus[] => rules.flatMap((r) => r.cells.map((c) => c.status));

/** Each org's own tally, and the tallies of the subtrees (the org plus everything below it). */
function tallies(orgs: readonly SubtreeOrg[], evaluation: Evaluation): { own: Map<string, Tally>; subtree: Map<string, Tally> } {
  const own = new Map(evaluation.orgs.map((o) => [o.org.id, addToTally(emptyTally(), statusesOf(o.rules))]));
  const subtree = new Map(orgs.map((o) => [o.id, mergeTallies(emptyTally(), own.get(o.id)!)]));
  // Depth-first order lists parents before children: walking it backwards folds each subtree up.
  for (const o of [...orgs].reverse()) {
    const parent = o.depth > 0 && o.parent_id ? subtree.get(o.parent_id) : undefined;
    if (parent) mergeTallies(parent, subtree.get(o.id)!);
  }
  return { own, subtree };
}

/** The org and every unit below it: own statuses (each unit answers for itself) and subtree totals. */
export async function getRollup(ctx: AppContext, actor: Actor, q: ScopeQuery & { year: number; period?: string }) {
  const span = q.period ? periodRange(q.period) : yearSpan(q.year);
  const { orgs, evaluation } = await evaluateSubtree(ctx, actor, q, span);
  const { own, subtree } = tallies(orgs, evaluation);
  return orgs.map((o) => ({ orgId: o.id, orgName: o.name, parentId: o.depth === 0 ? null : o.parent_id, depth: o.depth, ...own.get(o.id)!, subtree: subtree.get(o.id)! }));
}

/** Unmet requirements whose period ends within the next `days` days, soonest first, for the whole subtree. */
export async function getCalendar(ctx: AppContext, actor: Actor, q: ScopeQuery & { days: number }) {
  const today = businessToday();
  const { orgs, evaluation } = await evaluateSubtree(ctx, actor, q, { start: today, end: addDays(today, q.days) }, today);
  const depthOf = new Map(orgs.map((o, i) => [o.id, i]));
  const items = evaluation.orgs.flatMap(({ org, rules }) =>
    rules.flatMap((r) =>
      r.cells
        .filter((c) => c.status === 'due' || c.status === 'upcoming')
        .map((c) => ({
          orgId: org.id, orgName: org.name, ruleId: r.effective.rule.id, ruleName: r.effective.rule.name, period: c.period,
          from: c.from, to: c.to, daysLeft: daysBetween(today, c.to), status: c.status, count: c.count, effectiveMin: r.effective.min,
          override: presentOverride(r.effective.override),
        })),
    ),
  );
  items.sort((a, b) => a.to.localeCompare(b.to) || depthOf.get(a.orgId)! - depthOf.get(b.orgId)! || a.ruleId.localeCompare(b.ruleId));
  return { today, days: q.days, items };
}

/** The records that count toward one cell: the aggregate's own filter, for one org and period. */
export async function getCellRecords(ctx: AppContext, actor: Actor, q: ScopeQuery & { ruleId: string; period: string; page: number; pageSize: number }) {
  const pack = packOf(ctx, q.packId);
  const rule = ruleOf(pack, q.ruleId);
  const org = await orgOf(ctx, actor, q.orgId);
  const { start, end } = periodRange(q.period);
  const fields = pack.recordTypes.find((t) => t.id === rule.recordType)?.fields ?? [];
  const page = await listMatchingRecords(
    ctx.db,
    ctx.dialect,
    { packId: pack.id, typeIds: [rule.recordType], where: { conditions: rule.where, fields }, from: start, to: end, scope: { orgId: org.id } },
    pageOf(q),
  );
  return { items: page.items.map(presentCellRecord), total: page.total };
}

/** The figures of the compliance dashboard (ECharts): completion per unit, records per month, overdue per rule. */
export async function getDashboard(ctx: AppContext, actor: Actor, q: ScopeQuery & { year: number }) {
  const { orgs, evaluation } = await evaluateSubtree(ctx, actor, q, yearSpan(q.year));
  const { own } = tallies(orgs, evaluation);
  const completionByUnit = orgs
    .map((o) => ({ orgId: o.id, orgName: o.name, depth: o.depth, ...own.get(o.id)! }))
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.depth - b.depth);
  const recordsByMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${q.year}-${String(i + 1).padStart(2, '0')}`;
    return { month, count: evaluation.monthTotals.get(month) ?? 0 };
  });
  const overdue = new Map<string, { ruleId: string; name: string; overdue: number }>();
  for (const { rules } of evaluation.orgs) {
    for (const r of rules) {
      const n = r.cells.filter((c) => c.status === 'overdue').length;
      if (n === 0) continue;
      const entry = overdue.get(r.effective.rule.id) ?? { ruleId: r.effective.rule.id, name: r.effective.rule.name, overdue: 0 };
      entry.overdue += n;
      overdue.set(entry.ruleId, entry);
    }
  }
  const overdueByRule = [...overdue.values()].sort((a, b) => b.overdue - a.overdue || a.ruleId.localeCompare(b.ruleId));
  return { year: q.year, completionByUnit, recordsByMonth, overdueByRule };
}
