import { type Expression, type ExpressionBuilder, type RawBuilder, sql, type SqlBool } from 'kysely';
import type { Condition, FieldDef } from '../../../core/pack/schema.ts';
import type { Database, Dialect } from '../../db/database.ts';

// The one definition of "records that count": the aggregate behind compliance statuses, the
// drill-down from a cell and metrics all filter with these functions, so a number and the list
// behind it can never disagree. Every value is a bound parameter, field ids included.
//
// Pack conditions compare a field with JSON types kept: on PostgreSQL `jsonb` values are compared
// with `jsonb` (5 = 5.0, "5" ≠ 5, true ≠ 1); on SQLite json_extract yields SQL values without
// affinity (so "5" ≠ 5 as well) and booleans are tested with json_type (JSON true, not the number 1).
// Fields declared `multiple` hold arrays: a condition there means "contains".

/** The record type's field definitions: only whether a field holds a list matters here. */
type FieldLookup = readonly Pick<FieldDef, 'id' | 'multiple'>[];

const isMultiple = (fields: FieldLookup, id: string): boolean => fields.find((f) => f.id === id)?.multiple ?? false;

const FIELDS = sql.ref('record.fields');

function sqliteCondition(c: Condition, multiple: boolean): RawBuilder<SqlBool> {
  const path = `$.${c.field}`;
  if (typeof c.equals === 'boolean') return sql<SqlBool>`json_type(${FIELDS}, ${path}) = ${c.equals ? 'true' : 'false'}`;
  const values = c.in ?? [c.equals as string | number];
  if (!multiple) return sql<SqlBool>`json_extract(${FIELDS}, ${path}) in (${sql.join(values.map((v) => sql`${v}`))})`;
  // A list of choice values (pack ids: no quote or backslash can occur in them) contains "v" exactly
  // when its JSON text does: a quote inside a JSON string is always escaped. Much cheaper per
  // record than opening json_each; numbers, which could match inside other numbers, still use it.
  const contains = values.every((v) => typeof v === 'string' && /^[a-z0-9_]+$/.test(v))
    ? sql.join(values.map((v) => sql`instr(json_extract(${FIELDS}, ${path}), ${JSON.stringify(v)}) > 0`), sql` or `)
    : sql`exists (select 1 from json_each(${FIELDS}, ${path}) where value in (${sql.join(values.map((v) => sql`${v}`))}))`;
  return sql<SqlBool>`(json_type(${FIELDS}, ${path}) = 'array' and (${contains}))`;
}

function postgresCondition(c: Condition, multiple: boolean): RawBuilder<SqlBool> {
  const field = sql`(${FIELDS} -> cast(${c.field} as text))`;
  const values = c.in ?? [c.equals as string | number | boolean];
  const json = values.map((v) => sql`cast(${JSON.stringify(v)} as jsonb)`);
  // jsonb `@>` with a scalar on the right: an array containing it — or the scalar itself, which a
  // list field must not match (SQLite's test requires an array too).
  return multiple
    ? sql<SqlBool>`(jsonb_typeof(${field}) = 'array' and (${sql.join(json.map((v) => sql`${field} @> ${v}`), sql` or `)}))`
    : sql<SqlBool>`${field} in (${sql.join(json)})`;
}

/** SQL true for records whose `fields` satisfy one pack condition. */
export function fieldCondition(dialect: Dialect, condition: Condition, fields: FieldLookup): RawBuilder<SqlBool> {
  const multiple = isMultiple(fields, condition.field);
  return dialect === 'sqlite' ? sqliteCondition(condition, multiple) : postgresCondition(condition, multiple);
}

/** SQL true for records satisfying every condition (true when there are none). */
export function conditionsSql(dialect: Dialect, conditions: readonly Condition[], fields: FieldLookup): RawBuilder<SqlBool> {
  if (conditions.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(conditions.map((c) => fieldCondition(dialect, c, fields)), sql` and `)})`;
}

/**
 * Records of one org, of every org in a subtree (by materialized path), or of every org (a subtree
 * that is the whole tree: the filter would only cost time).
 */
export type RecordScope = { orgId: string } | { path: string } | { all: true };

function scopeFilter(eb: ExpressionBuilder<Database, 'record'>, scope: RecordScope): Expression<SqlBool> | null {
  if ('all' in scope) return null;
  if ('orgId' in scope) return eb('record.org_id', '=', scope.orgId);
  return eb('record.org_id', 'in', eb.selectFrom('org').select('org.id').where('org.path', 'like', `${scope.path}%`));
}

export interface RecordMatch {
  packId: string;
  /** Omitted: every record type of the pack. */
  typeIds?: readonly string[];
  /** Conditions on the fields, with the record type's field definitions. */
  where?: { conditions: readonly Condition[]; fields: FieldLookup };
  /** occurred_on range, inclusive. */
  from: string;
  to: string;
  scope: RecordScope;
}

/** The WHERE of "live records of the pack, in scope, in the date range, matching the filter". */
export function matchRecords(dialect: Dialect, m: RecordMatch) {
  return (eb: ExpressionBuilder<Database, 'record'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [
      eb('record.pack_id', '=', m.packId),
      eb('record.occurred_on', '>=', m.from),
      eb('record.occurred_on', '<=', m.to),
      eb('record.deleted_at', 'is', null),
    ];
    const scope = scopeFilter(eb, m.scope);
    if (scope) parts.push(scope);
    if (m.typeIds) parts.push(m.typeIds.length === 0 ? sql<SqlBool>`1 = 0` : eb('record.type_id', 'in', [...m.typeIds]));
    if (m.where && m.where.conditions.length > 0) parts.push(conditionsSql(dialect, m.where.conditions, m.where.fields));
    return eb.and(parts);
  };
}

/** The bucket of a record's date: 'YYYY-MM', or its ISO week 'YYYY-Www' (the same keys as core/compliance/period). */
export function bucketSql(dialect: Dialect, bucket: 'month' | 'week'): RawBuilder<string> {
  if (bucket === 'month') return sql<string>`substr(record.occurred_on, 1, 7)`;
  return dialect === 'sqlite'
    ? sql<string>`strftime('%G-W%V', record.occurred_on)`
    : sql<string>`to_char(cast(record.occurred_on as date), 'IYYY-"W"IW')`;
}
