import { describe, expect, it } from 'vitest';
import { draft } from './draft.ts';
import type { DraftFacts } from './draftFacts.ts';
import { applyEdits, type BlockEdit, figureChanges, markStale } from './draftEdits.ts';
import { blockPlainText } from './draftModel.ts';
import { normalizeTemplate, ReportTemplateInput } from './templateModel.ts';

// Edits survive a regeneration; the figures that changed under them are reported.

const template = normalizeTemplate(
  't',
  ReportTemplateInput.parse({
    name: '测试', kind: 'annual_report', periodKind: 'year', title: '{{org.name}}报告',
    sections: [{ heading: '做法', sections: [{ heading: '组织', paragraphs: ['研究{{metric:a}}次。', '宣传{{metric:b}}篇。'] }, { heading: '学习', paragraphs: ['学习{{metric:c}}次。'] }] }],
  }),
);

const facts = (a: number, b: number, c: number): DraftFacts => ({
  org: { id: 'o', name: '示例局' },
  period: { kind: 'year', from: '2025-01-01', to: '2025-12-31', label: '2025年', year: 2025, nextLabel: '2026年', nextYear: 2026 },
  issueDate: '2026-01-05',
  metrics: Object.fromEntries(Object.entries({ a, b, c }).map(([k, v]) => [k, { name: `指标${k}`, value: v, unit: '次', recordIds: [] }])),
  records: {}, rules: {}, problems: [], plans: {}, people: {},
});

const edit = (text: string, over: Partial<BlockEdit> = {}): BlockEdit => ({ text, heading: null, generated: '', at: '2026-01-06T00:00:00Z', by: 'u1', stale: false, ...over });

describe('applyEdits and figureChanges', () => {
  it('keeps edited blocks as written, refills the others, and names the figures that changed', () => {
    const before = draft(template, facts(4, 3, 5));
    const after = draft(template, facts(5, 3, 6));
    const edits = { 's1.2': edit('学习情况由用户改写。'), title: edit('用户的标题') };
    const doc = applyEdits(after.document, edits, before.document);
    expect(doc.title).toBe('用户的标题');
    expect(doc.blocks.map(blockPlainText)).toEqual(['一、做法', '（一）组织。研究5次。', '宣传3篇。', '（二）学习。学习情况由用户改写。']);
    const changes = figureChanges(before, after, edits);
    expect(changes).toEqual([
      { blockId: 's1.1', slot: '{{metric:a}}', label: '指标a', before: '4', after: '5', edited: false },
      { blockId: 's1.2', slot: '{{metric:c}}', label: '指标c', before: '5', after: '6', edited: true },
    ]);
    expect(markStale(edits, changes)['s1.2']!.stale).toBe(true);
    expect(markStale(edits, changes).title!.stale).toBe(false);
  });

  it('reports a sentence that appears or goes, and keeps an edited block the new draft leaves out', () => {
    const before = draft(template, facts(4, 3, 5));
    const after = draft(template, facts(4, 0, 0));
    const edits = { 's1.2': edit('用户写的学习情况。') };
    expect(figureChanges(before, after, edits).map((c) => [c.blockId, c.before, c.after, c.edited])).toEqual([
      ['s1.1.p2', '3', null, false],
      ['s1.2', '5', null, true],
    ]);
    const doc = applyEdits(after.document, edits, applyEdits(before.document, edits));
    expect(doc.blocks.map((b) => b.id)).toEqual(['s1', 's1.1', 's1.2']);
    expect(blockPlainText(doc.blocks[2]!)).toBe('（二）学习。用户写的学习情况。');
  });
});
