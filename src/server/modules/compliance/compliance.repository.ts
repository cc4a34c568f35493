import { type Kysely, sql, type Transaction } from 'kysely';
import type { BucketRow, CountSpec } from '../../../core/compliance/counts.ts';
import type { FieldDef } from '../../../core/pack/schema.ts';
import type { Database, Dialect } from '../../db/database.ts';
import { bucketSql, conditionsSql, matchRecords, type RecordMatch, type RecordScope } from './recordFilter.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AggregateQuery {
  packId: string;
  scope: RecordScope;
  /** occurred_on range, inclusive. */
  from: string;
  to: string;
  bucket: 'month' | 'week';
  /** Restrict to these record types (the weekly rules' types); omitted: every type of the pack. */
  typeIds?: readonly string[];
  /** One conditional count per spec, aligned with BucketRow.matched. */
  specs: readonly CountSpec[];
  fieldsOf: (typeId: string) => readonly FieldDef[];
}

/** Bits of one record type's filters in the mask column: 30 fit a 32-bit integer on both databases. */
const MAX_FILTERS_PER_TYPE = 30;

/**
 * Counts records per (org, type, month or ISO week) in one pass over `record`. An inner query gives
 * each record its bucket and a bit mask of the filters it matches — only its own type's filters, as
 * a group holds one type — and the outer query counts per (org, type, bucket, mask); the counts per
 * filter are summed here from the masks. Measured on 1M records, this beats one conditional sum per
 * filter by a third: the GROUP BY sorter carries one small integer per record and no aggregate
 * arguments. On SQLite `limit -1` keeps the inner query from being merged into the outer one.
 */
export async function aggregateBuckets(db: Executor, dialect: Dialect, q: AggregateQuery): Promise<BucketRow[]> {
  const byType = new Map<string, number[]>();
  q.specs.forEach((spec, i) => byType.set(spec.typeId, [...(byType.get(spec.typeId) ?? []), i]));
  const whens = [...byType].map(([typeId, indexes]) => {
    if (indexes.length > MAX_FILTERS_PER_TYPE) throw new Error(`record type ${typeId} has more than ${MAX_FILTERS_PER_TYPE} distinct rule filters`);
    const bits = indexes.map((i, bit) => sql`(case when ${conditionsSql(dialect, q.specs[i]!.where, q.fieldsOf(typeId))} then ${sql.lit(2 ** bit)} else 0 end)`);
    return sql`when record.type_id = ${typeId} then ${sql.join(bits, sql` + `)}`;
  });
  const mask = whens.length === 0 ? sql<number>`0` : sql<number>`case ${sql.join(whens, sql` `)} else 0 end`;
  let inner = db
    .selectFrom('record')
    .where(matchRecords(dialect, { packId: q.packId, scope: q.scope, from: q.from, to: q.to, typeIds: q.typeIds }))
    .select(['record.org_id', 'record.type_id', bucketSql(dialect, q.bucket).as('bucket'), mask.as('mask')]);
  if (dialect === 'sqlite') inner = inner.limit(-1);
  const rows = await db
    .selectFrom(inner.as('r'))
    .select(['r.org_id', 'r.type_id', 'r.bucket', 'r.mask', sql<number>`count(*)`.as('n')])
    .groupBy(['r.org_id', 'r.type_id', 'r.bucket', 'r.mask'])
    // Free on SQLite (its GROUP BY already yields this order), cheap on PostgreSQL: rows of one
    // bucket arrive together and fold into it without a lookup table.
    .orderBy('r.org_id')
    .orderBy('r.type_id')
    .orderBy('r.bucket')
    .execute();
  return foldMasks(rows, byType);
}

/** Sums (org, type, bucket, mask) counts into one row per bucket with a count per filter. */
function foldMasks(rows: readonly { org_id: string; type_id: string; bucket: string; mask: number; n: number }[], byType: ReadonlyMap<string, number[]>): BucketRow[] {
  const out: BucketRow[] = [];
  let last: (BucketRow & { matched: number[] }) | null = null;
  for (const row of rows) {
    if (!last || last.bucket !== row.bucket || last.typeId !== row.type_id || last.orgId !== row.org_id) {
      // `matched` stays sparse: only the bucket's own type's filters can match (a hole reads as 0).
      last = { orgId: row.org_id, typeId: row.type_id, bucket: row.bucket, total: 0, matched: [] };
      out.push(last);
    }
    const n = Number(row.n);
    const mask = Number(row.mask);
    last.total += n;
    if (mask === 0) continue;
    const indexes = byType.get(row.type_id)!;
    for (let bit = 0; bit < indexes.length; bit++) {
      if (mask & (2 ** bit)) last.matched[indexes[bit]!] = (last.matched[indexes[bit]!] ?? 0) + n;
    }
  }
  return out;
}

/** Whether `orgId` is the one top org, so that its subtree is every org there is. */
export async function isSoleRoot(db: Executor, orgId: string): Promise<boolean> {
  const roots = await db.selectFrom('org').select('id').where('parent_id', 'is', null).limit(2).execute();
  return roots.length === 1 && roots[0]!.id === orgId;
}

export interface RecordSummaryRow {
  id: string;
  title: string;
  occurred_on: string;
  type_id: string;
  org_id: string;
  org_name: string;
}

/** One page of the records matching `match`, oldest first, with the total. */
export async function listMatchingRecords(
  db: Executor,
  dialect: Dialect,
  match: RecordMatch,
  page: { limit: number; offset: number },
): Promise<{ items: RecordSummaryRow[]; total: number }> {
  const where = matchRecords(dialect, match);
  const { n } = await db.selectFrom('record').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('record')
    .innerJoin('org', 'org.id', 'record.org_id')
    .where(where)
    .select(['record.id', 'record.title', 'record.occurred_on', 'record.type_id', 'record.org_id', 'org.name as org_name'])
    .orderBy('record.occurred_on')
    .orderBy('record.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items, total: Number(n) };
}

/** Summaries of the records `ids`, oldest first (one page of a provenance list). */
export function recordSummaries(db: Executor, ids: readonly string[]): Promise<RecordSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('record')
    .innerJoin('org', 'org.id', 'record.org_id')
    .where('record.id', 'in', [...ids])
    .select(['record.id', 'record.title', 'record.occurred_on', 'record.type_id', 'record.org_id', 'org.name as org_name'])
    .orderBy('record.occurred_on')
    .orderBy('record.id')
    .execute();
}

/** Ids (and, when asked, fields) of every record matching `match`: the provenance of a metric. */
export async function matchingRecords(db: Executor, dialect: Dialect, match: RecordMatch, withFields: boolean): Promise<{ id: string; fields: unknown }[]> {
  const q = db.selectFrom('record').where(matchRecords(dialect, match)).orderBy('record.occurred_on').orderBy('record.id');
  if (withFields) return q.select(['record.id', 'record.fields']).execute();
  return (await q.select('record.id').execute()).map((r) => ({ id: r.id, fields: null }));
}
