import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The overrides of `packId` stored on any of `orgIds`, with their org's name and path. Callers pass
 * the ids of the orgs they evaluate and of all their ancestors.
 */
export function overridesOnOrgs(db: Executor, packId: string, orgIds: readonly string[]) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rule_override')
    .innerJoin('org', 'org.id', 'rule_override.org_id')
    .select([
      'rule_override.id', 'rule_override.org_id', 'rule_override.rule_id', 'rule_override.min', 'rule_override.enabled',
      'rule_override.reason', 'rule_override.updated_at', 'org.name as org_name', 'org.path as org_path',
    ])
    .where('rule_override.pack_id', '=', packId)
    .where('rule_override.org_id', 'in', [...orgIds])
    .execute();
}

export type OverrideOnOrgRow = Awaited<ReturnType<typeof overridesOnOrgs>>[number];

export function getOverride(db: Executor, orgId: string, packId: string, ruleId: string) {
  return db
    .selectFrom('rule_override')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pack_id', '=', packId)
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
}

/** Creates or replaces the override of one rule on one org. */
export async function upsertOverride(
  db: Executor,
  input: { orgId: string; packId: string; ruleId: string; min: number | null; enabled: boolean; reason: string; userId: string | null },
): Promise<void> {
  const at = nowIso();
  const values = { min: input.min, enabled: input.enabled ? 1 : 0, reason: input.reason, updated_at: at };
  await db
    .insertInto('rule_override')
    .values({ id: newId(), org_id: input.orgId, pack_id: input.packId, rule_id: input.ruleId, created_by: input.userId, created_at: at, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'pack_id', 'rule_id']).doUpdateSet(values))
    .execute();
}

export async function deleteOverride(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('rule_override').where('id', '=', id).execute();
}
