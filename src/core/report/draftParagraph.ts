import type { DraftFacts } from './draftFacts.ts';
import type { DraftRun, Omitted, OmitReason, Provenance } from './draftModel.ts';
import { listLines, MISSING_TEXT, resolveSlot, ZERO_TEXT } from './draftSlots.ts';
import { itemMarker } from './draftText.ts';
import type { ItemDef, ParagraphDef, ReportTemplate, SentenceDef } from './templateModel.ts';
import { isDataSlot, isListSlot, type SlotRef, splitSlots } from './templateSlots.ts';

// Sentences, items and paragraphs with their slots filled. A sentence whose figure is zero or
// missing, or whose list is empty, is left out — or printed marked for the user when the template
// says `keep`, or replaced by its `fallback` — never printed with a 0 or a placeholder. Items are
// numbered after the left-out ones are gone, continuing through a section's paragraphs.

/** A run not yet in a block: its provenance travels with it until the block gives it an id. */
export interface PendingRun extends DraftRun {
  prov?: Provenance;
}

/** A left-out piece, before the block it belongs to is known. */
export type PendingOmission = Omit<Omitted, 'blockId'>;

export interface Scope {
  template: Pick<ReportTemplate, 'unbound'>;
  facts: DraftFacts;
}

export interface Rendered {
  runs: PendingRun[];
  omitted: PendingOmission[];
}

/** Literal text and slots as runs; unless `keep`, the first empty data slot stops it and says why. */
function fill(text: string, scope: Scope, keep: boolean): { runs: PendingRun[] } | { reason: OmitReason; slot: string } {
  const runs: PendingRun[] = [];
  for (const piece of splitSlots(text)) {
    if (typeof piece === 'string') {
      runs.push({ text: piece });
      continue;
    }
    const resolved = piece.slot ? resolveSlot(piece.slot, scope.facts, scope.template) : ({ ok: false, reason: 'invalid' } as const);
    if (resolved.ok) {
      runs.push({ text: resolved.text, slot: piece.raw, ...(resolved.mark ? { mark: resolved.mark } : {}), ...(resolved.prov ? { prov: resolved.prov } : {}) });
    } else if (keep && resolved.reason !== 'invalid') {
      const zero = resolved.reason === 'zero';
      runs.push({ text: zero ? ZERO_TEXT : MISSING_TEXT, slot: piece.raw, mark: zero ? 'zero' : 'missing' });
    } else {
      return { reason: resolved.reason, slot: piece.raw };
    }
  }
  return { runs };
}

/** Text without data slots (headings, titles, fallbacks) as runs. */
export function fillPlain(text: string, scope: Scope): PendingRun[] {
  const filled = fill(text, scope, true);
  return 'runs' in filled ? filled.runs : [{ text: MISSING_TEXT, mark: 'missing' }];
}

export function renderSentence(sentence: SentenceDef, scope: Scope): Rendered {
  const filled = fill(sentence.text, scope, sentence.keep === true);
  if ('runs' in filled) return { runs: filled.runs, omitted: [] };
  const omitted = [{ text: sentence.text, reason: filled.reason, slot: filled.slot }];
  return { runs: sentence.fallback ? fillPlain(sentence.fallback, scope) : [], omitted };
}

/** The list slot an item consists of, when it is nothing but one ({{problems}}, {{plans}}). */
function wholeListSlot(item: ItemDef): SlotRef | null {
  if (item.heading || item.sentences.length !== 1) return null;
  const pieces = splitSlots(item.sentences[0]!.text.trim());
  const only = pieces.length === 1 && typeof pieces[0] !== 'string' ? pieces[0]! : null;
  return only?.slot && isListSlot(only.slot) ? only : null;
}

const endsWithPunctuation = (text: string) => /[。！？；：，、.!?;:,]$/.test(text);
const textOf = (runs: readonly PendingRun[]) => runs.map((r) => r.text).join('');

/** The bodies of an item: one, or one per line of a list slot; none when it is left out. */
function itemBodies(item: ItemDef, scope: Scope, omitted: PendingOmission[]): PendingRun[][] {
  const list = wholeListSlot(item);
  if (list && list.slot && isListSlot(list.slot)) {
    const lines = listLines(list.slot, scope.facts);
    if (lines.length > 0) return lines.map((l) => [{ text: l.text, slot: list.raw, prov: l.prov }, { text: '。' }]);
    const sentence = item.sentences[0]!;
    omitted.push({ text: sentence.text, reason: 'empty', slot: list.raw });
    return sentence.fallback ? [fillPlain(sentence.fallback, scope)] : [];
  }
  const body = item.sentences.map((s) => renderSentence(s, scope));
  omitted.push(...body.flatMap((b) => b.omitted));
  if (body.every((b) => b.runs.length === 0)) {
    if (item.sentences.length > 0) omitted.push({ text: item.heading ?? item.sentences[0]!.text, reason: 'empty', slot: null });
    return [];
  }
  const heading = item.heading ? fillPlain(item.heading, scope) : [];
  if (heading.length > 0 && !endsWithPunctuation(textOf(heading))) heading.push({ text: '。' });
  return [closeLike([...heading, ...body.flatMap((b) => b.runs)], item.sentences.at(-1)!.text)];
}

/**
 * When the last sentences were left out, the kept ones end as the template's last one did: "学习6次，"
 * followed by a left-out "其中研讨0次；" ends "学习6次；".
 */
function closeLike(runs: PendingRun[], lastTemplateText: string): PendingRun[] {
  const tail = runs.at(-1);
  const wanted = /[。；;！？：]$/.exec(lastTemplateText.trim())?.[0];
  if (tail && wanted && /[，,]$/.test(tail.text)) runs[runs.length - 1] = { ...tail, text: `${tail.text.slice(0, -1)}${wanted}` };
  return runs;
}

/** Numbering shared by a section's paragraphs: 一是, 二是 … run on across them. */
export interface ItemCounter {
  n: number;
}

/** A paragraph's runs and what it left out; no runs when nothing of it remains. */
export function renderParagraph(p: ParagraphDef, scope: Scope, counter: ItemCounter): Rendered {
  const omitted: PendingOmission[] = [];
  const rendered = p.sentences.map((s) => renderSentence(s, scope));
  omitted.push(...rendered.flatMap((r) => r.omitted));
  const lead = rendered.filter((r) => r.runs.length > 0);
  const items = p.items.flatMap((item) => itemBodies(item, scope, omitted)).map((body) => [{ text: itemMarker(++counter.n) }, ...body]);
  // A sentence introducing the items ("主要表现在：") goes with them when none is left.
  const last = lead.at(-1);
  if (p.items.length > 0 && items.length === 0 && last && /[：:]$/.test(textOf(last.runs))) {
    lead.pop();
    omitted.push({ text: textOf(last.runs), reason: 'empty', slot: null });
  }
  const leadRuns = items.length === 0 && p.sentences.length > 0 ? closeLike(lead.flatMap((r) => r.runs), p.sentences.at(-1)!.text) : lead.flatMap((r) => r.runs);
  const runs = [...leadRuns, ...items.flat()].filter((r) => r.text !== '');
  // Items end with ； or ，when more follow: the paragraph's last one ends the sentence.
  const tail = runs.at(-1);
  if (tail && /[；;，,]$/.test(tail.text)) runs[runs.length - 1] = { ...tail, text: `${tail.text.slice(0, -1)}。` };
  return { runs, omitted };
}

/** Whether text holds a slot whose value comes from the ledger. */
export const hasDataSlot = (text: string): boolean => splitSlots(text).some((p) => typeof p !== 'string' && p.slot !== null && isDataSlot(p.slot));
