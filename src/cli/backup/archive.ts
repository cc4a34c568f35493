import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header, pack, type Pack } from 'tar-stream';
import { fileStore } from '../../server/modules/ledger/attachment.store.ts';
import { CliError } from '../io.ts';
import { fileInfo, tempNextTo } from './fileInfo.ts';

// What `lvzhi backup FILE` writes: one tar archive holding
//   database.sqlite | database.pgdump   the database (SQLite's online backup, or pg_dump -Fc)
//   files/ab/<sm3>                      every evidence file the database refers to, named by the
//                                       SM3 of its content as under <data dir>/files
//   lvzhi-backup.json                   the manifest: dialect, the database's size and SM3, the
//                                       files' count and bytes, and those that could not be included
// The database is dumped first and the evidence list read after it: a file is stored before its
// attachment row is written, so every file the dump refers to exists by then (later uploads come
// along too, harmlessly). Restoring checks every file against its name before anything is replaced.
// The tar container is tar-stream's (POSIX ustar, so `tar tf` lists a backup and `tar xf` unpacks
// one); every entry's content is streamed, never held in memory (a database dump may be larger).

export const MANIFEST = 'lvzhi-backup.json';
const FORMAT = 'lvzhi-backup';
const VERSION = 1;
const DATABASE_ENTRY = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;
const FILE_ENTRY = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export type BackupDialect = keyof typeof DATABASE_ENTRY;

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  dialect: BackupDialect;
  database: { name: string; bytes: number; sm3: string };
  files: { count: number; bytes: number };
  /** Attachments' SM3s whose file was not in the data dir at backup time. */
  missing: string[];
  /** Attachments' SM3s whose stored file no longer matched its SM3 (left out). */
  damaged: string[];
}

const entryOf = (sm3: string) => `files/${sm3.slice(0, 2)}/${sm3}`;

/** A pipeline stage that passes every chunk on unchanged, feeding it to `hash` and counting it. */
function hashing(hash: Hash, counted: { bytes: number } = { bytes: 0 }) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      hash.update(chunk);
      counted.bytes += chunk.length;
      yield chunk;
    }
  };
}

