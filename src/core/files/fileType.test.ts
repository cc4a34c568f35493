import { describe, expect, it } from 'vitest';
import { docxBomb, docxBytes, exeBytes, htmlBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes, zipOf } from '../../../test/support/evidenceFiles.ts';
import { asciiFileName, displayFileName } from './fileName.ts';
import { sniffFileType } from './fileType.ts';

const limits = { maxUncompressed: 100 * 1024 * 1024, maxEntries: 2000 };
const extOf = (bytes: Buffer) => {
  const sniffed = sniffFileType(bytes, limits);
  return 'ext' in sniffed ? sniffed.ext : sniffed.rejected;
};

describe('sniffFileType', () => {
  it('recognises each accepted type by its bytes', async () => {
    expect([jpegBytes(), pngBytes(), pdfBytes(), docxBytes(), await xlsxBytes()].map(extOf)).toEqual(['jpg', 'png', 'pdf', 'docx', 'xlsx']);
    expect(sniffFileType(pdfBytes(), limits)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
  });

  it('refuses HTML, programs, text, other archives and truncated packages', () => {
    const others = [htmlBytes(), exeBytes(), Buffer.from('just text'), Buffer.alloc(0), zipOf({ 'a.txt': 'x' }),
      zipOf({ 'word/document.xml': '<w/>' }), docxBytes().subarray(0, 60), Buffer.from([0x89, 0x50, 0x4e, 0x47])];
    expect(others.map(extOf)).toEqual(Array(others.length).fill('unknown'));
  });

  it('refuses an Office file that declares a huge inflated size or too many entries', () => {
    expect(extOf(docxBomb())).toBe('zip_too_large');
    const many = zipOf(Object.fromEntries([['[Content_Types].xml', ''], ...Array.from({ length: 30 }, (_, i) => [`word/p${i}.xml`, ''])]));
    expect(sniffFileType(many, { ...limits, maxEntries: 20 })).toEqual({ rejected: 'zip_too_large' });
  });
});

describe('file names', () => {
  it('keeps the last path segment, drops control characters and ends in the real type', () => {
    expect(displayFileName('../../app/index.js', 'pdf')).toBe('index.js.pdf');
    expect(displayFileName('C:\\扫描\\签到表.PDF', 'pdf')).toBe('签到表.PDF');
    expect(displayFileName('照片.jpeg', 'jpg')).toBe('照片.jpeg');
    expect(displayFileName('a\u0000b\n.png', 'png')).toBe('ab.png');
    expect(displayFileName('..', 'docx')).toBe('附件.docx');
    expect([...displayFileName('长'.repeat(300), 'xlsx')].length).toBe(200);
  });

  it('has an ASCII stand-in for old clients', () => {
    expect(asciiFileName('会议纪要 2026.pdf', 'pdf')).toBe('_2026.pdf');
    expect(asciiFileName('签到表.pdf', 'pdf')).toBe('attachment.pdf');
    expect(asciiFileName('minutes "q1".docx', 'docx')).toBe('minutes_q1_.docx');
  });
});
