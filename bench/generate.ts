import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Pack } from '../src/core/pack/schema.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { orgTree, prng, records, type SyntheticOrg, type SyntheticRecord } from './synthetic.ts';

// The synthetic dataset behind the benchmarks, loaded in bulk: SQLite through better-sqlite3
// directly (prepared statements, 50,000-row transactions, indexes built after the load), PostgreSQL
// through unnest() multi-row inserts. A dataset is keyed by its parameters and built once: the
// SQLite file is cached under bench/.cache/, the PostgreSQL database keeps its name.

export interface DatasetSpec {
  pack: Pack;
  orgs: number;
  records: number;
  /** First and last day of the records (three years by default). */
  from: string;
  to: string;
  seed?: number;
}

/** Bump when the generator changes what it writes: cached datasets of older versions are rebuilt. */
const GENERATOR_VERSION = 2;
const CACHE = path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache');
const NOW = '2026-01-01T00:00:00.000Z';

export function datasetKey(spec: DatasetSpec): string {
  const text = JSON.stringify([GENERATOR_VERSION, spec.pack.id, spec.pack.version, spec.orgs, spec.records, spec.from, spec.to, spec.seed ?? 1]);
  return `${spec.pack.id}_${spec.orgs}o_${spec.records}r_${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

function* generate(spec: DatasetSpec): Generator<{ orgs: SyntheticOrg[] } | { records: SyntheticRecord[] }> {
  const rand = prng(spec.seed ?? 1);
  const orgs = orgTree(spec.orgs, rand);
  yield { orgs };
  for (const batch of records(spec.pack, orgs, spec.records, spec, rand, 50_000)) yield { records: batch };
}

const orgRow = (o: SyntheticOrg) => ({ ...o, code: null, deactivated_at: null, created_at: NOW, updated_at: NOW });

/**
 * Brings a cached dataset up to the current schema, as an installation is upgraded: a migration
 * added since it was built (a new table the app reads at login, say) would otherwise fail the bench.
 */
async function migrateCached(where: { databaseUrl: string | null; dataDir: string }, log: (line: string) => void): Promise<void> {
  const handle = openDatabase(where);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log(`# cached dataset migrated: ${applied.join(', ')}`);
  } finally {
    await handle.close();
  }
}

/** The SQLite data folder holding the dataset (its lvzhi.db), built on first use. */
export async function sqliteDataset(spec: DatasetSpec, log: (line: string) => void): Promise<string> {
  const dir = path.join(CACHE, `sqlite_${datasetKey(spec)}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) {
    await migrateCached({ databaseUrl: null, dataDir: dir }, log);
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const handle = openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  const started = Date.now();
  const db = new SQLite(path.join(dir, 'lvzhi.db'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // Building the record indexes once after the load is several times faster than keeping them up.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
  const insertOrg = db.prepare('INSERT INTO org (id, parent_id, path, name, kind, code, sort_order, deactivated_at, created_at, updated_at) VALUES (@id, @parent_id, @path, @name, @kind, @code, @sort_order, @deactivated_at, @created_at, @updated_at)');
  const insertRecord = db.prepare(
    `INSERT INTO record (id, pack_id, type_id, org_id, title, occurred_on, fields, search_text, created_at, updated_at)
     VALUES (?, '${spec.pack.id}', ?, ?, ?, ?, ?, ?, '${NOW}', '${NOW}')`,
  );
  let written = 0;
  for (const part of generate(spec)) {
    db.transaction(() => {
      if ('orgs' in part) for (const o of part.orgs) insertOrg.run(orgRow(o));
      else for (const r of part.records) insertRecord.run(r.id, r.type_id, r.org_id, r.title, r.occurred_on, r.fields, r.title.toLowerCase());
    })();
    if ('records' in part && (written += part.records.length) % 200_000 === 0) log(`# sqlite: ${written} records`);
  }
  for (const ix of indexes) db.exec(ix.sql);
  db.pragma('journal_mode = WAL');
  db.close();
  fs.writeFileSync(done, `${new Date().toISOString()}\n`);
  log(`# sqlite dataset ${path.basename(dir)} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/** The URL of a database on the server at `adminUrl` holding the dataset, built on first use. */
export async function postgresDataset(adminUrl: string, spec: DatasetSpec, log: (line: string) => void): Promise<string> {
  const name = `lvzhi_bench_${datasetKey(spec)}`.toLowerCase();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && (await isComplete(url.toString()))) {
      await migrateCached({ databaseUrl: url.toString(), dataDir: CACHE }, log);
      return url.toString();
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const handle = openDatabase({ databaseUrl: url.toString(), dataDir: CACHE });
  await migrateToLatest(handle.db);
  await handle.close();
  const started = Date.now();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const indexes = (await client.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'record' AND indexname NOT LIKE '%_pkey'")).rows as { indexname: string; indexdef: string }[];
    for (const ix of indexes) await client.query(`DROP INDEX ${ix.indexname}`);
    let written = 0;
    for (const part of generate(spec)) {
      if ('orgs' in part) {
        for (const o of part.orgs) {
          await client.query('INSERT INTO org (id, parent_id, path, name, kind, sort_order, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)', [o.id, o.parent_id, o.path, o.name, o.kind, o.sort_order, NOW]);
        }
        continue;
      }
      const cols = (pick: (r: SyntheticRecord) => string) => part.records.map(pick);
      await client.query(
        `INSERT INTO record (id, pack_id, type_id, org_id, title, occurred_on, fields, search_text, created_at, updated_at)
         SELECT id, $1, type_id, org_id, title, occurred_on, fields::jsonb, lower(title), $2, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(id, type_id, org_id, title, occurred_on, fields)`,
        [spec.pack.id, NOW, cols((r) => r.id), cols((r) => r.type_id), cols((r) => r.org_id), cols((r) => r.title), cols((r) => r.occurred_on), cols((r) => r.fields)],
      );
      if ((written += part.records.length) % 200_000 === 0) log(`# postgres: ${written} records`);
    }
    for (const ix of indexes) await client.query(ix.indexdef);
    // What autovacuum does soon after a bulk load: statistics for the planner, and the visibility
    // map that lets index-only scans skip the table.
    await client.query('VACUUM ANALYZE');
    await client.query(`INSERT INTO setting (key, value, updated_at) VALUES ('bench.complete', '"yes"', $1)`, [NOW]);
  } finally {
    await client.end();
  }
  log(`# postgres dataset ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return url.toString();
}

async function isComplete(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM setting WHERE key = 'bench.complete'").catch(() => ({ rowCount: 0 }))).rowCount === 1;
  } finally {
    await client.end();
  }
}
