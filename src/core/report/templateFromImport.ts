import type { MetricDef } from '../pack/schema.ts';
import { inlineItems } from './enumerations.ts';
import { readFrame } from './frame.ts';
import { headingMarker, type HeadingLevel } from './markers.ts';
import { sentenceEnd, trimSpaces } from './text.ts';
import { type ImportBinding, type ImportPlaceholder, MARKER_PATTERN, markPlaceholders, type Replacement } from './templateImport.ts';
import type { ItemDef, ParagraphDef, ReportTemplate, SectionDef, SentenceDef, TemplateKind } from './templateModel.ts';

// An old report as a template of the same model as the pack's: its title, opening paragraphs,
// sections nested as the document nests them (a heading running into its paragraph stays run-in),
// each paragraph's sentences and inline items (一是…二是…), and its placeholders replaced by slots
// (templateImport.ts). Drafting from it prints the ledger's figure wherever a placeholder is bound.

export interface ImportedBody {
  template: Pick<ReportTemplate, 'title' | 'addressee' | 'opening' | 'sections' | 'signature' | 'unbound'>;
  placeholders: ImportPlaceholder[];
}

/** Titles when the old report has none: drafts leave as documents with a title. */
export const DEFAULT_TITLES: Record<TemplateKind, string> = {
  annual_report: '{{org.name}}关于{{period.label}}意识形态工作情况的报告',
  half_year_report: '{{org.name}}{{period.label}}意识形态工作总结',
  duty_report: '{{org.name}}书记关于{{period.label}}落实意识形态工作主体责任履职情况的汇报',
  custom: '{{org.name}}关于{{period.label}}工作情况的报告',
};

/** The sentences of a text, each with its end punctuation (quotes and brackets respected). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = sentenceEnd(text, start);
    const stop = end < 0 ? text.length : end + 1;
    const sentence = trimSpaces(text.slice(start, stop));
    if (sentence !== '') out.push(sentence);
    start = stop;
  }
  return out;
}

interface OpenSection {
  section: SectionDef | null;
  level: HeadingLevel | 0;
  lines: string[];
}

interface ItemStart {
  marker: string;
  line: number;
  /** Where its marker starts, and where its text starts after the marker. */
  at: number;
  bodyAt: number;
}

/** Where each inline item starts in its section's lines, by searching for its marker and heading in order. */
function itemStarts(lines: readonly string[]): ItemStart[] | null {
  const found: ItemStart[] = [];
  let [line, cursor] = [0, 0];
  for (const item of inlineItems(lines)) {
    // 四要 was read as 四是; 第一 and 首先 are written as they are.
    const pattern = new RegExp(`${item.marker.endsWith('是') ? `${item.marker.slice(0, -1)}[是要]` : item.marker}[\\s\\u3000，,：:、]*`, 'g');
    let hit: ItemStart | null = null;
    for (let l = line; l < lines.length && !hit; l++) {
      pattern.lastIndex = l === line ? cursor : 0;
      for (let m = pattern.exec(lines[l]!); m && !hit; m = pattern.exec(lines[l]!)) {
        const bodyAt = m.index + m[0].length;
        if (lines[l]!.startsWith(item.heading, bodyAt)) hit = { marker: item.marker, line: l, at: m.index, bodyAt };
      }
    }
    if (!hit) return null;
    found.push(hit);
    [line, cursor] = [hit.line, hit.bodyAt];
  }
  return found;
}

const sentencesOf = (text: string): SentenceDef[] => splitSentences(text).map((t) => ({ text: t }));

/** An item's text: a heading up to its first 。 when more follows, then sentences. */
function itemOf(body: string): ItemDef {
  const end = sentenceEnd(body);
  if (end < 0 || end === body.length - 1) return { sentences: sentencesOf(body) };
  const heading = trimSpaces(body.slice(0, body[end] === '。' ? end : end + 1));
  return heading === '' ? { sentences: sentencesOf(body) } : { heading, sentences: sentencesOf(body.slice(end + 1)) };
}

