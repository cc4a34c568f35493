import type { DraftBlock, DraftDocument, Omitted, Provenance } from './draftModel.ts';

// The user's edits over a generated draft, and what a regeneration changed. An edit replaces one
// block's text (a run-in heading's body, or its heading too) and is kept by block id, so that a
// regeneration from a changed ledger refills every other block and leaves edited ones as the user
// wrote them — flagged when the figures under them changed, and kept even when the regenerated
// draft would have left that block out.

/** The block id of the title. */
export const TITLE_BLOCK = 'title';

export interface BlockEdit {
  /** The paragraph's text, or a heading's body. */
  text: string;
  /** A heading's own text, when the user changed it. */
  heading: string | null;
  /** The text the block had when the user edited it. */
  generated: string;
  at: string;
  by: string | null;
  /** The figures under the block changed in a regeneration since the edit. */
  stale: boolean;
}

export type Edits = Record<string, BlockEdit>;

/** A filled run whose value differs between two generations; null where it was not printed. */
export interface FigureChange {
  blockId: string;
  /** The slot as the template writes it. */
  slot: string;
  /** What it is (the metric's or rule's name), when one of the two generations printed it. */
  label: string | null;
  before: string | null;
  after: string | null;
  /** The block carries the user's text: the new value is not in the report until they look. */
  edited: boolean;
}

function withEdit(block: DraftBlock, edit: BlockEdit): DraftBlock {
  if (block.kind === 'paragraph') return { ...block, text: edit.text };
  return { ...block, text: edit.heading ?? block.text, body: edit.text === '' ? null : edit.text };
}

/**
 * The document as it reads: the generated one with the edits applied. An edited block the new
 * generation left out is put back after the block it followed in `previous`.
 */
export function applyEdits(generated: DraftDocument, edits: Edits, previous?: DraftDocument): DraftDocument {
  const blocks = generated.blocks.map((b) => (edits[b.id] ? withEdit(b, edits[b.id]!) : b));
  const present = new Set(blocks.map((b) => b.id));
  previous?.blocks.forEach((old, i) => {
    const edit = edits[old.id];
    if (present.has(old.id) || !edit) return;
    const before = previous.blocks.slice(0, i).reverse().find((b) => present.has(b.id));
    blocks.splice(before ? blocks.findIndex((b) => b.id === before.id) + 1 : 0, 0, withEdit(old, edit));
    present.add(old.id);
  });
  const title = edits[TITLE_BLOCK]?.text ?? generated.title;
  return { ...generated, title, blocks };
}

/** The value each slot printed, by block, slot and occurrence; null for a slot whose sentence was left out. */
function slotValues(doc: DraftDocument, omitted: readonly Omitted[], provenance: Record<string, Provenance>) {
  const values = new Map<string, { blockId: string; slot: string; label: string | null; value: string | null }>();
  const put = (blockId: string, slot: string, label: string | null, value: string | null) => {
    let n = 0;
    while (values.has(`${blockId}|${slot}|${n}`)) n++;
    values.set(`${blockId}|${slot}|${n}`, { blockId, slot, label, value });
  };
  for (const block of doc.blocks) {
    const runs = [block.text, block.kind === 'heading' ? block.body : null].flatMap((v) => (v && typeof v !== 'string' ? v : []));
    for (const run of runs) if (run.id && run.slot) put(block.id, run.slot, provenance[run.id]?.label ?? null, run.text);
  }
  for (const o of omitted) if (o.slot) put(o.blockId, o.slot, null, null);
  return values;
}

export interface Generated {
  document: DraftDocument;
  omitted: readonly Omitted[];
  provenance: Record<string, Provenance>;
}

/** The filled runs whose printed value changed from one generation to the next. */
export function figureChanges(before: Generated, after: Generated, edits: Edits): FigureChange[] {
  const [a, b] = [slotValues(before.document, before.omitted, before.provenance), slotValues(after.document, after.omitted, after.provenance)];
  const changes: FigureChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(key), b.get(key)];
    const [from, to] = [x?.value ?? null, y?.value ?? null];
    if (from === to) continue;
    const { blockId, slot } = (y ?? x)!;
    changes.push({ blockId, slot, label: y?.label ?? x?.label ?? null, before: from, after: to, edited: edits[blockId] !== undefined });
  }
  return changes;
}

/** The edits after a regeneration: those of blocks whose figures changed are marked stale. */
export function markStale(edits: Edits, changes: readonly FigureChange[]): Edits {
  const changed = new Set(changes.filter((c) => c.edited).map((c) => c.blockId));
  return Object.fromEntries(Object.entries(edits).map(([id, e]) => [id, changed.has(id) ? { ...e, stale: true } : e]));
}
