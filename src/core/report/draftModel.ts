import type { HeadingBlock, ParagraphBlock, ReportDocument, Run } from './document.ts';

// What drafting produces: the report document (document.ts) with an id on every block and on every
// run a figure or list fills, the provenance of each such run, and the sentences left out.

/** Why a run is marked for the user: no figure, a zero kept on purpose, an unbound placeholder. */
export type RunMark = 'missing' | 'zero' | 'unbound';

export interface DraftRun extends Run {
  /** Set on runs filled from the ledger: the key of their provenance. */
  id?: string;
  /** The slot as the template wrote it ({{metric:…}}). */
  slot?: string;
  mark?: RunMark;
}

export type DraftInline = string | readonly DraftRun[];

export interface DraftHeadingBlock extends HeadingBlock {
  id: string;
  text: DraftInline;
  body?: DraftInline | null;
}

export interface DraftParagraphBlock extends ParagraphBlock {
  id: string;
  text: DraftInline;
}

export type DraftBlock = DraftHeadingBlock | DraftParagraphBlock;

export interface DraftDocument extends ReportDocument {
  blocks: DraftBlock[];
}

export type ProvenanceKind = 'metric' | 'records' | 'rule' | 'problem' | 'plan';

/** Where a figure or list came from: the metric, record type or rule, and the records behind it. */
export interface Provenance {
  kind: ProvenanceKind;
  /** What the run is, in words: the metric's or rule's name, the record type's name. */
  label: string;
  /** The text the run printed. */
  value: string;
  metricId: string | null;
  recordType: string | null;
  ruleId: string | null;
  recordIds: string[];
}

export type OmitReason = 'zero' | 'missing' | 'empty' | 'not_applicable' | 'invalid';

/** A sentence (or item, or section) drafting left out, and why. */
export interface Omitted {
  /** The block it would have been in. */
  blockId: string;
  /** The template's text. */
  text: string;
  reason: OmitReason;
  /** The slot that decided it, as written; null for an item or section left with nothing in it. */
  slot: string | null;
}

export interface DraftResult {
  document: DraftDocument;
  /** By run id. */
  provenance: Record<string, Provenance>;
  omitted: Omitted[];
}

/** The plain text of a block's text or body. */
export const draftText = (value: DraftInline | null | undefined): string =>
  value == null ? '' : typeof value === 'string' ? value : value.map((r) => r.text).join('');

/** A block as printed: a run-in heading gets its 。 before the body, as the Word layout does. */
export function blockPlainText(b: DraftBlock): string {
  if (b.kind === 'paragraph') return draftText(b.text);
  const [heading, body] = [draftText(b.text), draftText(b.body)];
  return `${b.marker}${heading}${body !== '' && !/[。！？：；.!?:;]$/.test(heading) ? '。' : ''}${body}`;
}

/** The whole document as plain text, a block a line: for tests, search and checks. */
export function documentPlainText(doc: DraftDocument): string {
  const lines = [doc.title ?? '', ...doc.blocks.map(blockPlainText)];
  if (doc.signature) lines.push(doc.signature.org ?? '', doc.signature.date);
  return lines.filter((l) => l !== '').join('\n');
}
