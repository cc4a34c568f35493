import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CliError } from '../io.ts';
import { writeAtomically } from './fileInfo.ts';

/**
 * Copies the live database with SQLite's online backup API: a consistent snapshot even while the
 * server writes (WAL), unlike a file copy. The copy is switched to a rollback journal so that it
 * is one self-contained file.
 */
export async function backupSqlite(databaseFile: string, backupFile: string): Promise<void> {
  const source = new SQLite(databaseFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await writeAtomically(backupFile, async (temp) => {
      await source.backup(temp);
      const copy = new SQLite(temp);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    });
  } finally {
    source.close();
  }
}

/**
 * Puts a backup in place of the database file: checked first (integrity_check, and an lvzhi
 * schema), then renamed over the target so a reader sees the old or the new file, never half of
 * one. Stale WAL files of the old database go first: SQLite would replay them into the new one.
 */
export function restoreSqlite(backupFile: string, databaseFile: string): void {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true, mode: 0o700 });
  const temp = `${databaseFile}.restore-${process.pid}.tmp`;
  try {
    fs.copyFileSync(backupFile, temp);
    const copy = new SQLite(temp, { fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new CliError(`${backupFile} failed the SQLite integrity check: ${String(check)}`);
      const migrations = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
      if (!migrations) throw new CliError(`${backupFile} is a SQLite database but not an lvzhi backup (no migration table)`);
    } finally {
      copy.close();
    }
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(databaseFile + suffix, { force: true });
    fs.renameSync(temp, databaseFile);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
