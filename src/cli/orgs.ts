import type { Db } from '../server/db/database.ts';
import { getOrg } from '../server/modules/org/org.repository.ts';
import type { OrgRow } from '../server/modules/org/org.table.ts';
import { CliError } from './io.ts';

/** The top organization (the one without a parent), if set-up has created it. */
export function rootOrg(db: Db): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('parent_id', 'is', null).orderBy('sort_order').orderBy('created_at').executeTakeFirst();
}

/** Resolves an --org argument: an org id, or "root" for the top organization. */
export async function resolveOrg(db: Db, idOrRoot: string): Promise<OrgRow> {
  if (idOrRoot === 'root') {
    const root = await rootOrg(db);
    if (!root) throw new CliError('there is no top organization yet: complete the first-run page or run "lvzhi demo"');
    return root;
  }
  const org = await getOrg(db, idOrRoot);
  if (!org) throw new CliError(`no organization with id "${idOrRoot}" (see "lvzhi org list")`);
  return org;
}
