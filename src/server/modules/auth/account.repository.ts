import type { Kysely, Transaction } from 'kysely';
import { checkRoleSet } from '../../../core/auth/roles.ts';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeUsername } from './user.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface NewAccount {
  username: string;
  displayName: string;
  orgId: string;
  personId?: string | null;
  /** Already hashed: hashing is slow and must not run inside a transaction. */
  passwordHash: string;
  mustChangePassword: boolean;
  roles?: string[];
  grantedBy?: string | null;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Inserts an account with its first password in the history and its roles (separation checked). */
export async function insertAccount(db: Executor, input: NewAccount): Promise<string> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) {
    throw unprocessable('BAD_USERNAME', '用户名须为2-32位小写字母、数字或 . _ -，且以字母或数字开头', 'username');
  }
  const roleError = checkRoleSet(input.roles ?? []);
  if (roleError) throw unprocessable('ROLE_SEPARATION', roleError, 'roles');
  const taken = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw conflict('USERNAME_TAKEN', `用户名“${username}”已被使用`, 'username');
  const id = newId();
  const at = nowIso();
  await db
    .insertInto('app_user')
    .values({
      id, username, display_name: input.displayName, org_id: input.orgId, person_id: input.personId ?? null,
      password_hash: input.passwordHash, must_change_password: input.mustChangePassword ? 1 : 0, password_changed_at: at,
      failed_logins: 0, locked_until: null, last_login_at: null, disabled_at: null, created_at: at, updated_at: at,
    })
    .execute();
  await db.insertInto('password_history').values({ id: newId(), user_id: id, password_hash: input.passwordHash, created_at: at }).execute();
  await replaceRoles(db, id, input.roles ?? [], input.grantedBy ?? null);
  return id;
}

/** Replaces an account's roles. The caller has checked the set with checkRoleSet. */
export async function replaceRoles(db: Executor, userId: string, roles: string[], grantedBy: string | null): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  const at = nowIso();
  await db.insertInto('user_role').values(roles.map((role) => ({ user_id: userId, role, granted_by: grantedBy, granted_at: at }))).execute();
}
