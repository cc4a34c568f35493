import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialectSql.ts';

// Reports on a city's year (docs/performance.md, Reports):
//   - record_live_type_idx (2026_11_29_000004_ledger_extra: a pack's live records by type, date and
//     org) is rebuilt with the record id and deleted_at after its columns. A report's counted-only
//     record types come back as their ids in date order (report.facts.repository.ts, factIds); with
//     the id in the index that is an index-only read instead of a visit to every record's row (a
//     city's 190,000 ids). deleted_at is always null in this partial index, but SQLite takes an
//     index as covering only when it holds every column the query names, `deleted_at IS NULL`
//     included. Replaced rather than added beside it: the same name keeps the record list's index
//     choice (modules/ledger/recordPlan.ts), and every write keeps updating one index, not two.
//   - report_generation.provenance becomes `json` (text, checked for syntax only) on PostgreSQL
//     instead of `jsonb`: a city's provenance is ~15 MB of record ids that is only ever written
//     and read back whole, never queried inside, and converting it to and from jsonb cost up to
//     0.9 s per draft. The API is unchanged: node-postgres parses `json` into objects as it did
//     `jsonb`. SQLite keeps text.

const TYPE_IDX = 'record_live_type_idx';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function typeIndex(db: Kysely<any>, columns: string[]): Promise<void> {
  await db.schema.dropIndex(TYPE_IDX).ifExists().execute();
  await db.schema.createIndex(TYPE_IDX).on('record').columns(columns).where(sql.ref('deleted_at'), 'is', null).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await typeIndex(db, ['pack_id', 'type_id', 'occurred_on', 'org_id', 'id', 'deleted_at']);
  if (await isPostgres(db)) await sql`alter table report_generation alter column provenance type json using provenance::json`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) await sql`alter table report_generation alter column provenance type jsonb using provenance::jsonb`.execute(db);
  await typeIndex(db, ['pack_id', 'type_id', 'occurred_on', 'org_id']);
}
