import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { CliError } from '../io.ts';
import { writeAtomically } from './fileInfo.ts';

/**
 * Finds a PostgreSQL client program: under LVZHI_PG_BIN when set; else the newest Debian-style
 * /usr/lib/postgresql/<version>/bin (pg_dump must be at least as new as the server); else PATH.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv): string {
  const candidates: string[] = [];
  if (env.LVZHI_PG_BIN) candidates.push(path.join(env.LVZHI_PG_BIN, name));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin', name)));
  }
  candidates.push(...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name)));
  const found = candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) throw new CliError(`${name} not found: install the PostgreSQL client (postgresql-client) or set LVZHI_PG_BIN to its bin folder`);
  return found;
}

/**
 * Connection for the client programs: the URL without its password, which goes in PGPASSWORD
 * instead, so that it never shows in the process list.
 */
function connection(databaseUrl: string, env: NodeJS.ProcessEnv): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { url: url.toString(), env: password === undefined ? env : { ...env, PGPASSWORD: password } };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => reject(new CliError(`cannot run ${program}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const reason = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' | ') || `exit code ${code}`;
      reject(new CliError(`${path.basename(program)} failed: ${reason}`));
    });
  });
}

/** A consistent online dump (one snapshot, whatever the server is writing) in pg_dump's custom format. */
export async function dumpPostgres(databaseUrl: string, backupFile: string, env: NodeJS.ProcessEnv): Promise<void> {
  const conn = connection(databaseUrl, env);
  const pgDump = findPgTool('pg_dump', env);
  await writeAtomically(backupFile, (temp) => run(pgDump, ['--format=custom', '--no-password', `--file=${temp}`, `--dbname=${conn.url}`], conn.env));
}

export async function restorePostgres(databaseUrl: string, backupFile: string, env: NodeJS.ProcessEnv): Promise<void> {
  const conn = connection(databaseUrl, env);
  const pgRestore = findPgTool('pg_restore', env);
  await run(pgRestore, ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--no-password', `--dbname=${conn.url}`, backupFile], conn.env);
}

/** Tables in the public schema: a database with any is not an empty restore target. */
export async function publicTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
  return rows.map((r) => r.tablename);
}

/**
 * Empties the public schema before a forced restore. pg_restore --clean drops only what the dump
 * holds; tables from newer migrations would stay and make the migrations after the restore fail.
 */
export async function emptyPublicSchema(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of await publicTables(trx)) await sql`DROP TABLE IF EXISTS ${sql.table(`public.${table}`)} CASCADE`.execute(trx);
    const { rows } = await sql<{ signature: string }>`
      SELECT format('%I(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) AS signature
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace`.execute(trx);
    for (const { signature } of rows) await sql`DROP FUNCTION IF EXISTS ${sql.raw(`public.${signature}`)} CASCADE`.execute(trx);
  });
}
