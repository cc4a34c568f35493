import { NUMERAL_CHARS, parseChineseNumeral } from './numerals.ts';
import { CLAUSE_END, firstSentence, SENTENCE_END } from './text.ts';
import type { Node } from './types.ts';

// Inline enumerations inside paragraphs: 一是…二是…, 第一，…第二，…, 首先…其次…最后…. The same
// characters occur in ordinary words (统一是, 第一责任人, 第一议题, 第一时间, 最后一公里), so a
// candidate counts only where a sentence or clause starts, and only as part of a sequence:
//   一是 always starts one; N是 continues it at the next number, or repeats the current number (a
//   doubled item is kept as written); "N要" is read as N是 only at the next number of a running
//   sequence (the "四要" slip);
//   第一 needs a comma after it and a 第二 later in the same section; 第N continues at N;
//   首先 needs a later 其次; 其次, 再次 and 最后 follow in that order.
// The sequence runs across the paragraphs of one section (items often stand one per line) and
// starts afresh under each heading.

type Kind = 'shi' | 'di' | 'order';

interface Candidate {
  paragraph: number;
  start: number;
  end: number;
  kind: Kind;
  value: number;
  /** How it is written: 是 or 要 for `shi`, the word for `order`. */
  word: string;
  numeral: string;
}

const ORDER_WORDS = ['首先', '其次', '再次', '最后'] as const;
const BOUNDARY = SENTENCE_END + CLAUSE_END;
const CANDIDATES: ReadonlyArray<{ kind: Kind; pattern: RegExp }> = [
  { kind: 'shi', pattern: new RegExp(`([${NUMERAL_CHARS}]{1,3})([是要])`, 'g') },
  // 第一，… or 第一：… ; 第一、二、三卷 is a list of volumes, not an enumeration.
  { kind: 'di', pattern: new RegExp(`第([${NUMERAL_CHARS}]{1,3})(?=[，,：:]|、(?![${NUMERAL_CHARS}]))`, 'g') },
  { kind: 'order', pattern: new RegExp(`(${ORDER_WORDS.join('|')})`, 'g') },
];

/** True where a sentence or clause starts: the paragraph start, or after 。！？；：， (spaces skipped). */
function atBoundary(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s\u3000]/.test(text[i]!)) i--;
  return i < 0 || BOUNDARY.includes(text[i]!);
}

function candidatesIn(text: string, paragraph: number): Candidate[] {
  const found: Candidate[] = [];
  for (const { kind, pattern } of CANDIDATES) {
    for (const m of text.matchAll(pattern)) {
      if (!atBoundary(text, m.index)) continue;
      const word = kind === 'shi' ? m[2]! : m[1]!;
      const value = kind === 'order' ? ORDER_WORDS.indexOf(m[1] as (typeof ORDER_WORDS)[number]) + 1 : parseChineseNumeral(m[1]!);
      if (value === null) continue;
      found.push({ paragraph, start: m.index, end: m.index + m[0].length, kind, value, word, numeral: kind === 'order' ? '' : m[1]! });
    }
  }
  return found;
}

/** The candidates that form sequences, by the rules above. */
function acceptSequences(candidates: readonly Candidate[]): Candidate[] {
  const last: Record<Kind, number> = { shi: 0, di: 0, order: 0 };
  const lastAt = new Map(candidates.map((c, i) => [`${c.kind}${c.value}`, i]));
  const laterHas = (i: number, kind: Kind, value: number) => (lastAt.get(`${kind}${value}`) ?? -1) > i;
  return candidates.filter((c, i) => {
    const prev = last[c.kind];
    let ok: boolean;
    if (c.kind === 'shi') ok = c.word === '是' ? c.value === 1 || (prev > 0 && (c.value === prev + 1 || c.value === prev)) : prev > 0 && c.value === prev + 1;
    else if (c.value === 1) ok = laterHas(i, c.kind, 2);
    else if (c.kind === 'order' && c.value === 4) ok = prev >= 2; // 最后 after 其次 or 再次
    else ok = prev > 0 && c.value === prev + 1;
    if (ok) last[c.kind] = c.value;
    return ok;
  });
}

function markerOf(c: Candidate): string {
  if (c.kind === 'shi') return `${c.numeral}是`;
  if (c.kind === 'di') return `第${c.numeral}`;
  return ORDER_WORDS[c.value - 1]!;
}

/**
 * The inline enumeration items of one section's body paragraphs, in order, as leaf nodes. An item
 * runs to the next item or the end of its paragraph; its heading is its first sentence.
 */
export function inlineItems(paragraphs: readonly string[]): Node[] {
  const candidates = paragraphs.flatMap((text, p) => candidatesIn(text, p).sort((a, b) => a.start - b.start));
  const items = acceptSequences(candidates);
  return items.map((item, i) => {
    const next = items[i + 1];
    const text = paragraphs[item.paragraph]!;
    const end = next && next.paragraph === item.paragraph ? next.start : text.length;
    const body = text.slice(item.end, end).replace(/^[\s\u3000，,：:、]+/, '');
    return { marker: markerOf(item), heading: firstSentence(body), children: [] };
  });
}
