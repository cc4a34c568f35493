import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ReportSort } from './report.schema.ts';
import type { ReportDraftTable, ReportGenerationTable, ReportVersionTable } from './report.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// Drafts, their generations and versions. A draft is read through its org: one outside the
// caller's subtree is not there. Names of the people who acted come along for display.

export async function insertDraft(trx: Executor, row: ReportDraftTable): Promise<void> {
  await trx.insertInto('report_draft').values(row).execute();
}

export async function insertGeneration(trx: Executor, row: ReportGenerationTable): Promise<void> {
  await trx.insertInto('report_generation').values(row).execute();
}

export async function insertVersion(trx: Executor, row: ReportVersionTable): Promise<void> {
  await trx.insertInto('report_version').values(row).execute();
}

export async function updateDraft(trx: Executor, id: string, patch: Partial<Omit<ReportDraftTable, 'id'>>): Promise<void> {
  await trx.updateTable('report_draft').set(patch).where('id', '=', id).execute();
}

/**
 * Moves a draft on only from the state it was read in (status and version): 0 when someone else
 * changed it meanwhile. On PostgreSQL the row lock makes a concurrent writer wait and then miss.
 */
export async function updateDraftFrom(trx: Executor, id: string, from: { status: string; version: number }, patch: Partial<Omit<ReportDraftTable, 'id'>>): Promise<number> {
  const result = await trx.updateTable('report_draft').set(patch).where('id', '=', id).where('status', '=', from.status).where('current_version', '=', from.version).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function draftStatus(trx: Executor, id: string) {
  return trx.selectFrom('report_draft').select(['status', 'current_version']).where('id', '=', id).executeTakeFirst();
}

const draftsWithNames = (db: Executor) =>
  db
    .selectFrom('report_draft')
    .innerJoin('org', 'org.id', 'report_draft.org_id')
    .leftJoin('app_user as creator', 'creator.id', 'report_draft.created_by')
    .leftJoin('app_user as approver', 'approver.id', 'report_draft.approved_by')
    .leftJoin('app_user as submitter', 'submitter.id', 'report_draft.submitted_by')
    .selectAll('report_draft')
    .select([
      'org.name as org_name', 'org.path as org_path', 'creator.display_name as created_by_name', 'approver.display_name as approved_by_name',
      'submitter.display_name as submitted_by_name',
    ]);

export function getDraftInScope(db: Executor, id: string, scopePath: string) {
  return draftsWithNames(db).where('report_draft.id', '=', id).where('org.path', 'like', `${scopePath}%`).executeTakeFirst();
}

export type DraftRow = NonNullable<Awaited<ReturnType<typeof getDraftInScope>>>;

export interface DraftFilter {
  scopePath: string;
  packId?: string;
  status?: string;
  kind?: string;
  /** Reports whose period starts in this year. */
  year?: number;
}

/**
 * What each sort orders by. Status goes in the order a report moves (draft, approved, submitted),
 * not alphabetically; names and titles compare as the database's collation does, like every list.
 */
const SORT_KEYS = {
  period: sql`report_draft.period_from`,
  updatedAt: sql`report_draft.updated_at`,
  createdAt: sql`report_draft.created_at`,
  title: sql`report_draft.title`,
  org: sql`org.name`,
  status: sql`case report_draft.status when 'draft' then 0 when 'approved' then 1 else 2 end`,
} satisfies Record<ReportSort, unknown>;

/**
 * One page of the drafts of a subtree, in the order asked (by default the latest period first).
 * Ties fall back to the latest period, the latest drafted and the id, so that pages neither skip
 * nor repeat a report on both databases.
 */
export async function listDraftRows(
  db: Executor,
  f: DraftFilter,
  page: { limit: number; offset: number; sort?: ReportSort; order?: 'asc' | 'desc' },
): Promise<{ rows: DraftRow[]; total: number }> {
  let q = draftsWithNames(db).where('org.path', 'like', `${f.scopePath}%`);
  if (f.packId) q = q.where('report_draft.pack_id', '=', f.packId);
  if (f.status) q = q.where('report_draft.status', '=', f.status);
  if (f.kind) q = q.where('report_draft.kind', '=', f.kind);
  if (f.year) q = q.where('report_draft.period_from', '>=', `${f.year}-01-01`).where('report_draft.period_from', '<=', `${f.year}-12-31`);
  const { n } = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(SORT_KEYS[page.sort ?? 'period'], page.order ?? 'desc')
    .orderBy('report_draft.period_from', 'desc')
    .orderBy('report_draft.created_at', 'desc')
    .orderBy('report_draft.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(n) };
}

export function versionList(db: Executor, draftId: string) {
  return db
    .selectFrom('report_version')
    .leftJoin('app_user', 'app_user.id', 'report_version.created_by')
    .select(['report_version.n', 'report_version.generation', 'report_version.note', 'report_version.created_at', 'app_user.display_name as created_by_name'])
    .where('report_version.draft_id', '=', draftId)
    .orderBy('report_version.n')
    .execute();
}

export function getVersion(db: Executor, draftId: string, n: number) {
  return db.selectFrom('report_version').selectAll().where('draft_id', '=', draftId).where('n', '=', n).executeTakeFirst();
}

export function getGeneration(db: Executor, draftId: string, n: number) {
  return db.selectFrom('report_generation').selectAll().where('draft_id', '=', draftId).where('n', '=', n).executeTakeFirst();
}

export async function lastGeneration(db: Executor, draftId: string): Promise<number> {
  const row = await db.selectFrom('report_generation').select((eb) => eb.fn.max('n').as('n')).where('draft_id', '=', draftId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Submitted drafts of a kind whose period lies in [from, to], of the orgs in the subtree. */
export function submittedDrafts(db: Executor, q: { scopePath: string; kind: string; from: string; to: string }) {
  return db
    .selectFrom('report_draft')
    .innerJoin('org', 'org.id', 'report_draft.org_id')
    .leftJoin('app_user as submitter', 'submitter.id', 'report_draft.submitted_by')
    .select([
      'report_draft.id', 'report_draft.org_id', 'report_draft.title', 'report_draft.submitted_version', 'report_draft.submitted_at', 'report_draft.submitted_record_id',
      'submitter.display_name as submitted_by_name',
    ])
    .where('org.path', 'like', `${q.scopePath}%`)
    .where('report_draft.status', '=', 'submitted')
    .where('report_draft.kind', '=', q.kind)
    .where('report_draft.period_from', '>=', q.from)
    .where('report_draft.period_to', '<=', q.to)
    .orderBy('report_draft.submitted_at')
    .execute();
}

/** Which of these orgs lie in the subtree at `scopePath`. */
export async function orgIdsInScope(db: Executor, ids: readonly string[], scopePath: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org').select('id').where('id', 'in', [...new Set(ids)]).where('path', 'like', `${scopePath}%`).execute();
  return new Set(rows.map((r) => r.id));
}
