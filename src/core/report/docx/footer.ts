import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { PAGE_NUMBER_INDENT } from './layout.ts';
import { STYLE } from './styles.ts';

/**
 * "— 1 —" at the outer edge, one 4号 character in: odd pages at the right, even pages at the left
 * (GB/T 9704-2012 7.5). Word shows the even footer only with `evenAndOddHeaders` in the settings.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The section's footers: `default` serves odd pages once even pages have their own. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}
