import { describe, expect, it } from 'vitest';
import { draft } from './draft.ts';
import type { DraftFacts } from './draftFacts.ts';
import { blockPlainText, documentPlainText, type DraftRun } from './draftModel.ts';
import { normalizeTemplate, type ReportTemplate, ReportTemplateInput } from './templateModel.ts';

// The drafting engine on hand-made facts: what is filled, what is left out and why, how items and
// sections are numbered after that, and which records each figure and list rests on.

const template = (input: Record<string, unknown>): ReportTemplate =>
  normalizeTemplate('t', ReportTemplateInput.parse({ name: '测试', kind: 'annual_report', periodKind: 'year', ...input }));

const facts = (over: Partial<DraftFacts> = {}): DraftFacts => ({
  org: { id: 'o1', name: '示例局党组' },
  period: { kind: 'year', from: '2025-01-01', to: '2025-12-31', label: '2025年', year: 2025, nextLabel: '2026年', nextYear: 2026 },
  issueDate: '2026-01-05',
  metrics: {
    'topic_meeting.count': { name: '专题研究次数', value: 4, unit: '次', recordIds: ['m1', 'm2', 'm3', 'm4'] },
    'article.count': { name: '报送信息数', value: 0, unit: '篇', recordIds: [] },
    'central_group_study.hours': { name: '学习时长', value: 12.5, unit: '小时', recordIds: ['c1', 'c2'] },
  },
  records: {
    'records:theme_day:[]': {
      name: '主题党日',
      items: [
        { id: 'd1', title: '重温入党誓词', occurredOn: '2025-03-01' },
        { id: 'd2', title: '走进“红色”教育基地', occurredOn: '2025-04-01' },
        { id: 'd3', title: '重温入党誓词', occurredOn: '2025-05-01' },
        { id: 'd4', title: '志愿服务进社区', occurredOn: '2025-06-01' },
      ],
    },
  },
  rules: {
    'IW-01': {
      name: '每季度专题研究',
      period: 'quarter',
      cells: [
        { period: '2025-Q1', status: 'met', count: 1 },
        { period: '2025-Q2', status: 'met', count: 1 },
        { period: '2025-Q3', status: 'overdue', count: 0 },
        { period: '2025-Q4', status: 'met', count: 2 },
      ],
    },
  },
  problems: [
    { ruleId: 'IW-02', ruleName: '每季度开展分析研判', periods: ['2025-Q2', '2025-Q3'], units: [] },
    { ruleId: 'IW-37', ruleName: '每月报送宣传信息', periods: [], units: ['办公室', '艺术科', '财务科', '市图书馆'] },
  ],
  plans: {
    'plans:work_plan:items': {
      name: '工作要点',
      entries: [{ id: 'p1', title: '2026年工作要点', items: ['加强理论武装（牵头单位：机关党委）', '抓好阵地管理'] }],
    },
  },
  people: { first_responsible: { name: '王建国' } },
  ...over,
});

const sections = (paragraphs: unknown[]) => [{ heading: '工作开展情况', paragraphs }];
const textOf = (t: ReportTemplate, f = facts()) => documentPlainText(draft(t, f).document);

