import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { CliError } from '../io.ts';

// The backup archive's container: a POSIX tar file (ustar), so that `tar tf` lists a backup and
// `tar xf` unpacks one without lvzhi. Only what the backup needs: regular files, names under 100
// bytes, written and read through positional I/O in 1 MiB chunks (a database dump may be larger
// than memory). Sizes of 8 GiB and more use the base-256 size field that GNU tar and bsdtar read.

const BLOCK = 512;
const CHUNK = 1 << 20;
const OCTAL_SIZE_LIMIT = 8 ** 11;

const padded = (size: number) => Math.ceil(size / BLOCK) * BLOCK;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length >= 100) throw new Error(`tar entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  bytes.copy(h, 0);
  h.write(octal(0o600, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  if (size < OCTAL_SIZE_LIMIT) {
    h.write(octal(size, 12), 124, 'latin1');
  } else {
    // base-256: the high bit of the first byte set, the size big-endian in the field's last 8 bytes.
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 128);
  }
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write('0', 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** Whether a file's first block is a ustar header (a backup archive rather than a bare database). */
export function isTarHeader(block: Buffer): boolean {
  return block.length >= BLOCK && block.subarray(257, 262).toString('latin1') === 'ustar';
}

/** Writes a tar file entry by entry; `close` ends it with the two zero blocks. */
export class TarWriter {
  private position = 0;
  private constructor(private readonly handle: fs.FileHandle) {}

  static async create(file: string): Promise<TarWriter> {
    return new TarWriter(await fs.open(file, 'wx', 0o600));
  }

  private async write(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, this.position);
      done += bytesWritten;
      this.position += bytesWritten;
    }
  }

  async addBuffer(name: string, bytes: Buffer): Promise<void> {
    await this.write(header(name, bytes.length, new Date()));
    await this.write(bytes);
    await this.write(Buffer.alloc(padded(bytes.length) - bytes.length));
  }

  /**
   * Copies `source` in as `name` and returns its size and SM3. When `accept` refuses the digest
   * (a damaged evidence file), the entry is taken out again and null returned.
   */
  async addFile(name: string, source: string, accept: (sm3: string) => boolean = () => true): Promise<{ bytes: number; sm3: string } | null> {
    const start = this.position;
    const input = await fs.open(source, 'r');
    try {
      const { size, mtime } = await input.stat();
      await this.write(header(name, size, mtime));
      const hash = createHash('sm3');
      const buffer = Buffer.alloc(CHUNK);
      let copied = 0;
      while (copied < size) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - copied), copied);
        if (bytesRead === 0) throw new CliError(`${source} shrank while it was being backed up`);
        hash.update(buffer.subarray(0, bytesRead));
        await this.write(buffer.subarray(0, bytesRead));
        copied += bytesRead;
      }
      const sm3 = hash.digest('hex');
      if (!accept(sm3)) {
        await this.handle.truncate(start);
        this.position = start;
        return null;
      }
      await this.write(Buffer.alloc(padded(size) - size));
      return { bytes: size, sm3 };
    } finally {
      await input.close();
    }
  }

  async close(): Promise<void> {
    try {
      await this.write(Buffer.alloc(2 * BLOCK));
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }

  /** Closes without finishing the archive (after a failure; the caller removes the file). */
  async abandon(): Promise<void> {
    await this.handle.close();
  }
}

/** One regular file in an archive: where its content starts and how long it is. */
export interface TarEntry {
  name: string;
  size: number;
  offset: number;
}

function parseSize(field: Buffer): number {
  if (field[0]! & 0x80) return Number(field.readBigUInt64BE(4));
  return parseInt(field.toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8);
}

const cString = (bytes: Buffer) => bytes.toString('utf8').replace(/\0.*$/s, '');

/** Reads an archive's entries (headers only: the contents are read later, by offset). */
export class TarReader {
  private constructor(
    private readonly handle: fs.FileHandle,
    readonly entries: readonly TarEntry[],
  ) {}

  static async open(file: string): Promise<TarReader> {
    const handle = await fs.open(file, 'r');
    try {
      const { size: fileSize } = await handle.stat();
      const entries: TarEntry[] = [];
      const block = Buffer.alloc(BLOCK);
      let position = 0;
      for (;;) {
        const { bytesRead } = await handle.read(block, 0, BLOCK, position);
        if (bytesRead < BLOCK) throw new CliError(`${file} is cut short: the archive has no end`);
        if (block.every((b) => b === 0)) break;
        let sum = 0;
        for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
        if (sum !== parseInt(cString(block.subarray(148, 156)).trim(), 8)) throw new CliError(`${file} is damaged: a header at byte ${position} fails its checksum`);
        const prefix = cString(block.subarray(345, 500));
        const base = cString(block.subarray(0, 100));
        const name = prefix ? `${prefix}/${base}` : base;
        const size = parseSize(block.subarray(124, 136));
        const type = String.fromCharCode(block[156]!);
        const offset = position + BLOCK;
        if (offset + size > fileSize) throw new CliError(`${file} is cut short: ${name} is incomplete`);
        if (type === '0' || type === '\0') entries.push({ name, size, offset });
        position = offset + padded(size);
      }
      return new TarReader(handle, entries);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async text(entry: TarEntry): Promise<string> {
    const bytes = Buffer.alloc(entry.size);
    await this.handle.read(bytes, 0, entry.size, entry.offset);
    return bytes.toString('utf8');
  }

  /** Copies an entry's content to a new file `target` (mode 600) and returns its SM3. */
  async extract(entry: TarEntry, target: string): Promise<string> {
    const out = await fs.open(target, 'wx', 0o600);
    try {
      const hash = createHash('sm3');
      const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(entry.size, 1)));
      let copied = 0;
      while (copied < entry.size) {
        const { bytesRead } = await this.handle.read(buffer, 0, Math.min(buffer.length, entry.size - copied), entry.offset + copied);
        const part = buffer.subarray(0, bytesRead);
        if (bytesRead === 0) throw new CliError(`the archive ended inside ${entry.name}`);
        hash.update(part);
        for (let done = 0; done < part.length; ) done += (await out.write(part, done, part.length - done)).bytesWritten;
        copied += bytesRead;
      }
      await out.sync();
      return hash.digest('hex');
    } finally {
      await out.close();
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
