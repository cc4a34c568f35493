import type { Db } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { containsText, pageOf } from '../../platform/listQuery.ts';
import { inScope } from '../../platform/scope.ts';
import type { AccountDto, AccountListQueryInput } from './account.schema.ts';

const SORT_COLUMNS = {
  username: 'app_user.username',
  displayName: 'app_user.display_name',
  org: 'org.path',
  lastLoginAt: 'app_user.last_login_at',
  createdAt: 'app_user.created_at',
} as const;

function baseQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('app_user')
    .innerJoin('org', 'org.id', 'app_user.org_id')
    .where(inScope('org.path', actor));
}

type AccountRow = {
  id: string; username: string; display_name: string; org_id: string; org_name: string; person_id: string | null;
  locked_until: string | null; disabled_at: string | null; must_change_password: number; last_login_at: string | null; created_at: string;
};

async function present(db: Db, rows: AccountRow[]): Promise<AccountDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = await db.selectFrom('user_role').select(['user_id', 'role']).where('user_id', 'in', ids).orderBy('role').execute();
  const mfa = new Set(
    (await db.selectFrom('user_totp').select('user_id').where('user_id', 'in', ids).where('confirmed_at', 'is not', null).execute()).map((r) => r.user_id),
  );
  const at = nowIso();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgId: r.org_id,
    orgName: r.org_name,
    personId: r.person_id,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role),
    locked: r.locked_until !== null && r.locked_until > at,
    lockedUntil: r.locked_until !== null && r.locked_until > at ? r.locked_until : null,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password === 1,
    mfaEnrolled: mfa.has(r.id),
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
  }));
}

const COLUMNS = [
  'app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.org_id', 'org.name as org_name', 'app_user.person_id',
  'app_user.locked_until', 'app_user.disabled_at', 'app_user.must_change_password', 'app_user.last_login_at', 'app_user.created_at',
] as const;

/** One account within the actor's scope, or undefined. */
export async function findAccountInScope(db: Db, actor: Actor, id: string): Promise<AccountDto | undefined> {
  const rows = await baseQuery(db, actor).select(COLUMNS).where('app_user.id', '=', id).execute();
  return (await present(db, rows))[0];
}

/** Accounts in the actor's scope, filtered, sorted and paged. */
export async function listAccounts(db: Db, actor: Actor, query: AccountListQueryInput): Promise<{ items: AccountDto[]; total: number }> {
  let q = baseQuery(db, actor);
  if (query.q) q = q.where((eb) => eb.or([containsText('app_user.username', query.q!), containsText('app_user.display_name', query.q!)]));
  if (query.orgId) {
    const org = await db.selectFrom('org').select('path').where('id', '=', query.orgId).executeTakeFirst();
    // An org outside scope simply matches nothing: the scope condition above already excludes it.
    q = q.where('org.path', 'like', `${org?.path ?? '/nonexistent/'}%`);
  }
  if (query.role) q = q.where('app_user.id', 'in', db.selectFrom('user_role').select('user_id').where('role', '=', query.role));
  const at = nowIso();
  if (query.status === 'disabled') q = q.where('app_user.disabled_at', 'is not', null);
  if (query.status === 'locked') q = q.where('app_user.locked_until', '>', at);
  if (query.status === 'active') {
    q = q.where('app_user.disabled_at', 'is', null).where((eb) => eb.or([eb('app_user.locked_until', 'is', null), eb('app_user.locked_until', '<=', at)]));
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const { limit, offset } = pageOf(query);
  const rows = await q
    .select(COLUMNS)
    .orderBy(SORT_COLUMNS[query.sort], query.order)
    .orderBy('app_user.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: await present(db, rows), total: Number(n) };
}
