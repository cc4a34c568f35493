import type { FigureChange, ReportBlock, ReportDocument, ReportInline, RunMark } from './api.ts';

// A report document as the editor shows it: each block a display paragraph of segments (plain text,
// a figure or list with its provenance, a mark left for the user), its heading and body apart for
// run-in headings, and the plain text the editor starts from. Pure, so it is tested alone.

export interface Segment {
  text: string;
  /** The provenance key of a figure or list: a click lists the records it counts. */
  runId?: string;
  mark?: RunMark;
}

export interface DisplayBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  /** 1 一、 2 （一） 3 1. 4 （1）; 0 for a paragraph. */
  level: number;
  marker: string;
  /** A heading's own text (empty for a paragraph). */
  heading: Segment[];
  /** A paragraph's text, or the body that runs in after a heading. */
  body: Segment[];
  /** What goes between a run-in heading and its body: 。 when the heading ends without punctuation. */
  joiner: string;
  edited: boolean;
  stale: boolean;
  /** Figures and lists in the block. */
  figures: number;
  /** Marks left for the user (no figure, a zero kept, an unbound placeholder). */
  marks: number;
  /** What the editor starts from: the heading's text and the paragraph or body text. */
  editHeading: string | null;
  editText: string;
}

/** Runs as segments, neighbouring plain runs joined; a string (the user's text) is one segment. */
export function segmentsOf(value: ReportInline | null | undefined): Segment[] {
  if (value == null) return [];
  if (typeof value === 'string') return value === '' ? [] : [{ text: value }];
  const out: Segment[] = [];
  for (const run of value) {
    if (run.text === '' && !run.mark) continue;
    const last = out.at(-1);
    if (!run.id && !run.mark && last && !last.runId && !last.mark) last.text += run.text;
    else out.push({ text: run.text, ...(run.id ? { runId: run.id } : {}), ...(run.mark ? { mark: run.mark } : {}) });
  }
  return out;
}

export const plainText = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');

const ENDS_WITH_PUNCTUATION = /[。！？：；.!?:;]$/;

export function displayBlock(block: ReportBlock): DisplayBlock {
  const isHeading = block.kind === 'heading';
  const heading = isHeading ? segmentsOf(block.text) : [];
  const body = segmentsOf(isHeading ? block.body : block.text);
  const all = [...heading, ...body];
  const headingText = plainText(heading);
  return {
    id: block.id,
    kind: block.kind,
    level: isHeading ? (block.level ?? 1) : 0,
    marker: isHeading ? (block.marker ?? '') : '',
    heading,
    body,
    joiner: isHeading && body.length > 0 && headingText !== '' && !ENDS_WITH_PUNCTUATION.test(headingText) ? '。' : '',
    edited: block.edited,
    stale: block.stale,
    figures: all.filter((s) => s.runId).length,
    marks: all.filter((s) => s.mark).length,
    editHeading: isHeading ? headingText : null,
    editText: plainText(body),
  };
}

export const displayBlocks = (doc: ReportDocument): DisplayBlock[] => doc.blocks.map(displayBlock);

/** How many paragraphs still carry a mark for the user: approval is refused while any do. */
export const markedBlocks = (blocks: readonly DisplayBlock[]): number => blocks.filter((b) => b.marks > 0).length;

/** 2026-01-10 → 2026年1月10日, as the signature prints it (no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : iso;
}

export interface ChangeLine {
  key: string;
  blockId: string;
  label: string;
  before: string;
  after: string;
  edited: boolean;
}

/** A regeneration's changes in words: a figure that appeared, disappeared or moved from one value to another. */
export function changeLines(changes: readonly FigureChange[]): ChangeLine[] {
  return changes.map((c, i) => ({
    key: `${c.blockId}|${c.slot}|${i}`,
    blockId: c.blockId,
    label: c.label ?? c.slot.replace(/^\{\{|\}\}$/g, ''),
    before: c.before ?? '（原先未写入）',
    after: c.after ?? '（现在删去）',
    edited: c.edited,
  }));
}

/** The edited paragraphs a regeneration kept as the user wrote them. */
export const keptEdits = (blocks: readonly DisplayBlock[]): DisplayBlock[] => blocks.filter((b) => b.edited);
