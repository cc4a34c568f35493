import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Condition, FieldDef } from '../../../core/pack/schema.ts';
import type { Database, Dialect } from '../../db/database.ts';
import { conditionsSql, matchRecords, type RecordScope } from '../compliance/recordFilter.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// The ledger reads behind a draft. All metrics and record lists of a template come from two passes
// over the records of the types they name, in the order of date and id: each record carries a bit
// per distinct filter (the same filter SQL as compliance and metrics, so a report's figure equals
// the metric's). Types a record list, a sum or a distinct count reads come as rows with their titles
// and, where read, their fields (factRows); types that are only counted come as their ids and bits
// joined into one string per type (factIds). Counting, summing and listing happen in memory.

/** A distinct (record type, filter) pair: one bit of the mask. */
export interface FilterSpec {
  typeId: string;
  where: readonly Condition[];
}

export interface FactRow {
  id: string;
  type_id: string;
  title: string;
  occurred_on: string;
  /** Bit i set: the record matches filter i of its type. */
  mask: number;
  /** The fields `withFields` names for the record's type (JSON text or an object), else null. */
  fields: unknown;
}

export interface FactQuery {
  packId: string;
  scope: RecordScope;
  from: string;
  to: string;
  typeIds: readonly string[];
  /** Filters to test, at most 30 per type (bits of a 32-bit integer on both databases). */
  filters: readonly FilterSpec[];
  /** The fields read, by record type (sum and distinct metrics): only these come back. */
  withFields: ReadonlyMap<string, readonly string[]>;
  fieldsOf: (typeId: string) => readonly FieldDef[];
}

/** The bit of each filter: its place among the filters of its type. */
export function filterBits(filters: readonly FilterSpec[]): number[] {
  const seen = new Map<string, number>();
  return filters.map((f) => {
    const bit = seen.get(f.typeId) ?? 0;
    seen.set(f.typeId, bit + 1);
    if (bit >= 30) throw new Error(`record type ${f.typeId} has more than 30 distinct filters in one template`);
    return bit;
  });
}

/** The SQL of a record's filter bits: for its own type's filters only (other types' JSON is never tested). */
function maskSql(dialect: Dialect, q: Pick<FactQuery, 'filters' | 'fieldsOf'>): RawBuilder<number> {
  const bits = filterBits(q.filters);
  const byType = new Map<string, RawBuilder<number>[]>();
  q.filters.forEach((f, i) => {
    const when = sql<number>`(case when ${conditionsSql(dialect, f.where, q.fieldsOf(f.typeId))} then ${sql.lit(2 ** bits[i]!)} else 0 end)`;
    byType.set(f.typeId, [...(byType.get(f.typeId) ?? []), when]);
  });
  const whens = [...byType].map(([typeId, parts]) => sql`when record.type_id = ${typeId} then ${sql.join(parts, sql` + `)}`);
  return whens.length === 0 ? sql<number>`0` : sql<number>`case ${sql.join(whens, sql` `)} else 0 end`;
}

/** Every live record of the types, in scope and range, oldest first, with its filter bits. */
export async function factRows(db: Executor, dialect: Dialect, q: FactQuery): Promise<FactRow[]> {
  if (q.typeIds.length === 0) return [];
  // Only the fields a metric reads, as a small JSON object (a missing field comes back null, which
  // counts as no value exactly as a missing one does): the sorter and the parser skip the rest.
  const picked = (ids: readonly string[]) => dialect === 'sqlite'
    ? sql`json_object(${sql.join(ids.map((id) => sql`${id}, record.fields -> ${`$.${id}`}`))})`
    : sql`jsonb_build_object(${sql.join(ids.map((id) => sql`cast(${id} as text), record.fields -> cast(${id} as text)`))})`;
  const whens = [...q.withFields].map(([typeId, ids]) => sql`when record.type_id = ${typeId} then ${picked(ids)}`);
  const fields = whens.length === 0 ? sql<unknown>`null` : sql<unknown>`case ${sql.join(whens, sql` `)} end`;
  const rows = await db
    .selectFrom('record')
    .where(matchRecords(dialect, { packId: q.packId, scope: q.scope, from: q.from, to: q.to, typeIds: q.typeIds }))
    .select(['record.id', 'record.type_id', 'record.title', 'record.occurred_on', maskSql(dialect, q).as('mask'), fields.as('fields')])
    .orderBy('record.occurred_on')
    .orderBy('record.id')
    .execute();
  return rows.map((r) => ({ ...r, mask: Number(r.mask) }));
}

