import fs from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../server/config.ts';
import { type DbHandle, openDatabase } from '../server/db/database.ts';
import { masterKeyFor, migrateAndRecord } from '../server/main.ts';
import { createAppContext } from '../server/platform/context.ts';
import { lazyPackRegistry, loadPackRegistry, packRoots } from '../server/modules/pack/pack.catalog.ts';
import { type Actor, type AppContext, systemActor } from '../server/platform/context.ts';
import { CliError, type CliIo } from './io.ts';

/** Everything a command needs: the same config, database and context as the server. */
export interface CliSession {
  config: Config;
  handle: DbHandle;
  ctx: AppContext;
  /** Audit entries written by the CLI name this actor, `cli`. */
  actor: Actor;
}

/** The CLI reads the same environment as `lvzhi serve`; a bad value is a one-line error. */
export function cliConfig(io: CliIo): Config {
  try {
    return loadConfig(io.env);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** The SQLite file openDatabase uses for this config (lvzhi.db in the data directory). */
export const sqliteFile = (config: Config): string => path.join(config.dataDir, 'lvzhi.db');

/** The database's location for messages: the SQLite path, or the URL without its password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return sqliteFile(config);
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the PostgreSQL database in DATABASE_URL';
  }
}

/**
 * Opens the database, brings its schema up to date (as `serve` does, audited) unless told not to,
 * runs `fn` and closes. With `mustExist`, a missing SQLite database is an error rather than created empty: reading
 * commands should not leave a new database behind.
 */
export async function withSession<T>(io: CliIo, opts: { mustExist?: boolean; migrate?: boolean }, fn: (session: CliSession) => Promise<T>): Promise<T> {
  const config = cliConfig(io);
  if (opts.mustExist && !config.databaseUrl && !fs.existsSync(sqliteFile(config))) {
    throw new CliError(`no database at ${sqliteFile(config)} (set LVZHI_DATA_DIR or DATABASE_URL, or run "lvzhi migrate" first)`);
  }
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const packs = lazyPackRegistry(() => {
      try {
        return loadPackRegistry(packRoots(io.env));
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
    });
    const ctx = createAppContext(handle, config, () => masterKeyFor(config, io.env), packs);
    const actor = systemActor('cli');
    if (opts.migrate !== false) {
      const applied = await migrate({ config, ctx, actor });
      if (applied.length > 0) io.err(`lvzhi: applied migrations: ${applied.join(', ')}\n`);
    }
    return await fn({ config, handle, ctx, actor });
  } finally {
    await handle.close();
  }
}

/** Migrations with the database named in the error: the first thing to fail on a wrong URL or path. */
export async function migrate(session: Pick<CliSession, 'config' | 'ctx' | 'actor'>): Promise<string[]> {
  try {
    return await migrateAndRecord(session.ctx, session.actor);
  } catch (error) {
    throw new CliError(`cannot migrate the database at ${describeDatabase(session.config)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
