import { unprocessable } from '../../platform/errors.ts';

// Plain-text reports come in whatever encoding the office PC saved them in: UTF-8 (with or without
// a byte-order mark), GB18030/GBK from Notepad on a Chinese Windows, now and then UTF-16 from Word's
// "Unicode text". A byte-order mark decides; otherwise valid UTF-8 is UTF-8 and anything else is
// read as GB18030 (a superset of GBK and GB2312).

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
];

const notText = () => unprocessable('REPORT_NOT_TEXT', '文件不是可识别的文本（支持 UTF-8 或 GB18030 编码的 .txt，或 .docx）', 'file');

function decode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text of a .txt report; throws 422 when the bytes are no text in a known encoding. */
export function decodeReportText(bytes: Uint8Array): string {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  const text = bom ? decode(bytes.subarray(bom.bytes.length), bom.encoding) : (decode(bytes, 'utf-8') ?? decode(bytes, 'gb18030'));
  // A NUL never occurs in a text report: the bytes are a binary file some decoder happened to accept.
  if (text === null || text.includes('\u0000')) throw notText();
  return text;
}
