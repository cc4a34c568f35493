import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { UserRow } from './user.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Usernames are case-insensitive: stored and looked up in lower case. */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', normalizeUsername(username)).executeTakeFirst();
}

export async function rolesOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function recentPasswordHashes(db: Executor, userId: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