/** Adds an entry given whole (the manifest), resolved once it is in the archive's stream. */
function addBuffer(tar: Pack, name: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    tar.entry({ name, mode: 0o600, mtime: new Date() }, bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Streams the file `source` into the archive as `name` (its size and mtime as opened) and returns
 * its size and the SM3 of what was copied.
 */
async function addFile(tar: Pack, name: string, source: string): Promise<{ bytes: number; sm3: string }> {
  const handle = await fs.promises.open(source, 'r');
  try {
    const { size, mtime } = await handle.stat();
    const hash = createHash('sm3');
    const counted = { bytes: 0 };
    // Exactly `size` bytes: a file that grows meanwhile is cut at the size in its header.
    const content = size > 0 ? fs.createReadStream('', { fd: handle, start: 0, end: size - 1, autoClose: false }) : Readable.from([]);
    const entry = tar.entry({ name, size, mode: 0o600, mtime, type: 'file' });
    try {
      await pipeline(content, hashing(hash, counted), entry as unknown as NodeJS.WritableStream);
    } catch (error) {
      if (counted.bytes < size) throw new CliError(`${source} shrank while it was being backed up`);
      throw error;
    }
    return { bytes: size, sm3: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/**
 * Writes the backup archive to `file` (through a temp file renamed into place): the database made by
 * `dump(target)`, then the evidence files whose SM3s `evidence()` lists, each checked as it is copied.
 */
export async function writeBackupArchive(opts: {
  file: string;
  dialect: BackupDialect;
  dataDir: string;
  dump: (target: string) => Promise<void>;
  evidence: () => Promise<string[]>;
}): Promise<Manifest> {
  const temp = tempNextTo(opts.file);
  const dumped = `${temp}.database`;
  try {
    await opts.dump(dumped);
    const hashes = [...new Set(await opts.evidence())].sort();
    const tar = pack();
    const writing = pipeline(tar as unknown as NodeJS.ReadableStream, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
    const building = (async (): Promise<Manifest> => {
      const name = DATABASE_ENTRY[opts.dialect];
      const database = { name, ...(await addFile(tar, name, dumped)) };
      fs.rmSync(dumped, { force: true });
      const store = fileStore(opts.dataDir);
      const files = { count: 0, bytes: 0 };
      const missing: string[] = [];
      const damaged: string[] = [];
      for (const sm3 of hashes) {
        const source = store.pathOf(sm3);
        if (!fs.existsSync(source)) {
          missing.push(sm3);
          continue;
        }
        // Checked before it goes in, since an entry cannot be taken out of the stream again, and
        // checked once more as it is copied.
        if ((await fileInfo(source)).sm3 !== sm3) {
          damaged.push(sm3);
          continue;
        }
        const added = await addFile(tar, entryOf(sm3), source);
        if (added.sm3 !== sm3) throw new CliError(`evidence file ${source} changed while it was being backed up`);
        files.count++;
        files.bytes += added.bytes;
      }
      const manifest: Manifest = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), dialect: opts.dialect, database, files, missing, damaged };
      await addBuffer(tar, MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      tar.finalize();
      return manifest;
    })();
    // Whichever fails first is the cause (a failed copy ends the archive's stream, a failed write
    // the copy): both are waited for, so that nothing is still running when the temp file goes.
    const failures: unknown[] = [];
    const [manifest] = await Promise.all([
      building.catch((error: unknown) => {
        failures.push(error);
        tar.destroy(error instanceof Error ? error : new Error(String(error)));
        return null;
      }),
      writing.catch((error: unknown) => {
        failures.push(error);
      }),
    ]);
    if (failures.length > 0 || !manifest) throw failures[0];
    fs.renameSync(temp, opts.file);
    return manifest;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    fs.rmSync(dumped, { force: true });
  }
}

/** A regular file in an archive, as listed by its header. */
export interface ArchiveEntry {
  name: string;
  size: number;
}

/** An opened backup archive whose entries match its manifest (nothing extracted yet). */
export interface BackupArchive {
  file: string;
  manifest: Manifest;
  entries: readonly ArchiveEntry[];
}

/** The largest manifest read (it lists the SM3s of missing and damaged files, 67 bytes each). */
const MANIFEST_LIMIT = 64 << 20;

function parseManifest(file: string, text: string): Manifest {
  let value: Partial<Manifest>;
  try {
    value = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw new CliError(`${file}: its ${MANIFEST} is not valid JSON`);
  }
  if (value.format !== FORMAT) throw new CliError(`${file}: its ${MANIFEST} is not an lvzhi backup manifest`);
  if (typeof value.version !== 'number' || value.version > VERSION) throw new CliError(`${file} was written by a newer lvzhi (backup format ${String(value.version)}): upgrade lvzhi to restore it`);
  if (value.dialect !== 'sqlite' && value.dialect !== 'postgres') throw new CliError(`${file}: its manifest names no database kind`);
  const { database, files } = value;
  if (database?.name !== DATABASE_ENTRY[value.dialect] || typeof database.bytes !== 'number' || typeof database.sm3 !== 'string' || typeof files?.count !== 'number') {
    throw new CliError(`${file}: its ${MANIFEST} does not describe the database and files it holds`);
  }
  return value as Manifest;
}

/** Whether `name`, unpacked under a folder, could land outside it (absolute, or with a `..` step). */
const unsafeName = (name: string) => name === '' || /^([/\\]|[A-Za-z]:)/.test(name) || name.split(/[/\\]/).includes('..');

/** The entries a backup may hold: the manifest, a database, evidence files under files/ (and folders for them). */
function isFileEntry(name: string): string | null {
  const match = FILE_ENTRY.exec(name);
  return match && match[1] === match[2]!.slice(0, 2) ? match[2]! : null;
}
const DATABASE_NAMES: readonly string[] = Object.values(DATABASE_ENTRY);
const FOLDER_ENTRY = /^files(\/[0-9a-f]{2})?\/?$/;

/**
 * Refuses an entry no backup holds: a name that could point outside the folder it is unpacked into,
 * a link or device, or any name but the manifest, a database and files/ab/<sm3>. True for a folder
 * (files/, files/ab/: tar writes them when an unpacked backup is packed again), which holds nothing.
 */
function checkEntry(file: string, header: Header): boolean {
  const { name, type } = header;
  if (unsafeName(name)) throw new CliError(`${file} holds an entry named ${name}, which points outside the folder it would be unpacked into: refused`);
  if (type === 'directory' && FOLDER_ENTRY.test(name)) return true;
  const known = name === MANIFEST || DATABASE_NAMES.includes(name) || isFileEntry(name) !== null;
  if ((type !== 'file' && type !== 'contiguous-file') || !known) throw new CliError(`${file} holds an unexpected entry: ${name}${type === 'file' ? '' : ` (${type})`}`);
  return false;
}

/** Reads what is left of an entry's content without keeping it. */
const skip = (content: Readable) => pipeline(content, new Writable({ write: (_chunk, _encoding, done) => done() }));

/**
 * Reads the archive from its start, handing every entry to `visit`, which must read or skip its
 * content. A damaged or cut-short archive is refused as such.
 */
async function eachEntry(file: string, visit: (header: Header, content: Readable) => Promise<void>): Promise<void> {
  const entries = extract();
  const feeding = pipeline(fs.createReadStream(file), entries as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of entries) await visit(entry.header, entry as unknown as Readable);
    await feeding;
  } catch (error) {
    entries.destroy();
    await feeding.catch(() => undefined);
    // tar-stream's own errors (a header failing its checksum, the data ending early) have no code.
    if (error instanceof CliError || (error instanceof Error && 'errno' in error)) throw error;
    throw new CliError(`${file} is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Opens an archive and checks its table of contents against the manifest: the database entry, only
 * evidence files named by their SM3 (no other path can be written), and as many as it lists.
 */
export async function openBackupArchive(file: string): Promise<BackupArchive> {
  const entries: ArchiveEntry[] = [];
  const seen = new Set<string>();
  let manifestText: string | null = null;
  await eachEntry(file, async (header, content) => {
    if (checkEntry(file, header)) return skip(content);
    if (seen.has(header.name)) throw new CliError(`${file} holds ${header.name} twice`);
    seen.add(header.name);
    entries.push({ name: header.name, size: header.size });
    if (header.name !== MANIFEST) return skip(content);
    if (header.size > MANIFEST_LIMIT) throw new CliError(`${file}: its ${MANIFEST} is too large to be a backup manifest`);
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(chunk as Buffer);
    manifestText = Buffer.concat(chunks).toString('utf8');
  });
  if (manifestText === null) throw new CliError(`${file} is a tar archive but not an lvzhi backup (no ${MANIFEST})`);
  const manifest = parseManifest(file, manifestText);
  const databaseName = DATABASE_ENTRY[manifest.dialect];
  let files = 0;
  for (const entry of entries) {
    if (isFileEntry(entry.name)) files++;
    else if (entry.name !== MANIFEST && entry.name !== databaseName) throw new CliError(`${file} holds an unexpected entry: ${entry.name}`);
  }
  const database = entries.find((e) => e.name === databaseName);
  if (!database || database.size !== manifest.database.bytes) throw new CliError(`${file} lacks its database (${databaseName}) or holds it cut short`);
  if (files !== manifest.files.count) throw new CliError(`${file} holds ${files} evidence files where its manifest lists ${manifest.files.count}`);
  return { file, manifest, entries };
}

/** The archive unpacked next to the data dir's files, every part checked against its SM3. */
export interface StagedBackup {
  databaseFile: string;
  files: { sm3: string; staged: string }[];
  bytes: number;
  remove(): void;
}

/** Copies an entry's content to the new file `dir`/`name` (mode 600) and returns its SM3. */
async function extractTo(content: Readable, dir: string, name: string): Promise<string> {
  const target = path.join(dir, name);
  // Names come from the checks above (a fixed name or an SM3): never anything outside `dir`.
  if (path.dirname(target) !== dir) throw new Error(`refusing to write ${target} outside ${dir}`);
  const hash = createHash('sm3');
  await pipeline(content, hashing(hash), fs.createWriteStream(target, { flags: 'wx', mode: 0o600, flush: true }));
  return hash.digest('hex');
}

/**
 * Unpacks the database and the evidence files into a folder inside the data dir (so that they are
 * renamed into place later, on one file system) and checks each: the database against the
 * manifest's SM3, every evidence file against the SM3 in its name. Any mismatch stops the restore
 * before anything is replaced. Every entry is checked again as it comes: the archive is read anew.
 */
export async function stageBackup(archive: BackupArchive, dataDir: string): Promise<StagedBackup> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const dir = fs.mkdtempSync(path.join(path.resolve(dataDir), 'restore-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const { file, manifest } = archive;
    const databaseName = DATABASE_ENTRY[manifest.dialect];
    const databaseFile = path.join(dir, databaseName);
    let databaseFound = false;
    const files: StagedBackup['files'] = [];
    let bytes = 0;
    await eachEntry(file, async (header, content) => {
      if (checkEntry(file, header) || header.name === MANIFEST) return skip(content);
      if (header.name === databaseName && !databaseFound) {
        databaseFound = true;
        if ((await extractTo(content, dir, databaseName)) !== manifest.database.sm3) {
          throw new CliError(`${file} is damaged: its database does not match the SM3 in its manifest`);
        }
        return;
      }
      const sm3 = isFileEntry(header.name);
      if (!sm3 || fs.existsSync(path.join(dir, sm3))) throw new CliError(`${file} changed while it was being restored: ${header.name} was not in it or is there twice`);
      if ((await extractTo(content, dir, sm3)) !== sm3) throw new CliError(`${file} is damaged: evidence file ${header.name} does not match its SM3`);
      files.push({ sm3, staged: path.join(dir, sm3) });
      bytes += header.size;
    });
    if (!databaseFound || files.length !== manifest.files.count) throw new CliError(`${file} changed while it was being restored: it no longer holds what its manifest lists`);
    return { databaseFile, files, bytes, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Renames the staged evidence files into <data dir>/files (a copy already there is replaced by the checked one). */
export function placeEvidence(staged: StagedBackup, dataDir: string): void {
  const store = fileStore(dataDir);
  for (const { sm3, staged: from } of staged.files) {
    const target = store.pathOf(sm3);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.renameSync(from, target);
  }
}
