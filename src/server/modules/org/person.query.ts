import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/context.ts';
import { containsText, pageOf } from '../../platform/listQuery.ts';
import { inScope } from '../../platform/scope.ts';
import type { PersonListQueryInput } from './person.schema.ts';

// Person reads with what the list shows beside them: the org's name and whether an account exists.

const SORT_EXPRESSIONS = {
  name: sql`person.name`,
  // NULL sorts first on SQLite and last on PostgreSQL; an empty string sorts the same on both.
  position: sql`coalesce(person.position, '')`,
  org: sql`org.name`,
  createdAt: sql`person.created_at`,
} as const;

function baseQuery(db: Db, actor: Actor) {
  return db.selectFrom('person').innerJoin('org', 'org.id', 'person.org_id').where(inScope('org.path', actor));
}

function selectColumns(q: ReturnType<typeof baseQuery>) {
  return q.select((eb) => [
    'person.id', 'person.org_id', 'org.name as org_name', 'person.name', 'person.position', 'person.phone', 'person.email',
    'person.created_at', 'person.updated_at',
    eb.exists(eb.selectFrom('app_user').select('app_user.id').whereRef('app_user.person_id', '=', 'person.id')).$castTo<SqlBool>().as('has_account'),
  ]);
}

export type PersonListRow = Awaited<ReturnType<ReturnType<typeof selectColumns>['execute']>>[number];

export function findPersonRow(db: Db, actor: Actor, id: string): Promise<PersonListRow | undefined> {
  return selectColumns(baseQuery(db, actor)).where('person.id', '=', id).executeTakeFirst();
}

/**
 * People in the actor's scope, optionally narrowed to one org (`org.exact`) or its subtree, with a
 * search over name and position. The caller has checked that `org` lies in scope.
 */
export async function listPeopleRows(
  db: Db,
  actor: Actor,
  query: PersonListQueryInput,
  org: { id: string; path: string; exact: boolean } | null,
): Promise<{ rows: PersonListRow[]; total: number }> {
  let q = baseQuery(db, actor);
  if (org) q = org.exact ? q.where('person.org_id', '=', org.id) : q.where('org.path', 'like', `${org.path}%`);
  if (query.q) q = q.where((eb) => eb.or([containsText('person.name', query.q!), containsText('person.position', query.q!)]));
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const { limit, offset } = pageOf(query);
  const rows = await selectColumns(q)
    .orderBy(SORT_EXPRESSIONS[query.sort], query.order)
    .orderBy('person.name')
    .orderBy('person.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(n) };
}
