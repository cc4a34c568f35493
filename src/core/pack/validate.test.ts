import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './problemPath.ts';
import { Pack } from './schema.ts';
import { validatePack } from './validate.ts';

// Cross-reference checks on plain objects; the loader's tests cover the same checks read from YAML.

/** A valid pack of one record type and one rule, with `patch` applied to a copy. */
function pack(patch: (p: Pack) => void = () => {}): Pack {
  const p = Pack.parse({
    id: 'demo',
    name: '示例',
    version: 1,
    sources: { P1: '某细则' },
    recordTypes: [
      {
        id: 'meeting',
        name: '会议',
        category: '会议',
        orgKinds: ['party_group', 'committee'],
        fields: [
          { id: 'kind', label: '类型', type: 'choice', options: [{ value: 'plenary', label: '全体会议' }] },
          { id: 'ideology', label: '意识形态专题', type: 'boolean' },
          { id: 'headcount', label: '人数', type: 'number', min: 1, max: 99 },
          { id: 'minutes', label: '纪要', type: 'attachments', multiple: true },
        ],
      },
    ],
    rules: [{ id: 'R-1', name: '开会', basis: '每月开会', sources: ['P1'], recordType: 'meeting', period: 'month', min: 1 }],
    metrics: [{ id: 'meeting.count', name: '会议数', recordType: 'meeting', aggregate: 'count' }],
    duties: { primary: [{ id: 'meet', text: '开会', rules: ['R-1'] }] },
  });
  patch(p);
  return p;
}

const typeFile = 'record-types/meeting.yaml';

describe(validatePack.name, () => {
  it('finds nothing wrong with a consistent pack', () => {
    expect(validatePack(pack())).toEqual([]);
  });

  it('names the file a record type came from when the loader says so', () => {
    const p = pack((x) => void (x.recordTypes[0]!.serves = ['R-9']));
    expect(validatePack(p, { recordTypeFiles: ['record-types/会议.yaml'] })).toEqual([
      { file: 'record-types/会议.yaml', path: 'serves[0]', message: '规则“R-9”不存在' },
    ]);
  });

  it('requires a rule to apply only to org kinds its record type is kept by', () => {
    const p = pack((x) => void (x.rules[0]!.orgKinds = ['party_group', 'branch']));
    expect(validatePack(p)).toEqual([
      { file: 'rules.yaml', path: 'rules[0].orgKinds[1]', message: '记录类型“meeting”不适用于组织类型 branch（仅 party_group、committee）' },
    ]);
  });

  it('checks field properties against the field type', () => {
    const p = pack((x) => {
      const [kind, ideology, headcount] = x.recordTypes[0]!.fields;
      kind!.unit = '次';
      ideology!.multiple = true;
      headcount!.min = 100;
      kind!.options!.push({ value: 'plenary', label: '重复' });
    });
    expect(validatePack(p)).toEqual([
      { file: typeFile, path: 'fields[0].unit', message: 'unit 只适用于 number 类型的字段，此字段类型为 choice' },
      { file: typeFile, path: 'fields[0].options[1].value', message: '选项值“plenary”重复（已在 fields[0].options[0] 定义）' },
      { file: typeFile, path: 'fields[1].multiple', message: 'multiple 只适用于 choice、people、org、attachments 类型的字段，此字段类型为 boolean' },
      { file: typeFile, path: 'fields[2].max', message: 'max（99）不能小于 min（100）' },
    ]);
  });

  it('checks conditions: comparable field types, value types, `in` on booleans', () => {
    const p = pack((x) => {
      x.rules[0]!.where = [
        { field: 'minutes', equals: 'x' },
        { field: 'ideology', in: ['true'] },
        { field: 'headcount', equals: '10' },
        { field: 'kind', in: ['plenary', 'enlarged'] },
      ];
    });
    expect(validatePack(p)).toEqual([
      { file: 'rules.yaml', path: 'rules[0].where[0].field', message: '字段“minutes”的类型 attachments 不能用于条件（只能是 choice、boolean、text、number）' },
      { file: 'rules.yaml', path: 'rules[0].where[1].in', message: '是/否（boolean）字段请用 equals' },
      { file: 'rules.yaml', path: 'rules[0].where[2].equals', message: '字段“人数”为数字，须为数值' },
      { file: 'rules.yaml', path: 'rules[0].where[3].in[1]', message: '“enlarged”不是字段“类型”的选项（可选：plenary）' },
    ]);
  });

  it('checks metric fields: none for count, a number for sum, an existing one for distinct', () => {
    const p = pack((x) => {
      x.metrics = [
        { id: 'a', name: 'a', recordType: 'meeting', aggregate: 'count', field: 'kind', where: [] },
        { id: 'b', name: 'b', recordType: 'meeting', aggregate: 'distinct', where: [] },
        { id: 'c', name: 'c', recordType: 'meeting', aggregate: 'distinct', field: 'nope', where: [] },
        { id: 'd', name: 'd', recordType: 'meeting', aggregate: 'sum', field: 'headcount', where: [] },
      ];
    });
    expect(validatePack(p)).toEqual([
      { file: 'metrics.yaml', path: 'metrics[0].field', message: 'count 统计记录条数，不需要 field' },
      { file: 'metrics.yaml', path: 'metrics[1].field', message: 'distinct 须指定 field' },
      { file: 'metrics.yaml', path: 'metrics[2].field', message: '记录类型“meeting”没有字段“nope”' },
    ]);
  });

  it('requires source ids to be listed in pack.yaml, and lets free citations through', () => {
    const p = pack((x) => void (x.rules[0]!.sources = ['P1', 'P2', '《某某规定》第五条']));
    expect(validatePack(p)).toEqual([{ file: 'rules.yaml', path: 'rules[0].sources[1]', message: '来源“P2”未在 pack.yaml 的 sources 中列出' }]);
  });

  it('requires duty item ids to be unique across roles', () => {
    const p = pack((x) => void (x.duties.direct = [{ id: 'meet', text: '也开会', rules: [] }]));
    expect(validatePack(p)).toEqual([{ file: 'duties.yaml', path: 'duties.direct[0].id', message: '责任清单条目 id“meet”重复（已在 duties.primary[0] 定义）' }]);
  });
});

describe('problem paths', () => {
  it('format and parse back', () => {
    expect(formatPath(['rules', 3, 'where', 0, 'field'])).toBe('rules[3].where[0].field');
    expect(formatPath([2, 'id'])).toBe('[2].id');
    expect(parsePath('duties.primary[0].rules[1]')).toEqual(['duties', 'primary', 0, 'rules', 1]);
    expect(parsePath('')).toEqual([]);
  });
});
