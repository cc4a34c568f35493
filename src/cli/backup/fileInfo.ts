import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Size and SM3 digest of a file, read as a stream (a database backup may be larger than memory).
 * Streams through node:crypto directly because platform/crypto.ts offers one-shot digests only.
 */
export async function fileInfo(file: string): Promise<{ bytes: number; sm3: string }> {
  const hash = createHash('sm3');
  await pipeline(fs.createReadStream(file), hash);
  return { bytes: fs.statSync(file).size, sm3: hash.digest('hex') };
}

/** Whether a file's first block is a POSIX (ustar) tar header: "ustar" at byte 257. */
const isTarHeader = (block: Buffer): boolean => block.subarray(257, 262).toString('latin1') === 'ustar';

/**
 * What a backup file is, from its first bytes: a backup archive (database and evidence files, see
 * archive.ts), or a bare database as backups before the archive were.
 */
export function backupKind(file: string): 'archive' | 'sqlite' | 'pg_dump' | 'unknown' {
  const head = Buffer.alloc(512);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 512, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (isTarHeader(head)) return 'archive';
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  // pg_dump's custom format starts with "PGDMP".
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  return 'unknown';
}

/** A name next to `file` for writing before an atomic rename into place. */
export const tempNextTo = (file: string): string => `${file}.${process.pid}.${Date.now()}.tmp`;

/** Writes `file` through `write(temp)` and renames it into place; the temp is removed on failure. */
export async function writeAtomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = tempNextTo(file);
  try {
    await write(temp);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
