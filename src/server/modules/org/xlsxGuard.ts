import { readZipDirectory } from '../../../core/files/zip.ts';
import { unprocessable } from '../../platform/errors.ts';

// An .xlsx file is a ZIP archive. Before handing an upload to the spreadsheet parser we check that
// it is one (by its bytes, not its name) and that it does not declare more content than any real
// workbook has: a few megabytes of upload must not inflate into gigabytes in memory.

/** Uncompressed total and entry count allowed: far above any genuine workbook of MAX_IMPORT_ROWS rows. */
export const ZIP_LIMITS = { maxUncompressed: 100 * 1024 * 1024, maxEntries: 2000 } as const;

const notXlsx = () => unprocessable('NOT_XLSX', '请上传 .xlsx 格式的Excel文件（不支持 .xls、.csv 或其他格式）', 'file');
const tooBig = () => unprocessable('XLSX_TOO_LARGE', '文件解压后过大，请分批导入', 'file');

/** Throws 422 unless `buffer` looks like a reasonably sized .xlsx (ZIP) file. */
export function assertXlsx(buffer: Buffer): void {
  const zip = readZipDirectory(buffer);
  if (!zip) throw notXlsx();
  if (zip.uncompressed > ZIP_LIMITS.maxUncompressed || zip.names.length > ZIP_LIMITS.maxEntries) throw tooBig();
}
