import { CompiledQuery, type Compilable } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { Executor, RecordFilter, RecordPage } from './record.query.ts';

// How SQLite should read the record table for a list, decided here instead of by its planner.
// Measured on 1,000,000 records: without statistics SQLite walks a partial index and fetches every
// row for a text search (seconds where a table scan takes a quarter of one); with ANALYZE statistics
// it scans the table to count what an index answers in a tenth of the time. Neither is acceptable
// for a list that must answer within 50 ms, so the list names its index (INDEXED BY). PostgreSQL
// plans these queries well from its own statistics and gets no hint.

/**
 * Partial indexes over live rows (date: migration 2026_11_29_000003_compliance; org and type:
 * 2026_11_29_000004_ledger_extra), and the indexes of 2026_11_29_000002_ledger over every row.
 */
const INDEX = {
  date: 'record_live_date_idx', org: 'record_live_org_idx', type: 'record_live_type_idx',
  allByOrg: 'record_org_date_idx', allByType: 'record_aggregate_idx',
} as const;

/** An index to read through, or a plain table scan. */
export type ReadPlan = { index: (typeof INDEX)[keyof typeof INDEX] } | { scan: true };

/**
 * What reading an org set's newest records off the date index costs against gathering all its
 * matches by org and sorting them, in index entries per row: measured on 1,000,000 records, an index
 * entry passed costs about 0.09 µs, a row gathered and sorted 2.4 µs.
 */
const ENTRIES_PER_ROW = 25;

/** How many rows match (the list's count, capped or not), and an upper bound of the table's rows. */
export interface PlanSizes {
  total: number;
  tableRows: number;
}

/**
 * Whether to walk the date index (newest first) for an org set rather than gather its matches. The
 * walk passes about (offset + limit) × tableRows / total entries when the matches are spread over
 * the dates; gathering reads and sorts `total` rows. A small unit is gathered (the walk would pass
 * most of the table to fill a page); a district's year, or a unit's first pages, are walked.
 */
function walkDateIndex(page: Pick<RecordPage, 'offset' | 'limit'>, { total, tableRows }: PlanSizes): boolean {
  return (page.offset + page.limit) * tableRows < ENTRIES_PER_ROW * total * total;
}

/**
 * Whether a text search must look at most of the table anyway (no narrowing filter). Then sorting
 * the matches beats walking the date index past every row that does not match, on both databases
 * (PostgreSQL, expecting a match every few rows, walks the index and takes seconds for a rare word).
 */
export const broadSearch = (f: RecordFilter) => f.q !== undefined && 'all' in f.orgs && !f.from && !f.to;

/** Tombstones are in no partial index: a list that shows them uses the indexes over all rows. */
function withTombstones(f: RecordFilter): ReadPlan {
  if ('ids' in f.orgs) return { index: INDEX.allByOrg };
  return f.typeId ? { index: INDEX.allByType } : { scan: true };
}

/** The index that narrows the filter most: the org list, else the type, else the date. */
function narrowest(f: RecordFilter): ReadPlan {
  if ('ids' in f.orgs) return { index: INDEX.org };
  if (f.typeId) return { index: INDEX.type };
  return { index: INDEX.date };
}

export function countPlan(f: RecordFilter): ReadPlan {
  if (broadSearch(f)) return { scan: true };
  return f.includeDeleted ? withTombstones(f) : narrowest(f);
}

export function pagePlan(f: RecordFilter, page: Pick<RecordPage, 'sort' | 'offset' | 'limit'>, sizes: PlanSizes): ReadPlan {
  if (broadSearch(f)) return { scan: true };
  if (f.includeDeleted) return withTombstones(f);
  if (page.sort === 'occurredOn') {
    // Newest first straight off an index; a small set is cheaper to gather by org and sort.
    if ('all' in f.orgs) return { index: f.typeId ? INDEX.type : INDEX.date };
    return walkDateIndex(page, sizes) ? { index: INDEX.date } : { index: INDEX.org };
  }
  // Other orders sort the matching rows: gather them as narrowly as the filter allows.
  if ('all' in f.orgs && !f.typeId && !f.from && !f.to) return { scan: true };
  return narrowest(f);
}

/**
 * Runs a record query, on SQLite through the planned index: the compiled statement's `from
 * "record"` gets its INDEXED BY / NOT INDEXED clause (Kysely has no syntax for it).
 */
export async function executePlanned<R>(db: Executor, dialect: Dialect, query: Compilable<R>, plan: ReadPlan): Promise<R[]> {
  const compiled = query.compile();
  if (dialect !== 'sqlite') return (await db.executeQuery(compiled)).rows;
  const clause = 'scan' in plan ? 'not indexed' : `indexed by "${plan.index}"`;
  const text = compiled.sql.replace('from "record"', `from "record" ${clause}`);
  return (await db.executeQuery<R>(CompiledQuery.raw(text, [...compiled.parameters]))).rows;
}
