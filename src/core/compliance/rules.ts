import type { Condition, Pack, RuleDef } from '../pack/schema.ts';
import type { PeriodKind } from './period.ts';

// Which rules are in force for an org: the pack's defaults, changed by overrides (local 实施细则
// differ from place to place). An override set on an org applies to the org and its whole subtree;
// the nearest one on the org's path wins, whole: its `enabled` and its `min` (null = the pack's
// threshold). So a unit below a superior that switched a rule off can switch it back on for itself,
// and a superior's stricter threshold can be relaxed again further down — every such decision is
// an audited, reasoned entry of its own, shown beside the status.

/** A pack rule with the org kinds it covers resolved (rule's own list, else its record type's). */
export interface PackRule {
  id: string;
  name: string;
  basis: string;
  recordType: string;
  where: Condition[];
  period: PeriodKind;
  min: number;
  /** null: every org kind. */
  orgKinds: readonly string[] | null;
  dutyRole: RuleDef['dutyRole'];
  enabled: boolean;
}

export function packRules(pack: Pick<Pack, 'rules' | 'recordTypes'>): PackRule[] {
  const typeKinds = new Map(pack.recordTypes.map((t) => [t.id, t.orgKinds ?? null]));
  return pack.rules.map((r) => ({
    id: r.id,
    name: r.name,
    basis: r.basis,
    recordType: r.recordType,
    where: r.where,
    period: r.period,
    min: r.min,
    orgKinds: r.orgKinds ?? typeKinds.get(r.recordType) ?? null,
    dutyRole: r.dutyRole,
    enabled: r.enabled,
  }));
}

/** An override stored on one org of the path from the root down to the org being evaluated. */
export interface PathOverride {
  orgId: string;
  orgName: string;
  /** Depth of `orgId` in the tree (root 0): the deepest wins. */
  depth: number;
  ruleId: string;
  /** null keeps the pack's threshold. */
  min: number | null;
  enabled: boolean;
  reason: string;
}

/** The override that decided a rule for an org, for display beside the status. */
export type AppliedOverride = Omit<PathOverride, 'depth' | 'ruleId'>;

/** A rule as it binds one org. */
export interface RuleInEffect {
  rule: PackRule;
  min: number;
  enabled: boolean;
  override: AppliedOverride | null;
}

/**
 * The rules in effect for an org, given the overrides stored on the orgs of its path (any order;
 * overrides of other orgs must not be passed in).
 */
export function effectiveRules(rules: readonly PackRule[], overridesAlongPath: readonly PathOverride[]): RuleInEffect[] {
  const nearest = new Map<string, PathOverride>();
  for (const o of overridesAlongPath) {
    const seen = nearest.get(o.ruleId);
    if (!seen || o.depth > seen.depth) nearest.set(o.ruleId, o);
  }
  return rules.map((rule) => {
    const o = nearest.get(rule.id);
    if (!o) return { rule, min: rule.min, enabled: rule.enabled, override: null };
    return {
      rule,
      min: o.min ?? rule.min,
      enabled: o.enabled,
      override: { orgId: o.orgId, orgName: o.orgName, min: o.min, enabled: o.enabled, reason: o.reason },
    };
  });
}

export function coversKind(rule: Pick<PackRule, 'orgKinds'>, orgKind: string): boolean {
  return rule.orgKinds === null || rule.orgKinds.includes(orgKind);
}

/**
 * The rules worth showing for an org: of its kind, and either in force or switched off by an
 * override (so the override is seen). Rules shipped off and never switched on stay out of sight.
 */
export function visibleRules(rules: readonly RuleInEffect[], orgKind: string): RuleInEffect[] {
  return rules.filter((r) => coversKind(r.rule, orgKind) && (r.enabled || r.override !== null));
}
