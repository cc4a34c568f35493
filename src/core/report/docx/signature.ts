import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { Signature } from '../document.ts';
import { CHARS_PER_LINE, chars, widthInChars } from './layout.ts';
import { cleanRuns } from './sanitize.ts';
import { STYLE } from './styles.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 成文日期 in full Arabic numerals without leading zeros: 2024-01-05 → 2024年1月5日. */
export function formatIssueDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`date of issue must be YYYY-MM-DD, got "${isoDate}"`);
  const [, year, month, day] = match.map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day!) {
    throw new RangeError(`date of issue does not exist: "${isoDate}"`);
  }
  return `${year}年${month}月${day}日`;
}

/** Where a signature line sits: set right with a right indent, or set left with a left indent. */
export type LinePlacement = { align: 'right'; rightChars: number } | { align: 'left'; leftChars: number };

export interface SignatureLayout {
  name: LinePlacement;
  date: LinePlacement;
}

/**
 * GB/T 9704-2012 7.3.5.2 (unsealed document): the name set right with two characters of right
 * indent, the date below it starting two characters right of the name's first character; a date
 * longer than that allows keeps the two-character indent and pushes the name left instead.
 * Widths and indents are in grid characters of a `lineChars`-character line.
 * The usual case places the date by its first character (set left), exact whatever the width of its
 * digits; only a date longer than the name needs the date's estimated width.
 */
export function signatureLayout(nameWidth: number, dateWidth: number, lineChars: number): SignatureLayout {
  if (nameWidth - dateWidth >= 2) {
    return { name: { align: 'right', rightChars: 2 }, date: { align: 'left', leftChars: lineChars - nameWidth } };
  }
  return { name: { align: 'right', rightChars: dateWidth - nameWidth + 4 }, date: { align: 'right', rightChars: 2 } };
}

function line(text: string, placement: LinePlacement, keepNext: boolean): Paragraph {
  return new Paragraph({
    style: STYLE.signature,
    ...(placement.align === 'right'
      ? { alignment: AlignmentType.RIGHT, indent: { right: chars(placement.rightChars) } }
      : { alignment: AlignmentType.LEFT, indent: { left: chars(placement.leftChars) } }),
    ...(keepNext ? { keepNext } : {}),
    children: [new TextRun(text)],
  });
}

/**
 * The signature block: a blank line, the organization's name, the date; name and date are kept on
 * one page. Without a name (a duty report read aloud) the date alone is set right with two
 * characters of right indent.
 */
export function signatureParagraphs(signature: Signature, blankLine: () => Paragraph): Paragraph[] {
  const date = formatIssueDate(signature.date);
  const [name = ''] = cleanRuns([signature.org ?? '']);
  const blank = blankLine();
  if (name === '') return [blank, line(date, { align: 'right', rightChars: 2 }, false)];
  const layout = signatureLayout(widthInChars(name), widthInChars(date), CHARS_PER_LINE);
  return [blank, line(name, layout.name, true), line(date, layout.date, false)];
}
