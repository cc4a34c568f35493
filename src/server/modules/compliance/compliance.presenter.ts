import type { AppliedOverride } from '../../../core/compliance/rules.ts';
import type { EvaluatedRule } from './compliance.engine.ts';
import type { RecordSummaryRow } from './compliance.repository.ts';

// Engine results → API shapes (see compliance.schema.ts).

export function presentOverride(o: AppliedOverride | null) {
  return o && { orgId: o.orgId, orgName: o.orgName, min: o.min, enabled: o.enabled, reason: o.reason };
}

export function presentRule({ effective, cells }: EvaluatedRule) {
  const { rule } = effective;
  return {
    ruleId: rule.id,
    name: rule.name,
    basis: rule.basis,
    recordType: rule.recordType,
    period: rule.period,
    dutyRole: rule.dutyRole,
    min: rule.min,
    effectiveMin: effective.min,
    enabled: effective.enabled,
    override: presentOverride(effective.override),
    cells,
  };
}

export function presentCellRecord(r: RecordSummaryRow) {
  return { id: r.id, title: r.title, occurredOn: r.occurred_on, typeId: r.type_id, orgId: r.org_id, orgName: r.org_name };
}
