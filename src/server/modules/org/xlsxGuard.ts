import { unprocessable } from '../../platform/errors.ts';

// An .xlsx file is a ZIP archive. Before handing an upload to the spreadsheet parser we check that
// it is one (by its bytes, not its name) and that it does not declare more content than any real
// org/people workbook has: a few megabytes of upload must not inflate into gigabytes in memory.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Uncompressed total and entry count allowed: far above any genuine workbook of MAX_IMPORT_ROWS rows. */
const MAX_UNCOMPRESSED = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;

const notXlsx = () => unprocessable('NOT_XLSX', '请上传 .xlsx 格式的Excel文件（不支持 .xls、.csv 或其他格式）', 'file');
const tooBig = () => unprocessable('XLSX_TOO_LARGE', '文件解压后过大，请分批导入', 'file');

/** Sum of the uncompressed sizes the archive declares, from its central directory. */
function declaredSize(buffer: Buffer): { total: number; entries: number } | null {
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  const floor = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let i = buffer.length - 22; i >= floor; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) return null;
    const size = buffer.readUInt32LE(offset + 24);
    // 0xFFFFFFFF means ZIP64: no workbook we produce or accept needs it.
    if (size === 0xffffffff) return { total: Infinity, entries };
    total += size;
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return { total, entries };
}

/** Throws 422 unless `buffer` looks like a reasonably sized .xlsx (ZIP) file. */
export function assertXlsx(buffer: Buffer): void {
  if (buffer.length < 30 || buffer.readUInt32LE(0) !== LOCAL_HEADER) throw notXlsx();
  const size = declaredSize(buffer);
  if (!size) throw notXlsx();
  if (size.total > MAX_UNCOMPRESSED || size.entries > MAX_ENTRIES) throw tooBig();
}
