import type { HeadingLevel } from './document.ts';
import type { DraftFacts } from './draftFacts.ts';
import type { DraftBlock, DraftResult, DraftRun, Omitted, Provenance } from './draftModel.ts';
import { fillPlain, type ItemCounter, type PendingOmission, type PendingRun, renderParagraph, type Scope } from './draftParagraph.ts';
import { chineseNumber } from './draftFacts.ts';
import type { ReportTemplate, SectionDef } from './templateModel.ts';

// The drafting engine: a template and the ledger's facts in, a report document out, with the
// provenance of every figure and list and the sentences left out. Pure: the same template and
// facts give the same draft.
//
// Block ids follow the template, not the printed numbering, so that they stay the same when a
// regeneration leaves a section out or brings one back: the title is `title`, opening paragraphs
// `o1` `o2`, sections `s1`, `s1.2` (the second sub-section of the first), their paragraphs `s1.2.p2`.
// A run-in heading's block carries its first paragraph as body under the section's id. Run ids are
// the block id and the run's place among the block's filled runs: `s1.2.3`.

const MARKERS: Record<HeadingLevel, (n: number) => string> = {
  1: (n) => `${chineseNumber(n)}、`,
  2: (n) => `（${chineseNumber(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

class Assembler {
  readonly blocks: DraftBlock[] = [];
  readonly provenance: Record<string, Provenance> = {};
  readonly omitted: Omitted[] = [];

  /** The runs of a block with ids given to the filled ones, their provenance recorded. */
  runs(blockId: string, pending: readonly PendingRun[], counter: { n: number }): DraftRun[] {
    return pending.map(({ prov, ...run }) => {
      if (!prov) return run;
      const id = `${blockId}.${++counter.n}`;
      this.provenance[id] = prov;
      return { ...run, id };
    });
  }

  omit(blockId: string, list: readonly PendingOmission[]): void {
    this.omitted.push(...list.map((o) => ({ blockId, ...o })));
  }
}

interface RenderedSection {
  id: string;
  heading: PendingRun[];
  /** Kept paragraphs; one with the section's own id is the run-in body. */
  paragraphs: { id: string; runs: PendingRun[] }[];
  children: RenderedSection[];
}

function renderSection(section: SectionDef, level: HeadingLevel, id: string, scope: Scope, out: Assembler): RenderedSection | null {
  const counter: ItemCounter = { n: 0 };
  const runIn = section.runIn ?? level >= 2;
  const paragraphs = section.paragraphs.flatMap((p, i) => {
    // A run-in heading takes its first paragraph, and only that one, whatever is left of it: the
    // paragraph's runs and omissions always belong to the section's block.
    const pid = runIn && i === 0 ? id : `${id}.p${i + 1}`;
    const rendered = renderParagraph(p, scope, counter);
    out.omit(pid, rendered.omitted);
    return rendered.runs.length > 0 ? [{ id: pid, runs: rendered.runs }] : [];
  });
  const children = level === 4 ? [] : section.sections.flatMap((s, i) => renderSection(s, (level + 1) as HeadingLevel, `${id}.${i + 1}`, scope, out) ?? []);
  const hadContent = section.paragraphs.length + section.sections.length > 0;
  if (hadContent && paragraphs.length === 0 && children.length === 0) {
    out.omit(id, [{ text: section.heading, reason: 'empty', slot: null }]);
    return null;
  }
  return { id, heading: fillPlain(section.heading, scope), paragraphs, children };
}

function emitSection(s: RenderedSection, level: HeadingLevel, n: number, out: Assembler): void {
  const counter = { n: 0 };
  const text = out.runs(s.id, s.heading, counter);
  const runIn = s.paragraphs.find((p) => p.id === s.id);
  out.blocks.push({ kind: 'heading', id: s.id, level, marker: MARKERS[level](n), text, ...(runIn ? { body: out.runs(s.id, runIn.runs, counter) } : {}) });
  for (const p of s.paragraphs) if (p !== runIn) out.blocks.push({ kind: 'paragraph', id: p.id, text: out.runs(p.id, p.runs, { n: 0 }) });
  s.children.forEach((child, i) => emitSection(child, (level + 1) as HeadingLevel, i + 1, out));
}

const plain = (runs: readonly PendingRun[]) => runs.map((r) => r.text).join('');

/** Drafts a report from a template and the facts of one org and period. */
export function draft(template: ReportTemplate, facts: DraftFacts): DraftResult {
  const scope: Scope = { template, facts };
  const out = new Assembler();
  template.opening.forEach((p, i) => {
    const id = `o${i + 1}`;
    const rendered = renderParagraph(p, scope, { n: 0 });
    out.omit(id, rendered.omitted);
    if (rendered.runs.length > 0) out.blocks.push({ kind: 'paragraph', id, text: out.runs(id, rendered.runs, { n: 0 }) });
  });
  const sections = template.sections.flatMap((s, i) => renderSection(s, 1, `s${i + 1}`, scope, out) ?? []);
  sections.forEach((s, i) => emitSection(s, 1, i + 1, out));
  const document = {
    title: template.title === null ? null : plain(fillPlain(template.title, scope)),
    addressee: template.addressee,
    blocks: out.blocks,
    signature: template.signature ? { org: template.signature.org === null ? null : plain(fillPlain(template.signature.org, scope)), date: facts.issueDate } : null,
    kind: template.kind === 'duty_report' ? ('duty_report' as const) : ('report' as const),
  };
  return { document, provenance: out.provenance, omitted: out.omitted };
}
