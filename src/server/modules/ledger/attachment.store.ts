import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sm3, sm3Hasher } from '../../platform/crypto.ts';
import { newId } from '../../platform/ids.ts';

// Evidence files live outside the database, content-addressed: <dataDir>/files/<first 2 hex>/<sm3>.
// The name is the hash of the bytes, so identical files are stored once and a changed file is
// detected on read. Writes go to a temp file that is synced and then renamed into place: a crash
// leaves either the whole file or none. The client's file name never reaches a path.

const SM3_HEX = /^[0-9a-f]{64}$/;

export interface FileStore {
  /** Stores the bytes (once per content) and returns their SM3. */
  put(bytes: Buffer): Promise<string>;
  /** The stored bytes and whether they still hash to `hash`; null when the file is missing. */
  get(hash: string): Promise<{ bytes: Buffer; intact: boolean } | null>;
  /** Re-hashes the stored file as a stream (the nightly check): intact, changed or missing. */
  verify(hash: string): Promise<'intact' | 'changed' | 'missing'>;
  /** Where a hash is stored (tests tamper with it). */
  pathOf(hash: string): string;
}

export function fileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, 'files');
  const pathOf = (hash: string) => {
    // The hash is ours (computed or read from our table), but a path is built from it: be strict.
    if (!SM3_HEX.test(hash)) throw new Error('invalid content hash');
    return path.join(root, hash.slice(0, 2), hash);
  };

  async function readIfPresent(file: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return {
    pathOf,
    async put(bytes) {
      const hash = sm3(bytes);
      const target = pathOf(hash);
      const existing = await readIfPresent(target);
      // Stored already and intact: nothing to write. A damaged copy is replaced by the good bytes.
      if (existing && sm3(existing) === hash) return hash;
      const tmpDir = path.join(root, 'tmp');
      await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const tmp = path.join(tmpDir, newId());
      const handle = await fs.open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(tmp, target);
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
      return hash;
    },
    async verify(hash) {
      const hasher = sm3Hasher();
      try {
        for await (const chunk of createReadStream(pathOf(hash))) hasher.update(chunk as Buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
        throw error;
      }
      return hasher.digest('hex') === hash ? 'intact' : 'changed';
    },
    async get(hash) {
      const bytes = await readIfPresent(pathOf(hash));
      return bytes && { bytes, intact: sm3(bytes) === hash };
    },
  };
}
