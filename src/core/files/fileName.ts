import type { EvidenceExt } from './fileType.ts';

// The browser's file name is kept for display and downloads only; it never becomes a path. It may
// still carry folders ("C:\\scans\\a.pdf", "../../x"), control characters or a misleading ending.

const NAME_MAX = 200;
const SAME_EXT: Record<EvidenceExt, readonly string[]> = { jpg: ['jpg', 'jpeg'], png: ['png'], pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'] };

/**
 * A display name for an upload: the last path segment, without control characters, ending in the
 * extension of the type its bytes have (a PDF called "photo.png" becomes "photo.png.pdf").
 */
export function displayFileName(given: string, ext: EvidenceExt): string {
  // eslint-disable-next-line no-control-regex
  const base = (given.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const stem = base === '' || base === '.' || base === '..' ? '附件' : base;
  const current = /\.([^.]+)$/.exec(stem)?.[1]?.toLowerCase();
  const name = current && SAME_EXT[ext].includes(current) ? stem : `${stem}.${ext}`;
  return [...name].length > NAME_MAX ? `${[...name].slice(0, NAME_MAX - ext.length - 1).join('')}.${ext}` : name;
}

/** An ASCII stand-in for old clients' `filename=`: letters, digits, dot, dash, underscore. */
export function asciiFileName(name: string, ext: EvidenceExt | string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/_+/g, '_');
  return /[A-Za-z0-9]/.test(ascii.replace(/\.[^.]*$/, '')) ? ascii : `attachment.${ext}`;
}
