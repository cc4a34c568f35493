import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { type Dialect, type DbHandle, openDatabase } from '../../src/server/db/database.ts';

/** What one `lvzhi …` run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * An isolated place for CLI tests: a temp data dir (never the checkout's ./data) and, on
 * PostgreSQL, a database of its own on the test server. `run` calls the CLI in-process.
 */
export interface CliSandbox {
  dialect: Dialect;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  run(...argv: string[]): Promise<CliRun>;
  /** Opens the sandbox's database directly, for setting up and checking what the CLI did. */
  open(): DbHandle;
  /** Another sandbox on the same dialect (a restore target). */
  sibling(): Promise<CliSandbox>;
  dispose(): Promise<void>;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { env, out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgUrl')! });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createSandbox(dialect: Dialect): Promise<CliSandbox> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-cli-'));
  const env: NodeJS.ProcessEnv = { LVZHI_DATA_DIR: dataDir, PATH: process.env.PATH };
  let dbName: string | null = null;
  if (dialect === 'postgres') {
    dbName = `lvzhi_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const url = new URL(inject('pgUrl')!);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    dialect,
    dataDir,
    env,
    run: (...argv) => runCli(argv, env),
    open: () => openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir, poolSize: 1 }),
    sibling: () => createSandbox(dialect),
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

/** Every row of every table, each table's rows sorted, for comparing two databases. */
export async function snapshotTables(handle: DbHandle): Promise<Record<string, unknown[]>> {
  const { rows: tables } = handle.dialect === 'postgres'
    ? await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(handle.db)
    : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`.execute(handle.db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(handle.db);
    snapshot[name] = rows.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as unknown);
  }
  return snapshot;
}
