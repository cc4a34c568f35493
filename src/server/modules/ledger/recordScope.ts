import type { Db } from '../../db/database.ts';
import type { OrgFilter } from './record.query.ts';

/**
 * The orgs whose records a list shows: the org alone, or its subtree. A subtree holding every org
 * (a user at the top) needs no filter at all, which lets the database walk its date index instead
 * of gathering rows org by org.
 */
export async function orgFilterFor(db: Db, org: { id: string; path: string }, subtree: boolean): Promise<OrgFilter> {
  if (!subtree) return { ids: [org.id] };
  const [under, all] = await Promise.all([
    db.selectFrom('org').select('id').where('path', 'like', `${org.path}%`).execute(),
    db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return under.length === Number(all.n) ? { all: true } : { ids: under.map((o) => o.id) };
}
