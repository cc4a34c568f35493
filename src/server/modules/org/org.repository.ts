import { type Kysely, sql, type Transaction } from 'kysely';
import { childPath } from '../../../core/org/path.ts';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { OrgRow } from './org.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export function getOrg(db: Executor, id: string): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An org only if it lies inside the subtree at `scopePath`; otherwise undefined (callers answer 404). */
export function getOrgInScope(db: Executor, id: string, scopePath: string): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('id', '=', id).where('path', 'like', `${scopePath}%`).executeTakeFirst();
}

export async function insertOrg(
  db: Executor,
  input: { name: string; kind: string; parent: Pick<OrgRow, 'id' | 'path'> | null; code?: string | null; sortOrder?: number },
): Promise<OrgRow> {
  const id = newId();
  const at = nowIso();
  const row = {
    id,
    parent_id: input.parent?.id ?? null,
    path: childPath(input.parent?.path ?? null, id),
    name: input.name,
    kind: input.kind,
    code: input.code ?? null,
    sort_order: input.sortOrder ?? 0,
    deactivated_at: null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('org').values(row).execute();
  return row;
}

/** Every org in the subtree at `scopePath`, shallow levels first, then by sort order and name. */
export function listOrgsInSubtree(db: Executor, scopePath: string, opts: { includeInactive: boolean }): Promise<OrgRow[]> {
  let q = db.selectFrom('org').selectAll().where('path', 'like', `${scopePath}%`);
  if (!opts.includeInactive) q = q.where('deactivated_at', 'is', null);
  // Depth is the number of slashes: the same expression on SQLite and PostgreSQL.
  return q
    .orderBy(sql`length(path) - length(replace(path, '/', ''))`)
    .orderBy('sort_order')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function getOrgsByIds(db: Executor, ids: readonly string[]): Promise<Pick<OrgRow, 'id' | 'name' | 'path'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org').select(['id', 'name', 'path']).where('id', 'in', ids).execute();
}

export function findOrgByCode(db: Executor, code: string): Promise<Pick<OrgRow, 'id'> | undefined> {
  return db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirst();
}

/** A child of `parentId` named `name` (active or not), other than `exceptId`. */
export function findSiblingByName(db: Executor, parentId: string, name: string, exceptId?: string): Promise<Pick<OrgRow, 'id'> | undefined> {
  let q = db.selectFrom('org').select('id').where('parent_id', '=', parentId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** One past the largest sort order among the children of `parentId`: new orgs go last. */
export async function nextSortOrder(db: Executor, parentId: string): Promise<number> {
  const row = await db
    .selectFrom('org')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('parent_id', '=', parentId)
    .executeTakeFirst();
  return row?.max == null ? 1 : Number(row.max) + 1;
}

export async function countOrgChildren(db: Executor, id: string): Promise<{ children: number; people: number }> {
  const children = await db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  const people = await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', id).executeTakeFirstOrThrow();
  return { children: Number(children.n), people: Number(people.n) };
}

export async function updateOrgFields(
  db: Executor,
  id: string,
  fields: { name?: string; kind?: string; code?: string | null; sortOrder?: number },
): Promise<void> {
  await db
    .updateTable('org')
    .set({
      ...(fields.name !== undefined && { name: fields.name }),
      ...(fields.kind !== undefined && { kind: fields.kind }),
      ...(fields.code !== undefined && { code: fields.code }),
      ...(fields.sortOrder !== undefined && { sort_order: fields.sortOrder }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Re-parents `org` and rewrites the path of its whole subtree in one statement: every path under
 * the old prefix gets the new prefix. `||` and `substr` behave alike on SQLite and PostgreSQL.
 */
export async function moveSubtree(trx: Transaction<Database>, org: Pick<OrgRow, 'id' | 'path'>, newParent: Pick<OrgRow, 'id' | 'path'>): Promise<number> {
  const newPrefix = childPath(newParent.path, org.id);
  const at = nowIso();
  await trx.updateTable('org').set({ parent_id: newParent.id }).where('id', '=', org.id).execute();
  const result = await trx
    .updateTable('org')
    .set({ path: sql<string>`cast(${newPrefix} as text) || substr(path, ${org.path.length + 1})`, updated_at: at })
    .where('path', 'like', `${org.path}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Stops every still-active org in the subtree at `path`; returns how many changed. */
export async function deactivateSubtree(trx: Transaction<Database>, path: string): Promise<number> {
  const at = nowIso();
  const result = await trx
    .updateTable('org')
    .set({ deactivated_at: at, updated_at: at })
    .where('path', 'like', `${path}%`)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function reactivateOrg(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.updateTable('org').set({ deactivated_at: null, updated_at: nowIso() }).where('id', '=', id).execute();
}
