import fs from 'node:fs';
import path from 'node:path';
import { recordAudit } from '../../server/modules/audit/audit.repository.ts';
import { writeBackupArchive } from '../backup/archive.ts';
import { dumpPostgres } from '../backup/postgres.ts';
import { backupSqlite } from '../backup/sqlite.ts';
import { fileInfo } from '../backup/fileInfo.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { CliError, formatBytes, json, line } from '../io.ts';

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'write a consistent online backup of the database and the evidence files to FILE',
  usage: `Usage: lvzhi backup FILE [--force] [--json]

Writes a consistent backup while the server keeps running, as one tar archive (\`tar tf FILE\` lists it):
  database.sqlite    SQLite's online backup of the database, or
  database.pgdump    pg_dump's custom format (for pg_restore), on PostgreSQL;
  files/ab/<sm3>     every evidence file the database refers to, checked against its SM3;
  lvzhi-backup.json  what the archive holds, with the database's size and SM3.
Prints the archive's size and SM3 checksum. The backup is recorded in the audit log (and contains
that entry). An evidence file that is missing or no longer matches its SM3 is left out and named
on stderr (the backup is still written).

The master key (LVZHI_SECRET_KEY or <data dir>/secret.key) is not in the backup: keep it
separately, encrypted fields cannot be read without it.

Options:
  --force   overwrite FILE if it exists
  --json    print {"file", "bytes", "sm3", "dialect", "files", "fileBytes", "missing", "damaged"}
`,
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const file = path.resolve(positionals[0]!);
    if (fs.existsSync(file) && !values.force) throw new CliError(`${file} exists already: choose another name or use --force`);
    if (!fs.existsSync(path.dirname(file))) throw new CliError(`folder ${path.dirname(file)} does not exist`);
    const manifest = await withSession(io, { mustExist: true }, async ({ config, handle, ctx, actor }) => {
      // Recorded first, so that the backup holds the entry for itself.
      await recordAudit(ctx, actor, { action: 'system.backup', orgId: null, summary: { file: path.basename(file), dialect: handle.dialect } });
      return writeBackupArchive({
        file,
        dialect: handle.dialect,
        dataDir: config.dataDir,
        dump: (target) => (handle.dialect === 'sqlite' ? backupSqlite(handle.location, target) : dumpPostgres(config.databaseUrl!, target, io.env)),
        // Read after the dump: every attachment it holds had its file stored before its row.
        evidence: async () => (await handle.db.selectFrom('attachment').select('sm3').distinct().execute()).map((r) => r.sm3),
      });
    });
    const info = await fileInfo(file);
    const { dialect, files, missing, damaged } = manifest;
    if (missing.length > 0) io.err(`lvzhi: ${missing.length} evidence file(s) missing from the data dir, not in the backup: ${missing.join(', ')}\n`);
    if (damaged.length > 0) io.err(`lvzhi: ${damaged.length} evidence file(s) no longer match their SM3, left out of the backup: ${damaged.join(', ')}\n`);
    if (values.json) {
      json(io, { file, ...info, dialect, files: files.count, fileBytes: files.bytes, missing, damaged });
    } else {
      line(io, `backup written: ${file} (${formatBytes(info.bytes)}, SM3 ${info.sm3})`);
      line(io, `holds the database and ${files.count} evidence file(s) (${formatBytes(files.bytes)})`);
    }
    return 0;
  },
});
