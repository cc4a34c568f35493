import { type Kysely, sql } from 'kysely';

// Indexes for the ledger's list and export on millions of records. Like record_live_date_idx
// (2026_11_29_000003_compliance: the whole tree by date), each covers the live rows only (a
// tombstone is never listed by default) and holds every column a list filters on, so counting is an
// index-only scan and the default order (newest first) can be read off an index:
//   - by org: one unit or a subtree, by type and date;
//   - by type: one record type across the tree, by date.
// The list names the index to use on SQLite (modules/ledger/recordPlan.ts explains why).

const INDEXES: Record<string, string[]> = {
  record_live_org_idx: ['pack_id', 'org_id', 'type_id', 'occurred_on'],
  record_live_type_idx: ['pack_id', 'type_id', 'occurred_on', 'org_id'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of Object.entries(INDEXES)) {
    await db.schema.createIndex(name).on('record').columns(columns).where(sql.ref('deleted_at'), 'is', null).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await db.schema.dropIndex(name).ifExists().execute();
}