describe('draft: slots', () => {
  it('fills figures, lists, rule statuses and the text slots', () => {
    const t = template({
      title: '{{org.name}}关于{{period.label}}工作情况的报告',
      opening: '{{period.label}}，共专题研究{{metric:topic_meeting.count}}次，学习{{metric:central_group_study.hours}}小时。',
      sections: sections(['开展{{records:theme_day}}等主题党日活动。按季度研究的要求，{{rule:IW-01}}。', '成文于{{date.issue}}，{{period.next_label}}（{{period.next_year}}）再议。']),
      signature: { org: '{{org.name}}书记 {{duty:first_responsible}}' },
    });
    const result = draft(t, facts());
    expect(documentPlainText(result.document).split('\n')).toEqual([
      '示例局党组关于2025年工作情况的报告',
      '2025年，共专题研究4次，学习12.5小时。',
      '一、工作开展情况',
      '开展“重温入党誓词”“走进‘红色’教育基地”“志愿服务进社区”等主题党日活动。按季度研究的要求，已完成3个季度，第三季度未按期完成。',
      '成文于2026年1月5日，2026年（2026）再议。',
      '示例局党组书记 王建国',
      '2026-01-05',
    ]);
    expect(result.omitted).toEqual([]);
  });

  it('leaves out a sentence whose figure is zero or missing, saying why, and prints no 0', () => {
    const t = template({ sections: sections([['报送信息{{metric:article.count}}篇。', '召开会议{{metric:topic_meeting.count}}次。', '宣讲{{metric:outreach_lecture.count}}场。']]) });
    const result = draft(t, facts());
    expect(documentPlainText(result.document)).toBe('一、工作开展情况\n召开会议4次。\n示例局党组\n2026-01-05');
    expect(result.omitted).toEqual([
      { blockId: 's1.p1', text: '报送信息{{metric:article.count}}篇。', reason: 'zero', slot: '{{metric:article.count}}' },
      { blockId: 's1.p1', text: '宣讲{{metric:outreach_lecture.count}}场。', reason: 'missing', slot: '{{metric:outreach_lecture.count}}' },
    ]);
  });

  it('marks a kept sentence for the user, and uses a fallback instead of leaving one out', () => {
    const t = template({
      sections: sections([[{ text: '报送信息{{metric:article.count}}篇。', keep: true }, { text: '宣讲{{metric:outreach_lecture.count}}场。', keep: true }, { text: '开展{{records:branch_meeting}}。', fallback: '未开展组织生活（{{org.name}}）。' }]]),
    });
    const result = draft(t, facts());
    const block = result.document.blocks[1]!;
    expect(blockPlainText(block)).toBe('报送信息【0，待核实】篇。宣讲【待补充】场。未开展组织生活（示例局党组）。');
    const marked = (block.text as readonly DraftRun[]).filter((r) => r.mark);
    expect(marked.map((r) => [r.mark, r.slot])).toEqual([['zero', '{{metric:article.count}}'], ['missing', '{{metric:outreach_lecture.count}}']]);
    expect(result.omitted.map((o) => o.reason)).toEqual(['empty']);
  });

  it('says which rule applies to nothing: a sentence about a rule that does not bind the org is left out', () => {
    const t = template({ sections: sections(['按要求，{{rule:IW-99}}。', '其他。']) });
    expect(draft(t, facts()).omitted).toEqual([{ blockId: 's1.p1', text: '按要求，{{rule:IW-99}}。', reason: 'not_applicable', slot: '{{rule:IW-99}}' }]);
  });
});

describe('draft: items, sections and numbering', () => {
  const items = [
    { heading: '强化研究', sentences: ['研究{{metric:topic_meeting.count}}次。'] },
    { heading: '加强宣传', sentences: ['报送{{metric:article.count}}篇。'] },
    { sentences: ['学习{{metric:central_group_study.hours}}小时；'] },
  ];

  it('numbers the items that remain, continuing through the section, and ends the paragraph with 。', () => {
    const t = template({ sections: [{ heading: '做法', paragraphs: [{ sentences: ['总体情况。'], items: items.slice(0, 2) }, { items: items.slice(2) }] }] });
    expect(textOf(t).split('\n').slice(1, 3)).toEqual(['总体情况。一是强化研究。研究4次。', '二是学习12.5小时。']);
  });

  it('ends a kept sentence as the left-out one after it would have: 学习6次， + (left out)； → 学习6次；', () => {
    const t = template({ sections: sections([{ items: [{ sentences: ['研究{{metric:topic_meeting.count}}次，', '其中报送{{metric:article.count}}篇；'] }, '收尾。'] }]) });
    expect(textOf(t).split('\n')[1]).toBe('一是研究4次；二是收尾。');
  });

  it('drops a section left empty and numbers the rest, with run-in headings from level 2', () => {
    const t = template({
      sections: [
        {
          heading: '工作开展情况',
          sections: [
            { heading: '强化宣传', paragraphs: ['报送{{metric:article.count}}篇。'] },
            { heading: '强化领导', paragraphs: ['研究{{metric:topic_meeting.count}}次。', '第二段。'], sections: [{ heading: '细项', paragraphs: ['细节。'], sections: [{ heading: '更细', paragraphs: ['更细。'] }] }] },
          ],
        },
        { heading: '存在问题', paragraphs: ['不足。'] },
      ],
    });
    const result = draft(t, facts());
    expect(result.document.blocks.map((b) => [b.id, blockPlainText(b)])).toEqual([
      ['s1', '一、工作开展情况'],
      ['s1.2', '（一）强化领导。研究4次。'],
      ['s1.2.p2', '第二段。'],
      ['s1.2.1', '1.细项。细节。'],
      ['s1.2.1.1', '（1）更细。更细。'],
      ['s2', '二、存在问题'],
      ['s2.p1', '不足。'],
    ]);
    expect(result.omitted.map((o) => [o.blockId, o.reason, o.slot])).toEqual([['s1.1', 'zero', '{{metric:article.count}}'], ['s1.1', 'empty', null]]);
  });

  it('runs only the first paragraph into a heading: when it is left out, the heading stands alone', () => {
    const t = template({ sections: [{ heading: '做法', sections: [{ heading: '强化宣传', paragraphs: ['报送{{metric:article.count}}篇。', '其他工作。'] }] }] });
    expect(draft(t, facts()).document.blocks.map((b) => [b.id, blockPlainText(b)])).toEqual([['s1', '一、做法'], ['s1.1', '（一）强化宣传'], ['s1.1.p2', '其他工作。']]);
  });

  it('expands {{problems}} and {{plans}} standing as items, one item per entry; inline, they join', () => {
    const t = template({
      sections: [
        { heading: '存在问题', paragraphs: [{ sentences: ['主要表现在：'], items: ['{{problems}}', { heading: '学习不够深入', sentences: ['有待加强。'] }] }] },
        { heading: '下一步', paragraphs: [{ sentences: ['重点抓好{{plans:work_plan field=items}}等工作。'], items: ['{{plans:work_plan field=items}}'] }] },
      ],
    });
    const lines = textOf(t).split('\n');
    expect(lines[1]).toBe(
      '主要表现在：一是“每季度开展分析研判”的要求落实不到位，第二季度、第三季度未按期完成。二是所属4个单位未按期落实“每月报送宣传信息”的要求（办公室、艺术科、财务科等）。三是学习不够深入。有待加强。',
    );
    expect(lines[3]).toBe('重点抓好加强理论武装、抓好阵地管理等工作。一是加强理论武装（牵头单位：机关党委）。二是抓好阵地管理。');
  });

  it('leaves out the sentence introducing items when none of them remains', () => {
    const t = template({ sections: [{ heading: '存在问题', paragraphs: [{ sentences: ['总的来看较好。', '主要表现在：'], items: ['{{problems}}'] }] }] });
    const result = draft(t, facts({ problems: [] }));
    expect(documentPlainText(result.document).split('\n')[1]).toBe('总的来看较好。');
    expect(result.omitted.map((o) => o.reason)).toEqual(['empty', 'empty']);
  });
});

