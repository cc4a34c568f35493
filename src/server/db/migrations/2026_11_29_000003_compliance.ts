import { type Kysely, sql } from 'kysely';

// Compliance: an index for its aggregates; in-app notifications, delivered exactly once per (rule,
// org, period, kind, user) through a unique dedupe key; and job leases, so that of several server
// processes sharing one PostgreSQL only the lease holder runs a scheduled job.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Compliance, dashboards and metrics read a pack's live records by date range and group them by
  // org and type. Partial (live records only) and holding every grouped column, the index answers
  // the plain counts alone and finds a year's records in date order, close together in the table.
  await db.schema
    .createIndex('record_live_date_idx')
    .on('record')
    .columns(['pack_id', 'occurred_on', 'org_id', 'type_id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('org_id', 'text', (c) => c.references('org.id'))
    // INSERT … ON CONFLICT DO NOTHING on this key is what makes a reminder go out once.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  // The bell: a user's notifications, newest first, and the unread count.
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('job_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    // ISO-8601 UTC text, compared as text like every timestamp here.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['job_lease', 'notification']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex('record_live_date_idx').ifExists().execute();
}
