// ZIP archives (.docx, .xlsx) read only as far as their central directory: the entry names and the
// uncompressed sizes they declare. Enough to tell a Word file from a workbook and to refuse a
// "zip bomb" before anything is inflated; nothing here decompresses.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 0xFFFFFFFF in a size field means ZIP64: no document we accept needs it. */
const ZIP64_MARK = 0xffffffff;

export interface ZipDirectory {
  names: string[];
  /** Sum of the declared uncompressed sizes; Infinity when an entry uses ZIP64. */
  uncompressed: number;
}

export const isZip = (buffer: Buffer): boolean => buffer.length >= 30 && buffer.readUInt32LE(0) === LOCAL_HEADER;

function endOfCentralDirectory(buffer: Buffer): number {
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  const floor = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= floor; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

/** The archive's directory, or null when `buffer` is not a complete ZIP archive. */
export function readZipDirectory(buffer: Buffer): ZipDirectory | null {
  if (!isZip(buffer)) return null;
  const end = endOfCentralDirectory(buffer);
  if (end < 0) return null;
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const names: string[] = [];
  let uncompressed = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) return null;
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    if (offset + 46 + nameLength > buffer.length) return null;
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    uncompressed = size === ZIP64_MARK ? Infinity : uncompressed + size;
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return { names, uncompressed };
}
