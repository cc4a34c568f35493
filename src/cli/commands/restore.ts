import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { recordAudit } from '../../server/modules/audit/audit.repository.ts';
import { verifyAuditLog } from '../../server/modules/audit/audit.verify.ts';
import { isSetupDone } from '../../server/modules/setup/setup.repository.ts';
import { backupKind, fileInfo } from '../backup/fileInfo.ts';
import { emptyPublicSchema, publicTables, restorePostgres } from '../backup/postgres.ts';
import { restoreSqlite } from '../backup/sqlite.ts';
import { defineCommand } from '../command.ts';
import { cliConfig, describeDatabase, sqliteFile, withSession } from '../context.ts';
import { CliError, type CliIo, EXIT, json, line } from '../io.ts';

/**
 * Refuses to overwrite a database in use unless forced. With force, a PostgreSQL target is emptied
 * here (see emptyPublicSchema); a SQLite file is simply replaced later.
 */
async function prepareTarget(config: Config, force: boolean): Promise<void> {
  if (!config.databaseUrl && !fs.existsSync(sqliteFile(config))) return;
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    if (handle.dialect === 'postgres') {
      const tables = await publicTables(handle.db);
      if (tables.length > 0 && !force) {
        throw new CliError(`${describeDatabase(config)} is not empty (${tables.length} tables): use --force to replace its contents`);
      }
      if (tables.length > 0) await emptyPublicSchema(handle.db);
      return;
    }
    // A database file without the org table (or without any org) holds nothing to lose.
    const setUp = await isSetupDone(handle.db).catch(() => false);
    if (setUp && !force) throw new CliError(`${describeDatabase(config)} is set up already: use --force to replace it`);
  } finally {
    await handle.close();
  }
}

function checkFile(file: string, config: Config): void {
  if (!fs.existsSync(file)) throw new CliError(`${file} does not exist`);
  const kind = backupKind(file);
  const expected = config.databaseUrl ? 'pg_dump' : 'sqlite';
  if (kind === expected) return;
  if (kind === 'sqlite') throw new CliError(`${file} is a SQLite backup but DATABASE_URL points to PostgreSQL: unset DATABASE_URL to restore it`);
  if (kind === 'pg_dump') throw new CliError(`${file} is a PostgreSQL dump: set DATABASE_URL to the target database to restore it`);
  throw new CliError(`${file} is neither a SQLite database nor a pg_dump custom-format archive`);
}

async function verifyRestored(io: CliIo, file: string): Promise<{ checked: number; problem: { seq: number; message: string } | null }> {
  // withSession migrates first: an older backup is brought up to the current schema.
  return withSession(io, {}, async ({ ctx, actor }) => {
    const result = await verifyAuditLog(ctx);
    await recordAudit(ctx, actor, {
      action: 'system.restore', orgId: null,
      summary: { file: path.basename(file), auditChecked: result.checked, auditProblemAt: result.problem?.seq ?? null },
    });
    return result;
  });
}

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'replace the database with a backup made by "lvzhi backup"',
  usage: `Usage: lvzhi restore FILE [--force] [--json]

Replaces the database with the backup in FILE, then applies migrations (an older backup is brought
up to date) and verifies the audit log chain. Stop the server first.
  SQLite:      FILE is checked (SQLite header, PRAGMA integrity_check) and then renamed into place.
  PostgreSQL:  pg_restore --clean --if-exists --no-owner --exit-on-error into DATABASE_URL.
A target that is already set up (SQLite) or has tables (PostgreSQL) is replaced only with --force.
Encrypted fields need the master key of the installation the backup came from (LVZHI_SECRET_KEY or
<data dir>/secret.key): it is not part of the backup.

Exit status: 0 restored and the audit chain is intact; 3 restored but the audit chain is broken;
1 not restored.

Options:
  --force   replace a database that is in use
  --json    print {"file", "bytes", "sm3", "checked", "problem"}
`,
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const file = path.resolve(positionals[0]!);
    const config = cliConfig(io);
    checkFile(file, config);
    const info = await fileInfo(file);
    await prepareTarget(config, values.force === true);
    if (config.databaseUrl) await restorePostgres(config.databaseUrl, file, io.env);
    else restoreSqlite(file, sqliteFile(config));
    const { checked, problem } = await verifyRestored(io, file);
    if (values.json) {
      json(io, { file, ...info, checked, problem });
    } else {
      line(io, `restored ${file} (SM3 ${info.sm3}) into ${describeDatabase(config)}`);
      line(io, problem ? `audit log BROKEN at entry ${problem.seq}: ${problem.message}` : `audit log OK: ${checked} entries`);
    }
    return problem ? EXIT.auditBroken : EXIT.ok;
  },
});
