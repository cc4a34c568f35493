import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { NotificationTable } from './notification.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Inserts notifications; one whose dedupe key exists already is skipped by the database itself
 * (ON CONFLICT DO NOTHING), however many processes try at once. Returns how many were new.
 */
export async function insertNotifications(db: Executor, rows: readonly NotificationTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const result = await db
      .insertInto('notification')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** One page of a user's notifications, newest first, with the total and the unread count. */
export async function listNotifications(db: Executor, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  let q = db.selectFrom('notification').where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const { unread } = await db
    .selectFrom('notification')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .executeTakeFirstOrThrow();
  const items = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute();
  return { items, total: Number(total), unread: Number(unread) };
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markRead(db: Executor, userId: string, id: string): Promise<boolean> {
  const found = await db.selectFrom('notification').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!found) return false;
  if (found.read_at === null) await db.updateTable('notification').set({ read_at: nowIso() }).where('id', '=', id).execute();
  return true;
}

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const result = await db.updateTable('notification').set({ read_at: nowIso() }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
