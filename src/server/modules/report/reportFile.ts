import { isZip } from '../../../core/files/zip.ts';
import { unprocessable } from '../../platform/errors.ts';
import { docxText } from './reportFile.docx.ts';
import { decodeReportText } from './reportFile.text.ts';

// An uploaded or named old report as text, one paragraph a line, for core/report to parse. What
// the bytes are decides, not the name: a .txt that is really a .docx is read as one. The name
// only sharpens the message when the bytes are something else.

/** A report is a few dozen kilobytes; 20 MiB leaves room for a .docx with pictures in it. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** About 150 dense pages. Reading is linear, but a "report" of millions of placeholders is an attack, not a template. */
export const MAX_REPORT_CHARS = 300_000;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const tooLong = (what: string) => unprocessable('REPORT_TOO_LARGE', `${what}，不像是一份报告`, 'file');
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The text of a report file (.txt in UTF-8, GB18030 or UTF-16; .docx); throws 422 for anything else, or for no text at all. */
export async function reportText(bytes: Buffer, fileName = ''): Promise<string> {
  if (bytes.length > MAX_REPORT_BYTES) throw tooLong(`文件超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB`);
  if (startsWith(bytes, OLE_MAGIC)) throw unprocessable('REPORT_OLD_DOC', '不支持旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入', 'file');
  if (!isZip(bytes) && /\.docx$/i.test(fileName)) throw unprocessable('REPORT_NOT_DOCX', '文件不是有效的 Word（.docx）文档', 'file');
  const text = isZip(bytes) ? await docxText(bytes) : decodeReportText(bytes);
  if (text.length > MAX_REPORT_CHARS) throw tooLong(`文字超过 ${MAX_REPORT_CHARS / 10_000} 万字`);
  if (text.trim() === '') throw unprocessable('REPORT_EMPTY', '文件中没有文字，请上传报告正文（.txt 或 .docx）', 'file');
  return text;
}
