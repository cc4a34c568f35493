import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, Dialect } from '../../db/database.ts';
import { likeContains } from '../../platform/listQuery.ts';
import type { RecordSort } from './record.schema.ts';
import type { RecordRow } from './record.table.ts';
import { broadSearch, countPlan, executePlanned, pagePlan } from './recordPlan.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

// Record reads for the list, the export and the detail. The list must stay fast on millions of
// rows: the WHERE clause uses only record columns covered by the indexes (pack, type, org, date,
// live), names are resolved afterwards for the page alone, and the org table is joined only when
// sorting by org name.

/** Which orgs' records: every org (the actor sees the whole tree), or a list of ids. */
export type OrgFilter = { all: true } | { ids: readonly string[] };

export interface RecordFilter {
  packId: string;
  typeId?: string;
  orgs: OrgFilter;
  from?: string;
  to?: string;
  /** Lower-cased search text (matched literally, LIKE wildcards escaped). */
  q?: string;
  includeDeleted: boolean;
}

const SORT_COLUMNS = {
  occurredOn: 'record.occurred_on',
  title: 'record.title',
  org: 'org.name',
  createdAt: 'record.created_at',
  updatedAt: 'record.updated_at',
} as const satisfies Record<RecordSort, string>;

function filtered(db: Executor, f: RecordFilter) {
  let q = db.selectFrom('record').where('record.pack_id', '=', f.packId);
  if (f.typeId) q = q.where('record.type_id', '=', f.typeId);
  if ('ids' in f.orgs) q = q.where('record.org_id', 'in', f.orgs.ids.length > 0 ? f.orgs.ids : ['']);
  if (f.from) q = q.where('record.occurred_on', '>=', f.from);
  if (f.to) q = q.where('record.occurred_on', '<=', f.to);
  // search_text is stored lower-cased, so the column needs no lower() and stays cheap to scan.
  if (f.q) q = q.where(sql<boolean>`record.search_text like ${likeContains(f.q)} escape '\\'`);
  if (!f.includeDeleted) q = q.where('record.deleted_at', 'is', null);
  return q;
}

/** Every matching record, counted (the export's audit entry states how many rows it wrote). */
export async function countRecords(db: Executor, dialect: Dialect, f: RecordFilter): Promise<number> {
  const [row] = await executePlanned(db, dialect, filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')), countPlan(f));
  return Number(row?.n ?? 0);
}

/** How far the list counts: beyond it the list says "more than 10000" instead of counting on. */
export const LIST_COUNT_CAP = 10_000;

/**
 * The list's total, counted up to `cap`: a count over at most `cap + 1` matching rows, so that the
 * whole tree's million records cost no more to count than ten thousand. `capped` says there are
 * more than `cap` (and `total` is then `cap`).
 */
export async function countRecordsCapped(db: Executor, dialect: Dialect, f: RecordFilter, cap = LIST_COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const first = filtered(db, f).select(sql<number>`1`.as('one')).limit(cap + 1).as('first');
  const [row] = await executePlanned(db, dialect, db.selectFrom(first).select((eb) => eb.fn.countAll<number>().as('n')), countPlan(f));
  const n = Number(row?.n ?? 0);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** An upper bound of the record table's rows, read off the end of the rowid b-tree (SQLite only). */
export async function sqliteTableRows(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`select max(rowid) as n from record`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface RecordPage {
  sort: RecordSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * One page of records; ties broken by creation time and id so that pages never overlap. `total` (the
 * count of the same filter, capped or not) tells the SQLite plan how many rows there are to sort.
 */
export async function listRecordRows(db: Executor, dialect: Dialect, f: RecordFilter, page: RecordPage, total: number): Promise<RecordRow[]> {
  const base = filtered(db, f);
  const q = page.sort === 'org' ? base.innerJoin('org', 'org.id', 'record.org_id') : base;
  // An expression rather than the column, so that no index can drive the order (see broadSearch).
  const key = page.sort === 'occurredOn' && broadSearch(f) ? sql`record.occurred_on || ''` : sql.ref(SORT_COLUMNS[page.sort]);
  const query = q
    .selectAll('record')
    .orderBy(key, page.order)
    .orderBy('record.created_at', page.order)
    .orderBy('record.id', page.order)
    .limit(page.limit)
    .offset(page.offset);
  // The plan weighs the matches against the table's size only where it has a choice to make.
  const tableRows = dialect === 'sqlite' && 'ids' in f.orgs && page.sort === 'occurredOn' ? await sqliteTableRows(db) : 0;
  return executePlanned(db, dialect, query, pagePlan(f, page, { total, tableRows }));
}

/**
 * Every matching record of one type in date order, `batch` at a time (keyset pagination on date and
 * id, so a long export neither skips nor repeats rows and never holds them all in memory).
 */
export async function* streamRecordRows(db: Executor, f: RecordFilter & { typeId: string }, batch = 1000): AsyncGenerator<RecordRow[]> {
  let after: { occurredOn: string; id: string } | null = null;
  for (;;) {
    let q = filtered(db, f).selectAll('record');
    if (after) {
      const { occurredOn, id } = after;
      q = q.where((eb) => eb.or([eb('record.occurred_on', '>', occurredOn), eb.and([eb('record.occurred_on', '=', occurredOn), eb('record.id', '>', id)])]));
    }
    const rows = await q.orderBy('record.occurred_on').orderBy('record.id').limit(batch).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1)!;
    after = { occurredOn: last.occurred_on, id: last.id };
    if (rows.length < batch) return;
  }
}

/** Record types that have matching records, for an export without a type filter. */
export async function typesWithRecords(db: Executor, f: RecordFilter): Promise<string[]> {
  const rows = await filtered(db, f).select('record.type_id').distinct().execute();
  return rows.map((r) => r.type_id);
}

export type ScopedRecordRow = RecordRow & { org_path: string; org_kind: string; org_name: string };

/** A record with its org's path, kind and name, only when that org lies inside `scopePath`. */
export function getRecordInScope(db: Executor, id: string, scopePath: string): Promise<ScopedRecordRow | undefined> {
  return db
    .selectFrom('record')
    .innerJoin('org', 'org.id', 'record.org_id')
    .selectAll('record')
    .select(['org.path as org_path', 'org.kind as org_kind', 'org.name as org_name'])
    .where('record.id', '=', id)
    .where('org.path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}
