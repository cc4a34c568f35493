import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { now } from '../../platform/clock.ts';

// Job leases: of several server processes sharing one database, the one holding a job's lease runs
// it. Each step is a single statement, so the database decides between racing processes: the
// insert for a job never run before, or the conditional update taking over an expired lease (or
// renewing one's own). A crashed holder's lease simply runs out.

/** Takes or renews the lease on `name` for `ttlMs`; true when `holder` now holds it. */
export async function acquireLease(db: Kysely<Database>, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const at = now();
  const expires = new Date(at.getTime() + ttlMs).toISOString();
  const inserted = await db
    .insertInto('job_lease')
    .values({ name, holder, expires_at: expires })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const updated = await db
    .updateTable('job_lease')
    .set({ holder, expires_at: expires })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('expires_at', '<', at.toISOString()), eb('holder', '=', holder)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Gives the lease up (clean shutdown), so another process need not wait for it to run out. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_lease').where('name', '=', name).where('holder', '=', holder).execute();
}
