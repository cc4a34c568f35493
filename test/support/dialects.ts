import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type Dialect, type DbHandle, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

/**
 * Set in CI: a suite that would skip (no PostgreSQL, no Chromium) fails instead, so nothing is
 * silently left out there.
 */
export const STRICT = process.env.LVZHI_TEST_STRICT === '1';

export const DIALECTS: Dialect[] = (process.env.DIALECTS?.split(',') as Dialect[] | undefined) ?? ['sqlite', 'postgres'];

/**
 * Declares a suite once per database. The PostgreSQL one skips with a printed reason when no server
 * is available, or fails in strict mode.
 */
export function describeEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !inject('pgUrl')) {
      const reason = inject('pgSkipReason') ?? 'no PostgreSQL';
      if (STRICT) {
        describe(`${dialect}: ${name}`, () => {
          throw new Error(`PostgreSQL is required (LVZHI_TEST_STRICT=1) but unavailable: ${reason}`);
        });
      } else {
        console.warn(`[skip] ${name} on PostgreSQL: ${reason}`);
        describe.skip(`${dialect}: ${name}`, () => fn(dialect));
      }
      continue;
    }
    describe(`${dialect}: ${name}`, () => fn(dialect));
  }
}

/** A fresh, migrated database: in-memory SQLite, or a new database on the test PostgreSQL server. */
export async function freshDatabase(dialect: Dialect): Promise<DbHandle & { dropUrl?: string }> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ databaseUrl: null, dataDir: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const adminUrl = inject('pgUrl');
  if (!adminUrl) throw new Error('no PostgreSQL server for tests');
  const name = `lvzhi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), dataDir: ':memory:', poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // The pool's connections end asynchronously; dropping with FORCE while one is still closing
      // makes it raise 57P01. Wait for them to go first (FORCE stays as the last resort).
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
