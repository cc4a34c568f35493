import { headingMarker } from './markers.ts';
import type { Signature } from './types.ts';

// The frame around a report's body: an optional title at the top and an optional signature block
// (落款: the organization's name, then the date of issue) at the bottom. Both are told apart from
// body text by their shape, since nothing else marks them in a plain text.

/** A title line is short and has no sentence or clause punctuation (a body paragraph has). */
const MAX_TITLE_LENGTH = 60;
/** Titles set as a trapezoid run over two or three lines. */
const MAX_TITLE_LINES = 3;
const MAX_ORG_LENGTH = 40;
const PROSE_PUNCTUATION = /[。，,；;！!？?]|[：:]$/;

// The date of issue: 2023年1月10日, 二〇二三年一月十日, or a template's 20XX年X月X日.
const DATE_PART = '[\\d〇零一二三四五六七八九十Xx*＊×]';
const DATE_LINE = new RegExp(`^${DATE_PART}{2,4}\\s*年\\s*${DATE_PART}{1,3}\\s*月\\s*${DATE_PART}{1,3}\\s*[日号]$`);

/** A line that could be a title or an org name: short, no prose punctuation, not numbered. */
const isLabelLine = (line: string, maxLength: number) =>
  line.length > 0 && line.length <= maxLength && !PROSE_PUNCTUATION.test(line) && !headingMarker(line) && !DATE_LINE.test(line);

export interface Frame {
  title: string | null;
  signature: Signature;
  /** The body lines between the title and the signature (blank lines removed). */
  body: string[];
}

/** Splits trimmed lines into title, body and signature. */
export function readFrame(lines: readonly string[]): Frame {
  const body = lines.filter((line) => line !== '');
  let date: string | null = null;
  let org: string | null = null;
  if (body.length > 1 && DATE_LINE.test(body[body.length - 1]!)) {
    date = body.pop()!;
    // "特此报告" closes the body; it is no organization's name.
    const last = body[body.length - 1]!;
    if (body.length > 1 && isLabelLine(last, MAX_ORG_LENGTH) && !last.startsWith('特此')) org = body.pop()!;
  }
  // A title needs something after it: a lone short line is a body, not a title over nothing.
  let titleLines = 0;
  while (titleLines < MAX_TITLE_LINES && titleLines < body.length - 1 && isLabelLine(body[titleLines]!, MAX_TITLE_LENGTH)) titleLines++;
  const title = titleLines > 0 ? body.splice(0, titleLines).join('') : null;
  return { title, signature: { org, date }, body };
}
