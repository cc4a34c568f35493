import { addBuckets, countSpecs, PeriodCounts } from '../../../core/compliance/counts.ts';
import { type Cell, ruleCells } from '../../../core/compliance/evaluate.ts';
import { type DateRange, type PeriodKind, periodRange, periodsEndingIn } from '../../../core/compliance/period.ts';
import { effectiveRules, type PackRule, packRules, type PathOverride, type RuleInEffect, visibleRules } from '../../../core/compliance/rules.ts';
import { depth, pathIds } from '../../../core/org/path.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { OrgRow } from '../org/org.table.ts';
import { aggregateBuckets } from './compliance.repository.ts';
import { overridesOnOrgs } from './override.repository.ts';
import type { RecordScope } from './recordFilter.ts';

// Compliance of a set of orgs over a span: SQL counts the records (compliance.repository), the
// pure core resolves overrides and evaluates every cell. Each org answers for itself: a cell of
// org X counts X's own records only, never its subordinates' (谁主管谁负责 — a unit's meeting does
// not discharge its superior's duty to hold one). Superiors see their units through the rollup.

export type EvaluatedOrgRow = Pick<OrgRow, 'id' | 'name' | 'kind' | 'path' | 'parent_id'>;

export interface EvaluatedRule {
  effective: RuleInEffect;
  cells: Cell[];
}

export interface EvaluatedOrg {
  org: EvaluatedOrgRow;
  rules: EvaluatedRule[];
}

export interface Evaluation {
  orgs: EvaluatedOrg[];
  /** The periods of each rule kind that end within the span. */
  periods: Partial<Record<PeriodKind, string[]>>;
  /** Every record of the pack in scope per month 'YYYY-MM' of the aggregated range. */
  monthTotals: Map<string, number>;
}

export interface EvaluationInput {
  pack: Pack;
  /** The orgs to evaluate. */
  orgs: readonly EvaluatedOrgRow[];
  /** Whose records to count: must cover `orgs` (one org, or the subtree they lie in). */
  scope: RecordScope;
  /** Cells are the periods ending (falling due) within this span. */
  span: DateRange;
  /** The business date (chinaToday). */
  today: string;
}

/** Overrides along each org's path, keyed by org id. */
async function overridesByOrg(ctx: AppContext, packId: string, orgs: readonly EvaluatedOrgRow[]): Promise<Map<string, PathOverride[]>> {
  const onPath = new Set(orgs.flatMap((o) => pathIds(o.path)));
  const rows = await overridesOnOrgs(ctx.db, packId, [...onPath]);
  const stored = rows.map((r) => ({
    orgId: r.org_id, orgName: r.org_name, depth: depth(r.org_path), ruleId: r.rule_id,
    min: r.min === null ? null : Number(r.min), enabled: Number(r.enabled) === 1, reason: r.reason,
  }));
  const grouped = new Map<string, PathOverride[]>();
  for (const o of stored) grouped.set(o.orgId, [...(grouped.get(o.orgId) ?? []), o]);
  return new Map(orgs.map((org) => [org.id, pathIds(org.path).flatMap((id) => grouped.get(id) ?? [])]));
}

/** Rules some org may be bound by: on in the pack, or named by an override. */
function candidateRules(rules: readonly PackRule[], overrides: Map<string, PathOverride[]>): PackRule[] {
  const overridden = new Set([...overrides.values()].flat().map((o) => o.ruleId));
  return rules.filter((r) => r.enabled || overridden.has(r.id));
}

export async function evaluateOrgs(ctx: AppContext, input: EvaluationInput): Promise<Evaluation> {
  const { pack, span, today } = input;
  const overrides = await overridesByOrg(ctx, pack.id, input.orgs);
  const rules = candidateRules(packRules(pack), overrides);
  const periods: Partial<Record<PeriodKind, string[]>> = {};
  for (const rule of rules) periods[rule.period] ??= periodsEndingIn(span.start, span.end, rule.period);
  const firstDays = Object.values(periods).flatMap((keys) => (keys.length > 0 ? [periodRange(keys[0]!).start] : []));
  const from = firstDays.reduce((a, b) => (b < a ? b : a), span.start);

  const counts = new PeriodCounts();
  const monthTotals = new Map<string, number>();
  const fieldsOf = (typeId: string) => pack.recordTypes.find((t) => t.id === typeId)?.fields ?? [];
  const monthRules = rules.filter((r) => r.period !== 'week');
  const weekRules = rules.filter((r) => r.period === 'week');
  const monthSpecs = countSpecs(monthRules);
  const base = { packId: pack.id, scope: input.scope, from, to: span.end, fieldsOf };
  const months = await aggregateBuckets(ctx.db, ctx.dialect, { ...base, bucket: 'month', specs: monthSpecs });
  addBuckets(counts, months, monthRules, monthSpecs, 'month');
  for (const row of months) monthTotals.set(row.bucket, (monthTotals.get(row.bucket) ?? 0) + row.total);
  if (weekRules.length > 0) {
    const weekSpecs = countSpecs(weekRules);
    const typeIds = [...new Set(weekRules.map((r) => r.recordType))];
    const weeks = await aggregateBuckets(ctx.db, ctx.dialect, { ...base, bucket: 'week', typeIds, specs: weekSpecs });
    addBuckets(counts, weeks, weekRules, weekSpecs, 'week');
  }

  const orgs = input.orgs.map((org) => {
    const inEffect = visibleRules(effectiveRules(rules, overrides.get(org.id) ?? []), org.kind);
    return {
      org,
      rules: inEffect.map((effective) => ({
        effective,
        cells: ruleCells(effective, org.kind, periods[effective.rule.period] ?? [], (p) => counts.get(org.id, effective.rule.id, p), today),
      })),
    };
  });
  return { orgs, periods, monthTotals };
}
