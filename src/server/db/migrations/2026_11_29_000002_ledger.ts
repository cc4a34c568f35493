import type { Kysely } from 'kysely';
import { jsonType } from '../dialectSql.ts';

// The ledger: one `record` table for every record type of every pack (fields as JSON, defined by
// the pack), attachments stored content-addressed outside the database, and per-org rule
// overrides (local 实施细则 differ from the pack's defaults).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const json = await jsonType(db);

  await db.schema
    .createTable('record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // YYYY-MM-DD: the day the activity took place; periods are counted by it.
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('fields', json, (c) => c.notNull())
    // Lower-cased title and text field values, for the list's text search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A deleted record stays as a tombstone: audits and reports can still say what it was.
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .execute();
  // Compliance and metrics aggregate by pack, type, org and date; lists filter by org and date.
  await db.schema.createIndex('record_aggregate_idx').on('record').columns(['pack_id', 'type_id', 'org_id', 'occurred_on']).execute();
  await db.schema.createIndex('record_org_date_idx').on('record').columns(['org_id', 'occurred_on']).execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // SM3 of the content: the file's name in the store, and its integrity check on download.
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_sm3_idx').on('attachment').column('sm3').execute();

  await db.schema
    .createTable('record_attachment')
    .addColumn('record_id', 'text', (c) => c.notNull().references('record.id'))
    .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachment.id'))
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('record_attachment_pk', ['record_id', 'attachment_id', 'field_id'])
    .execute();
  await db.schema.createIndex('record_attachment_attachment_idx').on('record_attachment').column('attachment_id').execute();

  await db.schema
    .createTable('rule_override')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    // null keeps the pack's threshold; enabled 0 switches the rule off for the org and its subtree.
    .addColumn('min', 'integer')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_override_unique', ['org_id', 'pack_id', 'rule_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rule_override', 'record_attachment', 'attachment', 'record']) await db.schema.dropTable(table).ifExists().execute();
}
