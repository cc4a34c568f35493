import { describe, expect, it } from 'vitest';
import { Pack } from '../pack/schema.ts';
import { templateProblemsIn, validatePack } from '../pack/validate.ts';
import { normalizeTemplate, ReportTemplateInput } from './templateModel.ts';
import { parseSlot, splitSlots } from './templateSlots.ts';

// Slots as written, and a template's references into its pack.

describe('parseSlot', () => {
  it('reads every kind of slot with its options', () => {
    expect(parseSlot('metric:topic_meeting.count')).toEqual({ kind: 'metric', metricId: 'topic_meeting.count' });
    expect(parseSlot(' records:theme_day limit=2 where=kind:a|b,adopted:true quote=book ')).toEqual({
      kind: 'records', recordType: 'theme_day', limit: 2, book: true,
      where: [{ field: 'kind', in: ['a', 'b'] }, { field: 'adopted', equals: true }],
    });
    expect(parseSlot('plans')).toEqual({ kind: 'plans', recordType: 'work_plan', field: 'items', limit: 6 });
    expect(parseSlot('plans:work_plan')).toEqual({ kind: 'plans', recordType: 'work_plan', field: null, limit: 6 });
    expect(parseSlot('problems limit=2')).toEqual({ kind: 'problems', limit: 2 });
    expect(parseSlot('period.label')).toEqual({ kind: 'text', name: 'period.label' });
    expect(parseSlot('unbound:3')).toEqual({ kind: 'unbound', index: 3 });
  });

  it('says what is wrong with a slot, in Chinese', () => {
    expect(parseSlot('metric')).toBe('槽位“metric”须指明对象，如 {{metric:…}}');
    expect(parseSlot('records:x limit=0')).toBe('limit 须为 1 到 50 的整数');
    expect(parseSlot('records:x where=kind')).toBe('条件“kind”应写作 字段:值');
    expect(parseSlot('rule:IW-01 limit=2')).toBe('槽位“rule”不支持参数 limit');
    expect(parseSlot('org.nam')).toMatch(/^未知槽位“org\.nam”/);
  });

  it('splits text into literal pieces and slots', () => {
    expect(splitSlots('召开{{metric:a.count}}次，{{bad slot!}}。').map((p) => (typeof p === 'string' ? p : [p.raw, p.error === null]))).toEqual([
      '召开', ['{{metric:a.count}}', true], '次，', ['{{bad slot!}}', false], '。',
    ]);
  });
});

const basePack = () =>
  Pack.parse({
    id: 'demo', name: '示例', version: 1,
    recordTypes: [{
      id: 'meeting', name: '会议', category: '会议',
      fields: [
        { id: 'kind', label: '类型', type: 'choice', options: [{ value: 'plenary', label: '全体会议' }] },
        { id: 'notes', label: '要点', type: 'longtext' },
        { id: 'minutes', label: '纪要', type: 'attachments', multiple: true },
      ],
    }],
    rules: [{ id: 'R-1', name: '开会', basis: '每月开会', recordType: 'meeting', period: 'month', min: 1 }],
    metrics: [{ id: 'meeting.count', name: '会议数', recordType: 'meeting', aggregate: 'count' }],
  });

const template = (sentences: string[], over: Record<string, unknown> = {}) =>
  normalizeTemplate('annual', ReportTemplateInput.parse({ name: '年度', kind: 'annual_report', periodKind: 'year', sections: [{ heading: '做法', paragraphs: [sentences] }], ...over }));

describe('templateProblemsIn', () => {
  it('accepts slots that name what the pack has', () => {
    const t = template(['开会{{metric:meeting.count}}次，{{rule:R-1}}，开展{{records:meeting where=kind:plenary}}。', '{{plans:meeting field=notes}}，{{duty:first_responsible}}。'], {
      submit: { recordType: 'meeting', fields: { kind: 'plenary' } },
    });
    expect(templateProblemsIn(t, basePack())).toEqual([]);
  });

  it('names each slot that refers to nothing, with its path in the template', () => {
    const t = template(['{{metric:x.count}}{{rule:R-9}}{{records:nope}}{{records:meeting where=kind:other}}', '{{plans:meeting field=minutes}}{{duty:boss}}{{unbound:0}}{{metric:meeting.count'], {
      title: '{{metric:meeting.count}}报告',
      submit: { recordType: 'meeting', fields: { kind: 'other' } },
    });
    expect(templateProblemsIn(t, basePack()).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      'title: {{metric:meeting.count}} 取自台账，只能用在正文句子中（标题、落款和替换句中数据缺失时无法删去）',
      'sections.0.paragraphs.0.sentences.0.text: {{metric:x.count}}：指标“x.count”不存在',
      'sections.0.paragraphs.0.sentences.0.text: {{rule:R-9}}：规则“R-9”不存在',
      'sections.0.paragraphs.0.sentences.0.text: {{records:nope}}：记录类型“nope”不存在',
      'sections.0.paragraphs.0.sentences.0.text: {{records:meeting where=kind:other}}：“other”不是字段“类型”的选项（可选：plenary）',
      'sections.0.paragraphs.0.sentences.1.text: 有未配对的 {{ 或 }}',
      'sections.0.paragraphs.0.sentences.1.text: {{plans:meeting field=minutes}}：计划条目须取自文本字段，字段“minutes”的类型为 attachments',
      'sections.0.paragraphs.0.sentences.1.text: {{duty:boss}}：责任角色“boss”不存在（可选：primary、first_responsible、direct、dual_duty）',
      'sections.0.paragraphs.0.sentences.1.text: {{unbound:0}}：占位符序号 0 超出范围（共 0 个）',
      'submit.fields.kind: “other”不是字段“类型”的选项（可选：plenary）',
    ]);
  });

  it('makes a pack with a broken template fail validation, naming the template file', () => {
    const p = basePack();
    p.templates.push(template(['{{metric:x.count}}']));
    expect(validatePack(p)).toEqual([{ file: 'templates/annual.yaml', path: 'sections[0].paragraphs[0].sentences[0].text', message: '{{metric:x.count}}：指标“x.count”不存在' }]);
  });
});