/** A section's body lines as paragraphs: the text before a line's first item, then its items. */
function paragraphsOf(lines: readonly string[]): ParagraphDef[] {
  const starts = itemStarts(lines);
  if (!starts) return lines.map((l) => ({ sentences: sentencesOf(l), items: [] }));
  return lines.flatMap((text, l) => {
    const here = starts.map((s, i) => ({ ...s, next: starts[i + 1] })).filter((s) => s.line === l);
    const items = here
      // A doubled item ("一是主要领导带头学。一是主要领导带头学。…") keeps the later, complete one.
      .filter((s) => !(s.next && s.next.line === l && s.next.marker === s.marker))
      .map((s) => itemOf(text.slice(s.bodyAt, s.next && s.next.line === l ? s.next.at : text.length)))
      .filter((item) => item.sentences.length > 0);
    const p = { sentences: sentencesOf(text.slice(0, here[0]?.at ?? text.length)), items };
    return p.sentences.length + p.items.length > 0 ? [p] : [];
  });
}

/** Reads the body: lines before the first heading are the opening; headings nest by level. */
function outline(body: readonly string[]): { opening: string[]; sections: SectionDef[] } {
  const root: OpenSection = { section: null, level: 0, lines: [] };
  const sections: SectionDef[] = [];
  const stack: OpenSection[] = [root];
  const close = (open: OpenSection) => {
    if (open.section) open.section.paragraphs = paragraphsOf(open.lines);
  };
  for (const line of body) {
    const marker = headingMarker(line);
    if (!marker) {
      stack.at(-1)!.lines.push(line);
      continue;
    }
    while (stack.length > 1 && stack.at(-1)!.level >= marker.level) close(stack.pop()!);
    const end = sentenceEnd(marker.rest);
    const heading = trimSpaces(end < 0 ? marker.rest : marker.rest.slice(0, end)).replace(/[，,；;：:、]+$/, '');
    const rest = end < 0 ? '' : trimSpaces(marker.rest.slice(end + 1));
    const section: SectionDef = { heading, runIn: rest !== '', paragraphs: [], sections: [] };
    (stack.at(-1)!.section?.sections ?? sections).push(section);
    stack.push({ section, level: marker.level, lines: rest === '' ? [] : [rest] });
  }
  while (stack.length > 1) close(stack.pop()!);
  return { opening: root.lines, sections };
}

/** Puts slots where the markers stand: metric slots in body sentences, plain slots elsewhere. */
function expander(replacements: ReadonlyMap<string, Replacement>) {
  return (text: string, plain = false) => text.replace(MARKER_PATTERN, (m) => (plain ? replacements.get(m)?.plain : replacements.get(m)?.body) ?? m);
}

function expandSections(sections: SectionDef[], expand: ReturnType<typeof expander>): SectionDef[] {
  const sentence = (s: SentenceDef): SentenceDef => ({ text: expand(s.text) });
  return sections.map((s) => ({
    heading: expand(s.heading, true),
    runIn: s.runIn,
    paragraphs: s.paragraphs.map((p) => ({
      sentences: p.sentences.map(sentence),
      items: p.items.map((i) => ({ ...(i.heading ? { heading: expand(i.heading, true) } : {}), sentences: i.sentences.map(sentence) })),
    })),
    sections: expandSections(s.sections, expand),
  }));
}

/** An old report's text as a template body, placeholders bound as `bindings` say (else to the metric their context names). */
export function templateFromImport(text: string, metrics: readonly MetricDef[], opts: { kind: TemplateKind; bindings?: ReadonlyMap<number, ImportBinding> }): ImportedBody {
  const marked = markPlaceholders(text, metrics, opts.bindings ?? new Map());
  const frame = readFrame(marked.lines);
  const { opening, sections } = outline(frame.body);
  const expand = expander(marked.replacements);
  return {
    template: {
      title: frame.title ? expand(frame.title, true) : DEFAULT_TITLES[opts.kind],
      addressee: null,
      opening: opening.map((line) => ({ sentences: sentencesOf(expand(line)), items: [] })),
      sections: expandSections(sections, expand),
      signature: { org: '{{org.name}}' },
      unbound: marked.placeholders.map((p) => ({ text: p.text, kind: p.kind, unit: p.unit, context: p.context })),
    },
    placeholders: marked.placeholders,
  };
}
