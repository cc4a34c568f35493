import { Paragraph, Tab, TextRun } from 'docx';
import { inlineRuns, type Block, type HeadingBlock, type Inline } from '../document.ts';
import { BODY_FONTS } from './fonts.ts';
import { SIZE, chars, widthInChars } from './layout.ts';
import { cleanRuns, cleanText } from './sanitize.ts';
import { STYLE, headingStyleId } from './styles.ts';

/** The cleaned texts of an inline value's runs; empty runs are kept so run indexes stay stable. */
function texts(value: Inline): string[] {
  return cleanRuns(inlineRuns(value).map((run) => run.text));
}

const isEmpty = (parts: readonly string[]): boolean => parts.every((t) => t === '');

/** An empty body-style line: the only kind of blank line the layout uses (after the title, etc.). */
export function blankLine(): Paragraph {
  return new Paragraph({ children: [] });
}

/** The title, its lines separated by "\n", then one blank line. */
export function titleParagraphs(title: string | null): Paragraph[] {
  if (title === null) return [];
  const lines = title.split(/\r?\n/).flatMap((l) => cleanRuns([l])).filter((l) => l !== '');
  if (lines.length === 0) return [];
  const runs = lines.map((text, i) => new TextRun({ text, break: i === 0 ? 0 : 1 }));
  return [new Paragraph({ style: STYLE.title, children: runs }), blankLine()];
}

/** 主送机关 flush left, ending with a full-width colon. */
export function addresseeParagraphs(addressee: string | null | undefined): Paragraph[] {
  const [name = ''] = cleanRuns([addressee ?? '']);
  const bare = name.replace(/[:：]+$/, '');
  if (bare === '') return [];
  return [new Paragraph({ style: STYLE.addressee, children: [new TextRun(`${bare}：`)] })];
}

/** Punctuation a run-in heading may already end with. */
const HEADING_END = /[。！？；：.!?;:]$/;

function headingParagraph(block: HeadingBlock): Paragraph | null {
  const marker = cleanText(block.marker).trim();
  const heading = texts(block.text);
  const body = block.body ? texts(block.body) : [];
  if (marker === '' && isEmpty(heading)) return null;
  const runs = [marker, ...heading].filter((t) => t !== '').map((text) => new TextRun(text));
  if (!isEmpty(body)) {
    // A run-in heading is a sentence: without its full stop it would run into the body text.
    if (!HEADING_END.test(heading.join(''))) runs.push(new TextRun('。'));
    // The paragraph style sets the heading's font; the body continues in 仿宋.
    for (const text of body) if (text !== '') runs.push(new TextRun({ text, font: BODY_FONTS, size: SIZE.body }));
  }
  return new Paragraph({ style: headingStyleId(block.level), children: runs });
}

function bodyParagraph(text: Inline): Paragraph | null {
  const parts = texts(text);
  // An empty paragraph would print a blank line, which the layout allows only at fixed places.
  if (isEmpty(parts)) return null;
  return new Paragraph({ children: parts.filter((t) => t !== '').map((t) => new TextRun(t)) });
}

export function blockParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks
    .map((block) => (block.kind === 'heading' ? headingParagraph(block) : bodyParagraph(block.text)))
    .filter((p): p is Paragraph => p !== null);
}

const LABEL = '附件：';

/**
 * 附件说明 (GB/T 9704-2012 7.3.4): a blank line, then "附件：" two characters in; several attachments
 * are numbered "1．", one per line, numbers under each other; a name that wraps continues under its
 * own first character. Names end without punctuation.
 */
export function attachmentParagraphs(names: readonly string[] | undefined): Paragraph[] {
  const cleaned = (names ?? []).flatMap((n) => cleanRuns([n])).map((n) => n.replace(/[。.，,；;]+$/, ''));
  const list = cleaned.filter((n) => n !== '');
  if (list.length === 0) return [];
  const numbered = list.length > 1;
  const numberWidth = numbered ? widthInChars(`${list.length}．`) : 0;
  const nameStart = 2 + widthInChars(LABEL) + numberWidth;
  const lines = list.map((name, i) => {
    const number = numbered ? `${i + 1}．` : '';
    // Every name starts at the same place; the first line starts at the label, the others at their
    // number, so numbers end where the names begin (10．under 9．stays aligned).
    const hanging = i === 0 ? nameStart - 2 : widthInChars(number);
    // From ten attachments on, "附件：1．" ends short of the names: a tab takes the first name to
    // the hanging indent, where Word and LibreOffice put an implicit tab stop.
    const short = i === 0 && widthInChars(number) < numberWidth;
    const lead = i === 0 ? `${LABEL}${number}` : number;
    return new Paragraph({
      style: STYLE.attachment,
      indent: { left: chars(nameStart), hanging: chars(hanging) },
      children: [new TextRun({ children: short ? [lead, new Tab(), name] : [`${lead}${name}`] })],
    });
  });
  return [blankLine(), ...lines];
}
