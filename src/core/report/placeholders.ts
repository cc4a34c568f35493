import { headingMarker } from './markers.ts';
import { CLAUSE_END, SENTENCE_END, splitLines, trimSpaces } from './text.ts';
import type { Placeholder, PlaceholderKind } from './types.ts';
import { readUnit } from './units.ts';

// Placeholders in an old report: runs of * ＊ × X x (Ｘ ｘ) left where a figure or a name was.
// A figure stands before a measure word (`**次`, `*余篇`, `X万人`); a name stands anywhere else
// (`**区`, `**日报`, `XX师范学院`, `“**微宣”`), or after a surname even when a measure word
// follows (`邱**户` is a household, not a count). Latin X only counts outside Latin words
// (Excel, XML, Xi), and × between digits is a multiplication.

/** A placeholder with the clause around it, which binding reads for the words naming its figure. */
export interface FoundPlaceholder extends Placeholder {
  /** From the previous clause end (or placeholder) to the placeholder. */
  before: string;
  /** From after the unit to the next clause end (or placeholder). */
  after: string;
}

const RUN = /[*＊]+|×+|[XxＸｘ]+/g;
const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;
const DIGIT = /[0-9０-９]/;
// Common surnames that rarely end an ordinary word before a count. Left out on purpose: 周 (每周),
// 任 (责任), 方 (地方), 向 (导向), 史 (党史), 程 (过程), 高 (提高), 林 (造林), 金 (资金), 于 (关于),
// 常 (经常), 范 (示范), 曾 (曾…次), 余 (其余), 区 (全区), 后 (先后), 伍 (队伍), 习 (学习), 全 (全区) …
const SURNAMES = '张陈刘杨赵吴徐孙胡郭罗郑谢宋唐韩冯邓曹彭肖董袁潘蒋蔡杜叶苏魏吕沈姚卢姜崔钟谭陆汪廖贾韦邹孟熊秦尹薛闫雷侯黎贺毛郝龚邵覃戴莫孔汤邱梁李黄王朱丁傅邢欧阎';
/** Characters of context kept on either side of a placeholder when its sentence is longer. */
const MAX_CONTEXT_SIDE = 200;
const SENTENCE_STOP = `${SENTENCE_END}；;`;
const CLAUSE_STOP = SENTENCE_END + CLAUSE_END;

/** True when the character next to `index` in direction `step` is Latin, also across a joining -_.' (x-ray). */
function latinNeighbour(line: string, index: number, step: 1 | -1): boolean {
  const next = line[index + step] ?? '';
  return LATIN.test(next) || (/[-_.']/.test(next) && LATIN.test(line[index + 2 * step] ?? ''));
}

function isPlaceholderRun(line: string, start: number, end: number): boolean {
  const [prev, next] = [line[start - 1] ?? '', line[end] ?? ''];
  if (/^[XxＸｘ]/.test(line[start]!)) return !latinNeighbour(line, start, -1) && !latinNeighbour(line, end - 1, 1);
  if (line[start] === '×') return !DIGIT.test(prev) && !DIGIT.test(next);
  return !(DIGIT.test(prev) && DIGIT.test(next));
}

function classify(prev: string, after: string): { kind: PlaceholderKind; unit: string | null } {
  if (prev !== '' && SURNAMES.includes(prev)) return { kind: 'name', unit: null };
  const unit = readUnit(after);
  if (unit) return { kind: 'number', unit };
  // 20XX年, X.5: part of a number, though not a count.
  if (DIGIT.test(prev) || DIGIT.test(after[0] ?? '')) return { kind: 'number', unit: null };
  return { kind: 'name', unit: null };
}

/** For each index of the line, the index after the last of `stops` before it (0 when none). */
function stopsBefore(line: string, stops: string): Int32Array {
  const after = new Int32Array(line.length + 1);
  for (let i = 1; i <= line.length; i++) after[i] = stops.includes(line[i - 1]!) ? i : after[i - 1]!;
  return after;
}

/** For each index of the line, the index of the first of `stops` at or after it (the line length when none). */
function stopsAfter(line: string, stops: string): Int32Array {
  const at = new Int32Array(line.length + 1).fill(line.length);
  for (let i = line.length - 1; i >= 0; i--) at[i] = stops.includes(line[i]!) ? i : at[i + 1]!;
  return at;
}

function placeholdersInLine(line: string): FoundPlaceholder[] {
  const runs = [...line.matchAll(RUN)]
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }))
    .filter((r) => isPlaceholderRun(line, r.start, r.end))
    .map((r) => {
      // A unit is a few characters: looking further only costs time on lines of thousands of placeholders.
      const { kind, unit } = classify(line[r.start - 1] ?? '', line.slice(r.end, r.end + 16));
      return { ...r, kind, unit, unitEnd: r.end + (unit?.length ?? 0) };
    });
  if (runs.length === 0) return [];
  const marker = headingMarker(line);
  const bodyStart = marker ? line.length - marker.rest.length : 0;
  // Computed once per line: a line of thousands of placeholders must not be scanned for each one.
  const [sentenceBefore, sentenceAfter] = [stopsBefore(line, SENTENCE_STOP), stopsAfter(line, SENTENCE_STOP)];
  const [clauseBefore, clauseAfter] = [stopsBefore(line, CLAUSE_STOP), stopsAfter(line, CLAUSE_STOP)];
  return runs.map((r, i) => {
    // A run-on "sentence" (no 。 for pages) is cut around the placeholder.
    const sentenceStart = Math.max(sentenceBefore[r.start]!, bodyStart, r.start - MAX_CONTEXT_SIDE);
    const sentenceEnd = Math.min(sentenceAfter[r.unitEnd]!, r.unitEnd + MAX_CONTEXT_SIDE);
    const clauseStart = Math.max(clauseBefore[r.start]!, runs[i - 1]?.unitEnd ?? 0, bodyStart);
    const clauseEnd = Math.min(clauseAfter[r.unitEnd]!, runs[i + 1]?.start ?? line.length);
    return {
      text: r.text,
      kind: r.kind,
      unit: r.unit,
      context: trimSpaces(line.slice(sentenceStart, sentenceEnd)),
      metric: null,
      before: line.slice(clauseStart, r.start),
      after: line.slice(r.unitEnd, Math.max(clauseEnd, r.unitEnd)),
    };
  });
}

/** Every placeholder of a report's text in document order, unbound (metric null). */
export function findPlaceholders(text: string): FoundPlaceholder[] {
  return splitLines(text).flatMap(placeholdersInLine);
}
