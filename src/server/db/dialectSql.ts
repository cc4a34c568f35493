import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations receive a bare Kysely instance; the adapter tells which database is behind it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function isPostgres(db: Kysely<any>): Promise<boolean> {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** JSON column type: jsonb on PostgreSQL, text on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function jsonType(db: Kysely<any>) {
  return (await isPostgres(db)) ? sql`jsonb` : sql`text`;
}
