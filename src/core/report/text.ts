// Plain-text helpers shared by the outline and placeholder readers: lines as a report has them,
// and sentences as Chinese punctuation ends them.

/** Spaces a pasted report carries: ASCII, no-break, ideographic (full-width) and zero-width ones. */
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

/** The text with its spaces at both ends removed, including full-width indents and stray spaces at line ends. */
export function trimSpaces(text: string): string {
  // A loop rather than /\s+$/: that pattern is tried at every position, slow on long lines.
  let [start, end] = [0, text.length];
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** The lines of a text with their edges trimmed: any newline convention, a byte-order mark ignored. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n|\u2028|\u2029/).map(trimSpaces);
}

/** Characters that end a sentence. */
export const SENTENCE_END = '。！？!?';
/** Characters that end a clause inside a sentence. */
export const CLAUSE_END = '，,；;：:';

// Quotes and brackets inside which a 。 does not end the heading: “开展“我为群众办实事。”活动”.
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '(': ')', '「': '」', '『': '』', '【': '】' };

/**
 * The index of the first sentence end at bracket depth 0, or -1. Unbalanced quotes (a typing slip)
 * would hide every later 。, so when depth never returns to 0 the first 。 at any depth counts.
 */
export function sentenceEnd(text: string, from = 0): number {
  const closing: string[] = [];
  let anyDepth = -1;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (SENTENCE_END.includes(ch)) {
      if (closing.length === 0) return i;
      if (anyDepth < 0) anyDepth = i;
    } else if (ch === closing[closing.length - 1]) closing.pop();
    else if (OPENERS[ch]) closing.push(OPENERS[ch]);
  }
  return anyDepth;
}

/** Punctuation a heading or item text does not end with. */
const TRAILING = /[\s\u3000。．.，,；;：:、！!？?]+$/;

/** The text minus its trailing punctuation and spaces. */
export const trimTrailing = (text: string): string => trimSpaces(text).replace(TRAILING, '');

/**
 * A heading as the document shows it: up to the first sentence end when the heading runs into its
 * paragraph, the whole text otherwise; without trailing punctuation.
 */
export function firstSentence(text: string): string {
  const end = sentenceEnd(text);
  return trimTrailing(end < 0 ? text : text.slice(0, end));
}
