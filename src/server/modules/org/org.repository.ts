import type { Kysely, Transaction } from 'kysely';
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
