import JSZip from 'jszip';
import { readZipDirectory } from '../../../core/files/zip.ts';
import { unprocessable } from '../../platform/errors.ts';
import { readNumbering, type Numbering } from './reportFile.numbering.ts';

// The text of a .docx report: one line per paragraph (w:p), its w:t runs joined, w:tab as a space
// and w:br/w:cr as a line break; list numbering resolved from numbering.xml where it is simple
// (see reportFile.numbering.ts). Deleted text (w:delText) and field codes (w:instrText) are not
// text. The archive is checked before anything is inflated, and each part is inflated under a
// limit: an upload of a few megabytes must not become gigabytes in memory.

/** Far above any real report: a 200-page document.xml is a few megabytes. */
export const DOCX_LIMITS = { maxUncompressed: 100 * 1024 * 1024, maxEntries: 2000, maxPart: 50 * 1024 * 1024 } as const;

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';

const notDocx = () => unprocessable('REPORT_NOT_DOCX', '文件不是有效的 Word（.docx）文档', 'file');
const tooLarge = () => unprocessable('REPORT_TOO_LARGE', 'Word 文档解压后过大，无法读取', 'file');

/** A part of the archive as text, inflated only up to the limit; null when the part is absent. */
async function readPart(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  const stream = file.nodeStream('nodebuffer');
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DOCX_LIMITS.maxPart) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    stream.on('error', () => reject(notDocx()));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return ENTITIES[ref] ?? whole;
  });

const TOKEN = /<(\/?)(w:p|w:pPr|w:t|w:tab|w:br|w:cr|w:numId|w:ilvl)\b([^>]*?)(\/?)>|([^<]+)/g;

/** The paragraphs of document.xml as text lines, numbered with `numbering`. */
export function docxParagraphs(documentXml: string, numbering: Numbering = readNumbering(null)): string[] {
  const lines: string[] = [];
  let text = '';
  let inText = false;
  let inProperties = false;
  let numId: string | null = null;
  let ilvl = 0;
  for (const [, closing, tag, attrs, selfClosing, chars] of documentXml.matchAll(TOKEN)) {
    if (chars !== undefined) {
      if (inText) text += unescapeXml(chars);
      continue;
    }
    const opening = !closing;
    const val = /w:val="([^"]*)"/.exec(attrs ?? '')?.[1];
    if (tag === 'w:p' && opening && !selfClosing) [text, numId, ilvl] = ['', null, 0];
    else if (tag === 'w:p') {
      // numId 0 switches numbering off for the paragraph.
      const marker = numId && numId !== '0' ? numbering.next(numId, ilvl) : '';
      lines.push(marker + text);
      text = '';
    } else if (tag === 'w:pPr') inProperties = opening && !selfClosing;
    else if (tag === 'w:t') inText = opening && !selfClosing;
    // A w:tab inside paragraph properties is a tab stop, not a tab.
    else if (tag === 'w:tab' && !inProperties) text += ' ';
    else if ((tag === 'w:br' || tag === 'w:cr') && !inProperties) text += '\n';
    else if (tag === 'w:numId' && inProperties) numId = val ?? null;
    else if (tag === 'w:ilvl' && inProperties) ilvl = Number(val ?? 0);
  }
  return lines;
}

/** The text of a .docx file, one paragraph a line. Throws 422 for a broken or oversized archive. */
export async function docxText(bytes: Buffer): Promise<string> {
  const directory = readZipDirectory(bytes);
  if (!directory || !directory.names.includes(DOCUMENT)) throw notDocx();
  if (directory.uncompressed > DOCX_LIMITS.maxUncompressed || directory.names.length > DOCX_LIMITS.maxEntries) throw tooLarge();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notDocx();
  }
  const document = await readPart(zip, DOCUMENT);
  if (document === null) throw notDocx();
  return docxParagraphs(document, readNumbering(await readPart(zip, NUMBERING))).join('\n');
}
