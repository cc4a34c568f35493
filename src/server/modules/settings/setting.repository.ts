import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_POLICY, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { type Database, fromJson, toJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export async function getSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row ? fromJson<T>(row.value) : undefined;
}

export async function putSetting(db: Executor, key: string, value: unknown, userId: string | null): Promise<void> {
  const row = { key, value: toJson(value), updated_at: nowIso(), updated_by: userId };
  await db
    .insertInto('setting')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: userId }))
    .execute();
}

export const POLICY_KEY = 'security.policy';

/** The security policy in force: defaults overlaid with what the security administrator saved. */
export async function getPolicy(db: Executor): Promise<SecurityPolicy> {
  const saved = await getSetting<Partial<SecurityPolicy>>(db, POLICY_KEY);
  return { ...DEFAULT_POLICY, ...saved };
}