describe('draft: provenance', () => {
  it('gives every filled run an id under its block and records what it rests on', () => {
    const t = template({
      sections: [{ heading: '做法', sections: [{ heading: '组织', paragraphs: ['研究{{metric:topic_meeting.count}}次，开展{{records:theme_day limit=2}}等活动，{{rule:IW-01}}。'] }] }],
    });
    const result = draft(t, facts());
    const block = result.document.blocks.find((b) => b.id === 's1.1')!;
    expect(block.kind).toBe('heading');
    const runs = (block.kind === 'heading' ? block.body : block.text) as readonly DraftRun[];
    expect(runs.filter((r) => r.id).map((r) => [r.id, r.text])).toEqual([
      ['s1.1.1', '4'],
      ['s1.1.2', '“重温入党誓词”“走进‘红色’教育基地”'],
      ['s1.1.3', '已完成3个季度，第三季度未按期完成'],
    ]);
    expect(result.provenance['s1.1.1']).toEqual({ kind: 'metric', label: '专题研究次数', value: '4', metricId: 'topic_meeting.count', recordType: null, ruleId: null, recordIds: ['m1', 'm2', 'm3', 'm4'] });
    // A list rests on every matching record, also those its limit does not print.
    expect(result.provenance['s1.1.2']).toMatchObject({ kind: 'records', label: '主题党日', recordType: 'theme_day', recordIds: ['d1', 'd2', 'd3', 'd4'] });
    expect(result.provenance['s1.1.3']).toMatchObject({ kind: 'rule', ruleId: 'IW-01', label: '每季度专题研究' });
  });

  it('gives each problem and plan item its own provenance', () => {
    const t = template({ sections: [{ heading: '问题', paragraphs: [{ items: ['{{problems}}', '{{plans}}'] }] }] });
    const result = draft(t, facts());
    expect(Object.entries(result.provenance).map(([id, p]) => [id, p.kind, p.ruleId, p.recordIds])).toEqual([
      ['s1.p1.1', 'problem', 'IW-02', []],
      ['s1.p1.2', 'problem', 'IW-37', []],
      ['s1.p1.3', 'plan', null, ['p1']],
      ['s1.p1.4', 'plan', null, ['p1']],
    ]);
  });
});
