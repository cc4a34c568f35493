import type { Db } from '../../db/database.ts';

/** Set-up is done once the top organization exists. */
export async function isSetupDone(db: Db): Promise<boolean> {
  const row = await db.selectFrom('org').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
