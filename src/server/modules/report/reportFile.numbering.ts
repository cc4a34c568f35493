import { formatChineseNumeral } from '../../../core/report/numerals.ts';

// Word's automatic list numbering (w:numPr) is not text in document.xml: the "一、" a reader sees is
// computed from numbering.xml. This resolves the simple, common case so an imported outline keeps
// its markers: each w:num's levels (start, format, text like "%1、" or "（%1）"), counted per list
// and level, deeper levels restarting after a shallower one. Not resolved: level overrides
// (w:lvlOverride), numbering inherited from a paragraph style, and legal/picture bullets; such
// paragraphs are read without a marker.

interface Level {
  start: number;
  format: string;
  text: string;
}

/** A counter over a document's numbered paragraphs, in order. */
export interface Numbering {
  /** The marker text of the next paragraph numbered (numId, ilvl), or '' when it has none. */
  next(numId: string, ilvl: number): string;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function formatValue(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographTraditional':
      return formatChineseNumeral(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[value - 1] ?? String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((value - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((value - 1) % 26) + 1));
    default:
      return String(value);
  }
}

function levelsOf(abstractNum: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const [, open, body] of abstractNum.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
    const ilvl = Number(attr(open!, 'w:ilvl') ?? 0);
    const value = (tag: string) => attr(new RegExp(`<w:${tag}\\b[^>]*>`).exec(body!)?.[0] ?? '', 'w:val');
    levels.set(ilvl, { start: Number(value('start') ?? 1), format: value('numFmt') ?? 'decimal', text: value('lvlText') ?? '' });
  }
  return levels;
}

/** The numbering of numbering.xml; without it (or for unknown lists) every marker is ''. */
export function readNumbering(numberingXml: string | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const [whole, open] of (numberingXml ?? '').matchAll(/<w:abstractNum\b([^>]*)>[\s\S]*?<\/w:abstractNum>/g)) {
    abstracts.set(attr(open!, 'w:abstractNumId') ?? '', levelsOf(whole));
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const [, open, body] of (numberingXml ?? '').matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = attr(/<w:abstractNumId\b[^>]*>/.exec(body!)?.[0] ?? '', 'w:val');
    const levels = abstractId === undefined ? undefined : abstracts.get(abstractId);
    if (levels) lists.set(attr(open!, 'w:numId') ?? '', levels);
  }
  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const levels = lists.get(numId);
      const level = levels?.get(ilvl);
      if (!levels || !level || level.format === 'bullet' || level.format === 'none') return '';
      const counts = counters.get(numId) ?? [];
      counts[ilvl] = (counts[ilvl] ?? levels.get(ilvl)!.start - 1) + 1;
      counts.length = ilvl + 1; // deeper levels start again
      counters.set(numId, counts);
      return level.text.replace(/%(\d)/g, (_, n: string) => {
        const at = Number(n) - 1;
        return formatValue(counts[at] ?? levels.get(at)?.start ?? 1, levels.get(at)?.format ?? 'decimal');
      });
    },
  };
}
