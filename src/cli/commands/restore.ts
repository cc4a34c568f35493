import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { recordAudit } from '../../server/modules/audit/audit.repository.ts';
import { verifyAuditLog } from '../../server/modules/audit/audit.verify.ts';
import { fileStore } from '../../server/modules/ledger/attachment.store.ts';
import { isSetupDone } from '../../server/modules/setup/setup.repository.ts';
import { type BackupArchive, openBackupArchive, placeEvidence, type StagedBackup, stageBackup } from '../backup/archive.ts';
import { backupKind, fileInfo } from '../backup/fileInfo.ts';
import { emptyPublicSchema, publicTables, restorePostgres } from '../backup/postgres.ts';
import { restoreSqlite } from '../backup/sqlite.ts';
import { defineCommand } from '../command.ts';
import { cliConfig, describeDatabase, sqliteFile, withSession } from '../context.ts';
import { CliError, type CliIo, EXIT, formatBytes, json, line } from '../io.ts';

/**
 * Refuses to overwrite a database in use unless forced; says whether a PostgreSQL target must be
 * emptied first (see emptyPublicSchema). A SQLite file is simply replaced later.
 */
async function checkTarget(config: Config, force: boolean): Promise<{ emptyPostgres: boolean }> {
  if (!config.databaseUrl && !fs.existsSync(sqliteFile(config))) return { emptyPostgres: false };
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    if (handle.dialect === 'postgres') {
      const tables = await publicTables(handle.db);
      if (tables.length > 0 && !force) {
        throw new CliError(`${describeDatabase(config)} is not empty (${tables.length} tables): use --force to replace its contents`);
      }
      return { emptyPostgres: tables.length > 0 };
    }
    // A database file without the org table (or without any org) holds nothing to lose.
    const setUp = await isSetupDone(handle.db).catch(() => false);
    if (setUp && !force) throw new CliError(`${describeDatabase(config)} is set up already: use --force to replace it`);
    return { emptyPostgres: false };
  } finally {
    await handle.close();
  }
}

async function emptyPostgresTarget(config: Config): Promise<void> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    await emptyPublicSchema(handle.db);
  } finally {
    await handle.close();
  }
}

/** The kind of database a backup holds, refused when it is not the configured one. */
function checkKind(file: string, config: Config, kind: 'sqlite' | 'pg_dump'): void {
  const expected = config.databaseUrl ? 'pg_dump' : 'sqlite';
  if (kind === expected) return;
  if (kind === 'sqlite') throw new CliError(`${file} is a SQLite backup but DATABASE_URL points to PostgreSQL: unset DATABASE_URL to restore it`);
  throw new CliError(`${file} is a PostgreSQL dump: set DATABASE_URL to the target database to restore it`);
}

/** A backup archive (database and evidence files), or a bare database from an older lvzhi backup. */
async function openBackup(file: string, config: Config): Promise<BackupArchive | { bare: string }> {
  if (!fs.existsSync(file)) throw new CliError(`${file} does not exist`);
  const kind = backupKind(file);
  if (kind === 'unknown') throw new CliError(`${file} is not an lvzhi backup: neither a backup archive, a SQLite database nor a pg_dump custom-format archive`);
  if (kind !== 'archive') {
    checkKind(file, config, kind);
    return { bare: file };
  }
  const archive = await openBackupArchive(file);
  checkKind(file, config, archive.manifest.dialect === 'sqlite' ? 'sqlite' : 'pg_dump');
  return archive;
}

async function verifyRestored(io: CliIo, file: string, files: number): Promise<{ checked: number; problem: { seq: number; message: string } | null; unfiled: string[] }> {
  // withSession migrates first: an older backup is brought up to the current schema.
  return withSession(io, {}, async ({ config, ctx, actor }) => {
    const result = await verifyAuditLog(ctx);
    // Attachments whose file is not in the data dir now (left out of the backup, or a bare database).
    const store = fileStore(config.dataDir);
    const hashes = (await ctx.db.selectFrom('attachment').select('sm3').distinct().execute()).map((r) => r.sm3);
    const unfiled = hashes.filter((sm3) => !fs.existsSync(store.pathOf(sm3))).sort();
    await recordAudit(ctx, actor, {
      action: 'system.restore', orgId: null,
      summary: { file: path.basename(file), auditChecked: result.checked, auditProblemAt: result.problem?.seq ?? null, files, filesMissing: unfiled.length },
    });
    return { ...result, unfiled };
  });
}

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'replace the database and restore the evidence files from a backup made by "lvzhi backup"',
  usage: `Usage: lvzhi restore FILE [--force] [--json]

Replaces the database with the backup in FILE and puts its evidence files back under
<data dir>/files, then applies migrations (an older backup is brought up to date) and verifies the
audit log chain. Stop the server first.
  Every part is checked before anything is replaced: the database against the SM3 in the archive's
  manifest, each evidence file against the SM3 it is named by.
  SQLite:      the database is checked (SQLite header, PRAGMA integrity_check) and renamed into place.
  PostgreSQL:  pg_restore --clean --if-exists --no-owner --exit-on-error into DATABASE_URL.
A bare database file (a backup of lvzhi before evidence files were included) restores the database
alone. A target that is already set up (SQLite) or has tables (PostgreSQL) is replaced only with
--force; evidence files already in the data dir stay (they are named by their content).
Encrypted fields need the master key of the installation the backup came from (LVZHI_SECRET_KEY or
<data dir>/secret.key): it is not part of the backup.

Exit status: 0 restored and the audit chain is intact; 3 restored but the audit chain is broken;
1 not restored.

Options:
  --force   replace a database that is in use
  --json    print {"file", "bytes", "sm3", "files", "fileBytes", "filesMissing", "checked", "problem"}
`,
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const file = path.resolve(positionals[0]!);
    const config = cliConfig(io);
    const backup = await openBackup(file, config);
    let staged: StagedBackup | null = null;
    try {
      const info = await fileInfo(file);
      const target = await checkTarget(config, values.force === true);
      staged = 'bare' in backup ? null : await stageBackup(backup, config.dataDir);
      const database = staged ? staged.databaseFile : file;
      if (target.emptyPostgres) await emptyPostgresTarget(config);
      if (config.databaseUrl) await restorePostgres(config.databaseUrl, database, io.env);
      else restoreSqlite(database, sqliteFile(config));
      if (staged) placeEvidence(staged, config.dataDir);
      const files = staged?.files.length ?? 0;
      const { checked, problem, unfiled } = await verifyRestored(io, file, files);
      if (unfiled.length > 0) io.err(`lvzhi: ${unfiled.length} attachment(s) have no evidence file in ${path.join(config.dataDir, 'files')}: ${unfiled.join(', ')}\n`);
      if (values.json) {
        json(io, { file, ...info, files, fileBytes: staged?.bytes ?? 0, filesMissing: unfiled, checked, problem });
      } else {
        line(io, `restored ${file} (SM3 ${info.sm3}) into ${describeDatabase(config)}`);
        line(io, staged ? `evidence files: ${files} restored (${formatBytes(staged.bytes)}), each matching its SM3` : 'evidence files: none in this backup (a database file only)');
        line(io, problem ? `audit log BROKEN at entry ${problem.seq}: ${problem.message}` : `audit log OK: ${checked} entries`);
      }
      return problem ? EXIT.auditBroken : EXIT.ok;
    } finally {
      staged?.remove();
    }
  },
});
