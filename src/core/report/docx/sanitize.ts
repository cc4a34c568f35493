/**
 * Text as it may enter a paragraph. XML 1.0 forbids most control characters (a DOCX holding one does
 * not open in Word), and pasted text carries tabs, line breaks and indents made of spaces. Markup
 * characters (< > &) are left alone: the docx package escapes them, so they print literally.
 */

// C0 controls other than tab/line feed/carriage return, C1 controls, DEL, non-characters, and
// surrogates that are not part of a pair: none can be written into the XML.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Tabs and line breaks inside a paragraph: one space each (a paragraph is one block of text). */
const BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;

/** Removes characters that cannot be written and turns tabs and line breaks into spaces. */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(BREAKS, ' ');
}

/** Spaces, including the ideographic space U+3000 typed to indent by hand. */
const EDGE_SPACES_START = /^[\s\u3000]+/;
const EDGE_SPACES_END = /[\s\u3000]+$/;

/**
 * Cleans the runs of one paragraph and trims its edges: the layout indents paragraphs itself, and
 * stray spaces at the end of pasted lines would only push text around.
 */
export function cleanRuns(texts: readonly string[]): string[] {
  const cleaned = texts.map(cleanText);
  const first = cleaned.findIndex((t) => t.replace(EDGE_SPACES_START, '') !== '');
  if (first === -1) return cleaned.map(() => '');
  let last = cleaned.length - 1;
  while (cleaned[last]!.replace(EDGE_SPACES_END, '') === '') last -= 1;
  return cleaned.map((text, i) => {
    if (i < first || i > last) return '';
    let t = text;
    if (i === first) t = t.replace(EDGE_SPACES_START, '');
    if (i === last) t = t.replace(EDGE_SPACES_END, '');
    return t;
  });
}
