import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Condition, FieldDef } from '../../../core/pack/schema.ts';
import type { Database, Dialect } from '../../db/database.ts';
import { conditionsSql, matchRecords, type RecordScope } from '../compliance/recordFilter.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// The ledger reads behind a draft. All metrics and record lists of a template come from one pass
// over the records of the types they name: each row carries a bit per distinct filter (the same
// filter SQL as compliance and metrics, so a report's figure equals the metric's) and, for the
// types a sum or distinct count reads, its fields. Counting, summing and listing happen in memory.

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
  /** The record's fields, only for the types in `withFields`. */
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
  /** Types whose fields are read (sum and distinct metrics). */
  withFields: readonly string[];
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

/** Every live record of the types, in scope and range, oldest first, with its filter bits. */
export async function factRows(db: Executor, dialect: Dialect, q: FactQuery): Promise<FactRow[]> {
  if (q.typeIds.length === 0) return [];
  const bits = filterBits(q.filters);
  const byType = new Map<string, RawBuilder<number>[]>();
  q.filters.forEach((f, i) => {
    const when = sql<number>`(case when ${conditionsSql(dialect, f.where, q.fieldsOf(f.typeId))} then ${sql.lit(2 ** bits[i]!)} else 0 end)`;
    byType.set(f.typeId, [...(byType.get(f.typeId) ?? []), when]);
  });
  const whens = [...byType].map(([typeId, parts]) => sql`when record.type_id = ${typeId} then ${sql.join(parts, sql` + `)}`);
  const mask = whens.length === 0 ? sql<number>`0` : sql<number>`case ${sql.join(whens, sql` `)} else 0 end`;
  const fields = q.withFields.length === 0 ? sql<unknown>`null` : sql<unknown>`case when record.type_id in (${sql.join([...q.withFields])}) then record.fields end`;
  const rows = await db
    .selectFrom('record')
    .where(matchRecords(dialect, { packId: q.packId, scope: q.scope, from: q.from, to: q.to, typeIds: q.typeIds }))
    .select(['record.id', 'record.type_id', 'record.title', 'record.occurred_on', mask.as('mask'), fields.as('fields')])
    .orderBy('record.occurred_on')
    .orderBy('record.id')
    .execute();
  return rows.map((r) => ({ ...r, mask: Number(r.mask) }));
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
