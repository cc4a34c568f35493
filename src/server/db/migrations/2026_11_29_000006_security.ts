import type { Kysely } from 'kysely';

// Security checks of docs/security.md: the administrators' second factor (SEC-11). One row per
// account that has started enrolling: the TOTP secret sealed with the field key (SM4-CTR +
// HMAC-SM3), when the first code confirmed it, and the last time step a code was accepted for, so
// that no code works twice.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_totp').ifExists().execute();
}
