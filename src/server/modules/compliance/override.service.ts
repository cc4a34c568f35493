import { pathIds } from '../../../core/org/path.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { orgOf, packOf, ruleOf } from './compliance.access.ts';
import { deleteOverride, getOverride, type OverrideOnOrgRow, overridesOnOrgs, upsertOverride } from './override.repository.ts';
import type { RuleOverrideDto } from './override.schema.ts';

// Overrides: an org adjusts a rule of a pack for itself and its subtree (local 实施细则 differ).
// Set and removed by leaders and party-affairs staff within their scope, each change audited with
// its reason; compliance statuses show the override in force beside them.

function present(pack: Pack, row: OverrideOnOrgRow, inherited: boolean): RuleOverrideDto {
  const rule = pack.rules.find((r) => r.id === row.rule_id);
  return {
    id: row.id, packId: pack.id, ruleId: row.rule_id, ruleName: rule?.name ?? row.rule_id, orgId: row.org_id, orgName: row.org_name,
    inherited, min: row.min === null ? null : Number(row.min), enabled: Number(row.enabled) === 1, reason: row.reason,
    packMin: rule?.min ?? null, updatedAt: row.updated_at,
  };
}

/** The org's own overrides, and for other rules the nearest one set above it, in pack order. */
export async function listOverrides(ctx: AppContext, actor: Actor, orgId: string, packId: string): Promise<{ items: RuleOverrideDto[] }> {
  const org = await orgOf(ctx, actor, orgId, {});
  const pack = packOf(ctx, packId);
  const rows = await overridesOnOrgs(ctx.db, pack.id, pathIds(org.path));
  const nearest = new Map<string, OverrideOnOrgRow>();
  for (const row of rows) {
    const seen = nearest.get(row.rule_id);
    if (!seen || row.org_path.length > seen.org_path.length) nearest.set(row.rule_id, row);
  }
  const order = new Map(pack.rules.map((r, i) => [r.id, i]));
  const items = [...nearest.values()]
    .sort((a, b) => (order.get(a.rule_id) ?? Infinity) - (order.get(b.rule_id) ?? Infinity) || a.rule_id.localeCompare(b.rule_id))
    .map((row) => present(pack, row, row.org_id !== org.id));
  return { items };
}

const stateOf = (o: { min: number | null; enabled: number; reason: string } | undefined) =>
  o ? { min: o.min === null ? null : Number(o.min), enabled: Number(o.enabled) === 1, reason: o.reason } : null;

export async function setOverride(
  ctx: AppContext,
  actor: Actor,
  target: { orgId: string; ruleId: string },
  input: { packId: string; min?: number | null; enabled: boolean; reason: string },
): Promise<RuleOverrideDto> {
  const org = await orgOf(ctx, actor, target.orgId, { write: true });
  const pack = packOf(ctx, input.packId);
  const rule = ruleOf(pack, target.ruleId);
  const next = { min: input.min ?? null, enabled: input.enabled, reason: input.reason };
  await auditedWrite(ctx, actor, async (trx) => {
    const before = await getOverride(trx, org.id, pack.id, rule.id);
    await upsertOverride(trx, { orgId: org.id, packId: pack.id, ruleId: rule.id, ...next, userId: actor.userId || null });
    return {
      result: null,
      audit: {
        action: 'rule_override.set', targetType: 'org', targetId: org.id, orgId: org.id,
        summary: { org: org.name, pack: pack.id, rule: rule.id, ruleName: rule.name, packMin: rule.min, from: stateOf(before), to: next },
      },
    };
  });
  const { items } = await listOverrides(ctx, actor, org.id, pack.id);
  return items.find((o) => o.ruleId === rule.id && !o.inherited)!;
}

export async function removeOverride(ctx: AppContext, actor: Actor, target: { orgId: string; ruleId: string }, packId: string): Promise<{ ok: true }> {
  const org = await orgOf(ctx, actor, target.orgId, { write: true });
  const pack = packOf(ctx, packId);
  await auditedWrite(ctx, actor, async (trx) => {
    const existing = await getOverride(trx, org.id, pack.id, target.ruleId);
    if (!existing) throw notFound('本组织对该要求的调整');
    await deleteOverride(trx, existing.id);
    return {
      result: null,
      audit: {
        action: 'rule_override.delete', targetType: 'org', targetId: org.id, orgId: org.id,
        summary: { org: org.name, pack: pack.id, rule: existing.rule_id, ruleName: pack.rules.find((r) => r.id === existing.rule_id)?.name, was: stateOf(existing) },
      },
    };
  });
  return { ok: true };
}