/** The ids and filter bits of a type's records, oldest first (as factRows orders them). */
export interface FactIds {
  ids: string[];
  masks: number[];
}

/**
 * The same records as factRows for types whose figures need only ids and filter bits (counts): one
 * row per type, its records' `id:mask` joined in the order of factRows. Handing a city's 200,000
 * ids over as a few strings rather than as rows is most of what drafting a city's report costs.
 */
export async function factIds(db: Executor, dialect: Dialect, q: Omit<FactQuery, 'withFields'>): Promise<{ byType: Map<string, FactIds>; unsplit: string[] }> {
  const out = { byType: new Map<string, FactIds>(), unsplit: [] as string[] };
  // Types without a filter have no bits to compute: read without the record's fields, their ids
  // come off record_live_type_idx alone (it ends with the id) instead of every record's row.
  const filtered = new Set(q.filters.map((f) => f.typeId));
  const plain = q.typeIds.filter((t) => !filtered.has(t));
  await Promise.all([
    joinedIds(db, dialect, { ...q, typeIds: plain, filters: [] }, out),
    joinedIds(db, dialect, { ...q, typeIds: q.typeIds.filter((t) => filtered.has(t)) }, out),
  ]);
  return out;
}

async function joinedIds(db: Executor, dialect: Dialect, q: Omit<FactQuery, 'withFields'>, out: { byType: Map<string, FactIds>; unsplit: string[] }): Promise<void> {
  if (q.typeIds.length === 0) return;
  const mask = maskSql(dialect, q);
  const joined = dialect === 'sqlite'
    ? sql<string>`group_concat(record.id || ':' || (${mask}), ',' order by record.occurred_on, record.id)`
    : sql<string>`string_agg(record.id || ':' || cast(${mask} as text), ',' order by record.occurred_on, record.id)`;
  const rows = await db
    .selectFrom('record')
    .where(matchRecords(dialect, { packId: q.packId, scope: q.scope, from: q.from, to: q.to, typeIds: q.typeIds }))
    .select(['record.type_id', joined.as('joined'), sql<number>`count(*)`.as('n')])
    .groupBy('record.type_id')
    .execute();
  for (const row of rows) {
    const parts = row.joined.split(',');
    // Ids are UUIDs; one holding a comma (a database filled by other means) would split wrongly:
    // such a type is left for factRows.
    if (parts.length !== Number(row.n)) {
      out.unsplit.push(row.type_id);
      continue;
    }
    const ids = new Array<string>(parts.length);
    const masks = new Array<number>(parts.length);
    parts.forEach((part, i) => {
      const at = part.lastIndexOf(':');
      ids[i] = part.slice(0, at);
      masks[i] = Number(part.slice(at + 1));
    });
    out.byType.set(row.type_id, { ids, masks });
  }
}

/** Records of one type of one org in a range, with one field's value: plan records for 下一步工作打算. */
export function planRows(db: Executor, dialect: Dialect, q: { packId: string; orgId: string; typeId: string; from: string; to: string }) {
  return db
    .selectFrom('record')
    .where(matchRecords(dialect, { packId: q.packId, scope: { orgId: q.orgId }, from: q.from, to: q.to, typeIds: [q.typeId] }))
    .select(['record.id', 'record.title', 'record.occurred_on', 'record.fields'])
    .orderBy('record.occurred_on')
    .orderBy('record.id')
    .execute();
}

/** Who holds the duty roles in an org, every year on record. */
export function dutyHolders(db: Executor, orgId: string, roles: readonly string[]) {
  if (roles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('duty_assignment')
    .innerJoin('person', 'person.id', 'duty_assignment.person_id')
    .select(['duty_assignment.role', 'duty_assignment.year', 'person.name', 'duty_assignment.created_at'])
    .where('duty_assignment.org_id', '=', orgId)
    .where('duty_assignment.role', 'in', [...roles])
    .orderBy('duty_assignment.year')
    .orderBy('duty_assignment.created_at')
    .execute();
}
