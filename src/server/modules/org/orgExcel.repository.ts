import type { Transaction } from 'kysely';
import type { ExistingOrg, ExistingPerson, ImportPlan, OrgRef } from '../../../core/org/importTypes.ts';
import type { Database, Db } from '../../db/database.ts';
import type { Actor } from '../../platform/context.ts';
import type { FieldKeys } from '../../platform/crypto.ts';
import { inScope } from '../../platform/scope.ts';
import { getOrg, insertOrg, listOrgsInSubtree, nextSortOrder, updateOrgFields } from './org.repository.ts';
import type { OrgRow } from './org.table.ts';
import { insertPerson, openContact, updatePerson } from './person.repository.ts';

type Executor = Db | Transaction<Database>;

export async function orgsForImport(db: Executor, actor: Actor): Promise<ExistingOrg[]> {
  const rows = await listOrgsInSubtree(db, actor.orgPath, { includeInactive: true });
  return rows.map((o) => ({
    id: o.id, parentId: o.parent_id, name: o.name, kind: o.kind, code: o.code, sortOrder: Number(o.sort_order), active: o.deactivated_at === null,
  }));
}

/** People in the actor's scope with contact details opened, ordered as the export lists them. */
export async function peopleInScope(db: Executor, keys: FieldKeys, actor: Actor): Promise<ExistingPerson[]> {
  const rows = await db
    .selectFrom('person')
    .innerJoin('org', 'org.id', 'person.org_id')
    .select(['person.id', 'person.org_id', 'person.name', 'person.position', 'person.phone', 'person.email'])
    .where(inScope('org.path', actor))
    .orderBy('person.name')
    .orderBy('person.id')
    .execute();
  return rows.map((p) => ({ id: p.id, orgId: p.org_id, name: p.name, position: p.position, ...openContact(keys, p) }));
}

/** Which of `codes` belong to orgs outside the actor's scope (codes are unique system-wide). */
export async function codesOutsideScope(db: Executor, actor: Actor, codes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  // Chunks keep the IN list well under both databases' bound-parameter limits.
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('org')
      .select('code')
      .where('code', 'in', codes.slice(i, i + 500))
      .where('path', 'not like', `${actor.orgPath}%`)
      .execute();
    rows.forEach((r) => r.code && taken.add(r.code));
  }
  return taken;
}

/** Writes a checked plan: orgs parent-first, then updates, then people. Returns the counts. */
export async function applyImportPlan(trx: Transaction<Database>, keys: FieldKeys, plan: ImportPlan) {
  const created = new Map<number, OrgRow>();
  const existing = new Map<string, OrgRow>();
  const orgOf = async (ref: OrgRef): Promise<OrgRow> => {
    if ('row' in ref) return created.get(ref.row)!;
    const cached = existing.get(ref.existing) ?? (await getOrg(trx, ref.existing))!;
    existing.set(ref.existing, cached);
    return cached;
  };
  for (const c of plan.orgCreates) {
    const parent = await orgOf(c.parent);
    const sortOrder = c.sortOrder ?? (await nextSortOrder(trx, parent.id));
    created.set(c.row, await insertOrg(trx, { name: c.name, kind: c.kind, parent, code: c.code, sortOrder }));
  }
  for (const u of plan.orgUpdates) await updateOrgFields(trx, u.id, { name: u.name, kind: u.kind, sortOrder: u.sortOrder });
  for (const p of plan.personCreates) {
    const org = await orgOf(p.org);
    await insertPerson(trx, keys, { orgId: org.id, name: p.name, position: p.position, phone: p.phone, email: p.email });
  }
  for (const p of plan.personUpdates) await updatePerson(trx, keys, p.id, { position: p.position, phone: p.phone, email: p.email });
  return {
    orgsCreated: plan.orgCreates.length,
    orgsUpdated: plan.orgUpdates.length,
    peopleCreated: plan.personCreates.length,
    peopleUpdated: plan.personUpdates.length,
  };
}
