import { Document, Packer, PageOrientation } from 'docx';
import type { ReportDocument } from './document.ts';
import { pageNumberFooters } from './docx/footer.ts';
import { CHAR_SPACE, GRID_TYPE, LINE_PITCH, MARGIN, PAGE } from './docx/layout.ts';
import { addresseeParagraphs, attachmentParagraphs, blankLine, blockParagraphs, titleParagraphs } from './docx/paragraphs.ts';
import { patchDocx } from './docx/patch.ts';
import { cleanText } from './docx/sanitize.ts';
import { signatureParagraphs } from './docx/signature.ts';
import { STYLES } from './docx/styles.ts';

/**
 * Lays a report out as a Word file in the official layout of GB/T 9704-2012 (A4, 22 lines × 28
 * characters, 仿宋 body, 小标宋 title, "— 1 —" page numbers at the outer edge, signature and date).
 * Pure: the same document gives the same layout; only the file's timestamps differ.
 */
export async function buildDocx(doc: ReportDocument): Promise<Buffer> {
  const children = [
    ...titleParagraphs(doc.title),
    ...addresseeParagraphs(doc.addressee),
    ...blockParagraphs(doc.blocks),
    ...attachmentParagraphs(doc.attachments),
    ...(doc.signature ? signatureParagraphs(doc.signature, blankLine) : []),
  ];
  const document = new Document({
    title: cleanText(doc.title ?? '').replace(/\s+/g, ' ').trim() || undefined,
    creator: 'lvzhi',
    styles: STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
          grid: { type: GRID_TYPE, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: pageNumberFooters(),
        children: children.length > 0 ? children : [blankLine()],
      },
    ],
  });
  return patchDocx(await Packer.toBuffer(document));
}
