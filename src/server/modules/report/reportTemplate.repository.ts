import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ReportTemplateTable } from './report.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// Stored report templates, always read through the org they belong to: an id outside the
// caller's subtree is not there.

export async function insertTemplate(trx: Executor, row: ReportTemplateTable): Promise<void> {
  await trx.insertInto('report_template').values(row).execute();
}

const withOrg = (db: Executor) =>
  db.selectFrom('report_template').innerJoin('org', 'org.id', 'report_template.org_id').selectAll('report_template').select('org.name as org_name');

/** A pack's stored templates of every org in the subtree at `scopePath`, newest first. */
export function listTemplateRows(db: Executor, q: { packId: string; scopePath: string }) {
  return withOrg(db)
    .where('report_template.pack_id', '=', q.packId)
    .where('org.path', 'like', `${q.scopePath}%`)
    .orderBy('report_template.created_at', 'desc')
    .orderBy('report_template.id')
    .execute();
}

export function getTemplateInScope(db: Executor, id: string, scopePath: string) {
  return withOrg(db).where('report_template.id', '=', id).where('org.path', 'like', `${scopePath}%`).executeTakeFirst();
}

export type StoredTemplateRow = NonNullable<Awaited<ReturnType<typeof getTemplateInScope>>>;

export async function deleteTemplateRow(trx: Executor, id: string): Promise<void> {
  await trx.deleteFrom('report_template').where('id', '=', id).execute();
}
