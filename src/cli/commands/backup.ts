import fs from 'node:fs';
import path from 'node:path';
import { recordAudit } from '../../server/modules/audit/audit.repository.ts';
import { dumpPostgres } from '../backup/postgres.ts';
import { backupSqlite } from '../backup/sqlite.ts';
import { fileInfo } from '../backup/fileInfo.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { CliError, formatBytes, json, line } from '../io.ts';

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'write a consistent online backup of the database to FILE',
  usage: `Usage: lvzhi backup FILE [--force] [--json]

Writes a consistent backup while the server keeps running: SQLite's online backup API for SQLite
(FILE is a SQLite database), pg_dump's custom format for PostgreSQL (FILE is for pg_restore).
Prints the size and SM3 checksum. The backup is recorded in the audit log (and contains that entry).

The master key (LVZHI_SECRET_KEY or <data dir>/secret.key) is not in the backup: keep it
separately, encrypted fields cannot be read without it.

Options:
  --force   overwrite FILE if it exists
  --json    print {"file", "bytes", "sm3", "dialect"}
`,
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const file = path.resolve(positionals[0]!);
    if (fs.existsSync(file) && !values.force) throw new CliError(`${file} exists already: choose another name or use --force`);
    if (!fs.existsSync(path.dirname(file))) throw new CliError(`folder ${path.dirname(file)} does not exist`);
    const dialect = await withSession(io, { mustExist: true }, async ({ config, handle, ctx, actor }) => {
      // Recorded first, so that the backup holds the entry for itself.
      await recordAudit(ctx, actor, { action: 'system.backup', orgId: null, summary: { file: path.basename(file), dialect: handle.dialect } });
      if (handle.dialect === 'sqlite') await backupSqlite(handle.location, file);
      else await dumpPostgres(config.databaseUrl!, file, io.env);
      return handle.dialect;
    });
    const info = await fileInfo(file);
    if (values.json) json(io, { file, ...info, dialect });
    else line(io, `backup written: ${file} (${formatBytes(info.bytes)}, SM3 ${info.sm3})`);
    return 0;
  },
});
