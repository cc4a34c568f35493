import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_000, SAMPLE_002, SAMPLES } from '../../../test/fixtures/reports/expected.ts';
import { loadPackDir } from '../../server/modules/pack/pack.loader.ts';
import { templateProblemsIn } from '../pack/validate.ts';
import { draft } from './draft.ts';
import type { DraftFacts } from './draftFacts.ts';
import { documentPlainText } from './draftModel.ts';
import { findPlaceholders } from './placeholders.ts';
import { importTemplate, type Node } from './template.ts';
import { templateFromImport } from './templateFromImport.ts';
import type { ImportBinding } from './templateImport.ts';
import type { ReportTemplate, SectionDef } from './templateModel.ts';

// The three real reports as templates: their outline kept, their figures bound to metrics, and a
// draft from them with the ledger's figure wherever a placeholder was bound — none left there.

const pack = loadPackDir(path.resolve(import.meta.dirname, '../../../packs/ideology')).pack!;
const read = (file: string) => fs.readFileSync(file, 'utf8');

function asTemplate(file: string, bindings?: Map<number, ImportBinding>): { template: ReportTemplate; placeholders: ReturnType<typeof templateFromImport>['placeholders'] } {
  const body = templateFromImport(read(file), pack.metrics, { kind: 'annual_report', bindings });
  return { template: { id: 'imported', name: '导入', kind: 'annual_report', periodKind: 'year', submit: null, ...body.template }, placeholders: body.placeholders };
}

/** Every metric at 7: any figure the ledger has prints as 7. */
function facts(): DraftFacts {
  return {
    org: { id: 'o', name: '示例市城市管理局党组' },
    period: { kind: 'year', from: '2026-01-01', to: '2026-12-31', label: '2026年', year: 2026, nextLabel: '2027年', nextYear: 2027 },
    issueDate: '2027-01-08',
    metrics: Object.fromEntries(pack.metrics.map((m) => [m.id, { name: m.name, value: 7, unit: m.unit ?? '', recordIds: ['r1'] }])),
    records: {}, rules: {}, problems: [], plans: {}, people: {},
  };
}

/** Headings of sections and items as the outline reader gives them, years of the report as slots. */
const headings = (nodes: readonly Node[]): string[] => nodes.flatMap((n) => [n.heading, ...headings(n.children)]);
const templateHeadings = (sections: readonly SectionDef[]): string[] =>
  sections.flatMap((s) => [s.heading, ...s.paragraphs.flatMap((p) => p.items.map((i) => i.heading ?? i.sentences[0]!.text.replace(/[。；]$/, ''))), ...templateHeadings(s.sections)]);

describe.each(SAMPLES.map((s) => [path.basename(s.file), s] as const))('sample %s as a template', (_name, sample) => {
  const { template, placeholders } = asTemplate(sample.file);

  it('keeps the outline as the document nests it, items included', () => {
    const expected = headings(importTemplate(read(sample.file), pack.metrics).sections)
      .map((h) => h.replace(/2021年|2022年/, (y) => (y === '2022年' && sample === SAMPLE_002 ? '{{period.next_year}}年' : '{{period.year}}年')))
      // A doubled item (一是主要领导带头学。一是主要领导带头学。) is a slip: the template keeps it once.
      .filter((h, i, all) => h !== all[i + 1]);
    expect(templateHeadings(template.sections)).toEqual(expected);
  });

  it('refers only to what the ideology pack has', () => {
    expect(templateProblemsIn(template, pack)).toEqual([]);
  });

  it('drafts with the ledger figure wherever a placeholder is bound, and leaves only the unbound ones for the user', () => {
    const text = documentPlainText(draft(template, facts()).document);
    const unbound = placeholders.filter((p) => p.becomes === 'unbound');
    const bound = placeholders.filter((p) => p.becomes === 'metric');
    expect(bound.length).toBeGreaterThan(0);
    expect(findPlaceholders(text).map((p) => p.text)).toEqual(unbound.map((p) => p.text));
    expect(text).not.toContain('{{');
    expect(text).not.toMatch(/2021年|2022年/);
  });
});

describe('templateFromImport', () => {
  it('turns exact figures into exact counts: 余 and 万 leave the measure word', () => {
    const { template } = asTemplate(SAMPLE_000.file);
    const text = documentPlainText(draft(template, facts()).document);
    expect(text).toContain('在全媒体平台发稿7篇，其中中央媒体网站7篇，省级党报党刊广播电视7篇');
    expect(text).toContain('组织开展各类宣讲活动7场');
    expect(text).toContain('服务总时长超过7小时');
  });

  it('binds as the user says: a figure to a metric, a name to text or to the org, one left as it was', () => {
    const bindings = new Map<number, ImportBinding>([[0, { text: '区政府' }], [2, { metricId: 'article.count' }], [10, { slot: 'org.name' }], [9, { keep: true }]]);
    const { template, placeholders } = asTemplate(SAMPLE_000.file, bindings);
    expect(placeholders.slice(0, 3).map((p) => [p.index, p.becomes, p.metric])).toEqual([[0, 'text', null], [1, 'metric', 'outreach_lecture.count'], [2, 'metric', 'article.count']]);
    const text = documentPlainText(draft(template, facts()).document);
    expect(text).toMatch(/^示例市城市管理局党组关于2026年意识形态工作情况的报告\n2026年，区政府党组在市委的坚强领导下/);
    expect(text).toContain('邀请各级媒体7批次到我区采访报道');
    expect(text).toContain('全面整合示例市城市管理局党组新闻网');
    expect(text).toContain('清查各类文化经营场所X余家');
  });

  it('keeps a heading run into its paragraph as run-in, and a heading on its own line as it was', () => {
    const { template } = asTemplate(SAMPLE_002.file);
    const [first, , third] = template.sections;
    expect([first!.sections[0]!.heading, first!.sections[0]!.runIn]).toEqual(['切实扛起意识形态责任，全面加强从严治党', false]);
    expect(third!.heading).toBe('{{period.next_year}}年意识形态工作计划');
    const blocks = draft(template, facts()).document.blocks;
    expect(blocks.find((b) => b.id === 's1.1')).toMatchObject({ kind: 'heading', marker: '（一）' });
    expect(blocks.find((b) => b.id === 's1.1.p1')).toBeDefined();
  });
});
