import type { ParagraphDef, ReportTemplate, SectionDef } from './templateModel.ts';

// Every text of a template with where it is: the one walk that validation (templateValidate.ts),
// the facts a template needs (templateNeeds.ts) and the import's conversion share.

/** Where a text stands decides which slots it may hold. */
export type TextRole = 'title' | 'addressee' | 'heading' | 'sentence' | 'fallback' | 'signature';

export interface TemplateText {
  /** Path inside the template, as problems name it: sections[0].paragraphs[1].items[0].sentences[0].text */
  path: (string | number)[];
  text: string;
  role: TextRole;
}

function paragraphTexts(p: ParagraphDef, at: (string | number)[]): TemplateText[] {
  const sentence = (s: ParagraphDef['sentences'][number], path: (string | number)[]): TemplateText[] => [
    { path: [...path, 'text'], text: s.text, role: 'sentence' },
    ...(s.fallback === undefined ? [] : [{ path: [...path, 'fallback'], text: s.fallback, role: 'fallback' as const }]),
  ];
  return [
    ...p.sentences.flatMap((s, i) => sentence(s, [...at, 'sentences', i])),
    ...p.items.flatMap((item, i) => [
      ...(item.heading === undefined ? [] : [{ path: [...at, 'items', i, 'heading'], text: item.heading, role: 'heading' as const }]),
      ...item.sentences.flatMap((s, k) => sentence(s, [...at, 'items', i, 'sentences', k])),
    ]),
  ];
}

function sectionTexts(s: SectionDef, at: (string | number)[]): TemplateText[] {
  return [
    { path: [...at, 'heading'], text: s.heading, role: 'heading' },
    ...s.paragraphs.flatMap((p, i) => paragraphTexts(p, [...at, 'paragraphs', i])),
    ...s.sections.flatMap((child, i) => sectionTexts(child, [...at, 'sections', i])),
  ];
}

export function templateTexts(t: Pick<ReportTemplate, 'title' | 'addressee' | 'opening' | 'sections' | 'signature'>): TemplateText[] {
  return [
    ...(t.title === null ? [] : [{ path: ['title'], text: t.title, role: 'title' as const }]),
    ...(t.addressee ? [{ path: ['addressee'], text: t.addressee, role: 'addressee' as const }] : []),
    ...t.opening.flatMap((p, i) => paragraphTexts(p, ['opening', i])),
    ...t.sections.flatMap((s, i) => sectionTexts(s, ['sections', i])),
    ...(t.signature?.org ? [{ path: ['signature', 'org'], text: t.signature.org, role: 'signature' as const }] : []),
  ];
}

/** How deep sections nest (1 for top-level sections only). */
export function sectionDepth(sections: readonly SectionDef[]): number {
  return sections.reduce((max, s) => Math.max(max, 1 + sectionDepth(s.sections)), 0);
}
