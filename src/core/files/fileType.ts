import { readZipDirectory } from './zip.ts';

// Evidence files are typed by their bytes, never by their name or the browser's Content-Type: an
// HTML page renamed .docx or a program renamed .jpg must not get in.

export const EVIDENCE_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type EvidenceExt = keyof typeof EVIDENCE_TYPES;
export type EvidenceMime = (typeof EVIDENCE_TYPES)[EvidenceExt];

/** Types a browser may show in a preview: images and PDFs, never anything that runs script. */
export const INLINE_MIMES: ReadonlySet<string> = new Set([EVIDENCE_TYPES.jpg, EVIDENCE_TYPES.png, EVIDENCE_TYPES.pdf]);

/** Office files declaring more than this, or more entries, are refused as possible zip bombs. */
export interface ZipLimits {
  maxUncompressed: number;
  maxEntries: number;
}

export type Sniffed = { ext: EvidenceExt; mime: EvidenceMime } | { rejected: 'unknown' | 'zip_too_large' };

const startsWith = (buffer: Buffer, bytes: readonly number[]) => buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
const typed = (ext: EvidenceExt): Sniffed => ({ ext, mime: EVIDENCE_TYPES[ext] });

/** An Office Open XML package: the content-types part plus the main part's folder. */
function officeKind(names: readonly string[]): 'docx' | 'xlsx' | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/** What an uploaded file is, from its magic numbers (and, for ZIP-based Office files, its entries). */
export function sniffFileType(buffer: Buffer, zipLimits: ZipLimits): Sniffed {
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return typed('jpg');
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return typed('png');
  if (buffer.subarray(0, 5).toString('latin1') === '%PDF-') return typed('pdf');
  const zip = readZipDirectory(buffer);
  const kind = zip && officeKind(zip.names);
  if (!zip || !kind) return { rejected: 'unknown' };
  if (zip.uncompressed > zipLimits.maxUncompressed || zip.names.length > zipLimits.maxEntries) return { rejected: 'zip_too_large' };
  return typed(kind);
}
