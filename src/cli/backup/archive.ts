import fs from 'node:fs';
import path from 'node:path';
import { fileStore } from '../../server/modules/ledger/attachment.store.ts';
import { CliError } from '../io.ts';
import { tempNextTo } from './fileInfo.ts';
import { TarReader, TarWriter } from './tar.ts';

// What `lvzhi backup FILE` writes: one tar archive holding
//   database.sqlite | database.pgdump   the database (SQLite's online backup, or pg_dump -Fc)
//   files/ab/<sm3>                      every evidence file the database refers to, named by the
//                                       SM3 of its content as under <data dir>/files
//   lvzhi-backup.json                   the manifest: dialect, the database's size and SM3, the
//                                       files' count and bytes, and those that could not be included
// The database is dumped first and the evidence list read after it: a file is stored before its
// attachment row is written, so every file the dump refers to exists by then (later uploads come
// along too, harmlessly). Restoring checks every file against its name before anything is replaced.

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
  let tar: TarWriter | null = null;
  try {
    await opts.dump(dumped);
    const hashes = [...new Set(await opts.evidence())].sort();
    tar = await TarWriter.create(temp);
    const name = DATABASE_ENTRY[opts.dialect];
    const database = { name, ...(await tar.addFile(name, dumped))! };
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
      const added = await tar.addFile(entryOf(sm3), source, (actual) => actual === sm3);
      if (!added) {
        damaged.push(sm3);
        continue;
      }
      files.count++;
      files.bytes += added.bytes;
    }
    const manifest: Manifest = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), dialect: opts.dialect, database, files, missing, damaged };
    await tar.addBuffer(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    const finished = tar;
    tar = null;
    await finished.close();
    fs.renameSync(temp, opts.file);
    return manifest;
  } catch (error) {
    await tar?.abandon();
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    fs.rmSync(dumped, { force: true });
  }
}

/** An opened backup archive whose entries match its manifest (nothing extracted yet). */
export interface BackupArchive {
  file: string;
  manifest: Manifest;
  reader: TarReader;
}

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
  return value as Manifest;
}

/**
 * Opens an archive and checks its table of contents against the manifest: the database entry, only
 * evidence files named by their SM3 (no other path can be written), and as many as it lists.
 */
export async function openBackupArchive(file: string): Promise<BackupArchive> {
  const reader = await TarReader.open(file);
  try {
    const manifestEntry = reader.entries.find((e) => e.name === MANIFEST);
    if (!manifestEntry) throw new CliError(`${file} is a tar archive but not an lvzhi backup (no ${MANIFEST})`);
    const manifest = parseManifest(file, await reader.text(manifestEntry));
    const seen = new Set<string>();
    let files = 0;
    for (const entry of reader.entries) {
      if (seen.has(entry.name)) throw new CliError(`${file} holds ${entry.name} twice`);
      seen.add(entry.name);
      const match = FILE_ENTRY.exec(entry.name);
      if (match && match[1] === match[2]!.slice(0, 2)) files++;
      else if (entry.name !== MANIFEST && entry.name !== DATABASE_ENTRY[manifest.dialect]) throw new CliError(`${file} holds an unexpected entry: ${entry.name}`);
    }
    const database = reader.entries.find((e) => e.name === DATABASE_ENTRY[manifest.dialect]);
    if (!database || database.size !== manifest.database.bytes) throw new CliError(`${file} lacks its database (${DATABASE_ENTRY[manifest.dialect]}) or holds it cut short`);
    if (files !== manifest.files.count) throw new CliError(`${file} holds ${files} evidence files where its manifest lists ${manifest.files.count}`);
    return { file, manifest, reader };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** The archive unpacked next to the data dir's files, every part checked against its SM3. */
export interface StagedBackup {
  databaseFile: string;
  files: { sm3: string; staged: string }[];
  bytes: number;
  remove(): void;
}

/**
 * Unpacks the database and the evidence files into a folder inside the data dir (so that they are
 * renamed into place later, on one file system) and checks each: the database against the
 * manifest's SM3, every evidence file against the SM3 in its name. Any mismatch stops the restore
 * before anything is replaced.
 */
export async function stageBackup(archive: BackupArchive, dataDir: string): Promise<StagedBackup> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const dir = fs.mkdtempSync(path.join(dataDir, 'restore-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const { manifest, reader } = archive;
    const databaseFile = path.join(dir, manifest.database.name);
    const database = reader.entries.find((e) => e.name === manifest.database.name)!;
    if ((await reader.extract(database, databaseFile)) !== manifest.database.sm3) {
      throw new CliError(`${archive.file} is damaged: its database does not match the SM3 in its manifest`);
    }
    const files: StagedBackup['files'] = [];
    let bytes = 0;
    for (const entry of reader.entries) {
      const sm3 = FILE_ENTRY.exec(entry.name)?.[2];
      if (!sm3) continue;
      const staged = path.join(dir, sm3);
      if ((await reader.extract(entry, staged)) !== sm3) throw new CliError(`${archive.file} is damaged: evidence file ${entry.name} does not match its SM3`);
      files.push({ sm3, staged });
      bytes += entry.size;
    }
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
