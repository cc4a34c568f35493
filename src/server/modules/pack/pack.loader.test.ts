import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPackDir } from './pack.loader.ts';
import { loadPackRegistry, loadPacks, PackLoadError } from './pack.catalog.ts';

// Each test breaks the clean_gov fixture pack in one way and checks the problem names the file,
// the path inside it and, for YAML read from disk, the line.

const FIXTURE = path.resolve(import.meta.dirname, '../../../../test/fixtures/packs/clean_gov');
const temps: string[] = [];

/** A copy of the fixture pack with `files` replaced (null deletes a file). */
function brokenPack(files: Record<string, string | null>, base = FIXTURE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-pack-'));
  temps.push(dir);
  fs.cpSync(base, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (text === null) fs.rmSync(full);
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
  }
  return dir;
}

/** The fixture file with `from` replaced by `to` (which must be there, so a test cannot go stale). */
function edited(file: string, from: string, to: string): Record<string, string> {
  const text = fs.readFileSync(path.join(FIXTURE, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  return { [file]: text.replace(from, to) };
}

const problemsOf = (dir: string) => loadPackDir(dir).problems;

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadPackDir', () => {
  it('loads the fixture pack with no problems', () => {
    const { pack, problems, outline } = loadPackDir(FIXTURE);
    expect(problems).toEqual([]);
    expect(pack?.id).toBe('clean_gov');
    expect(pack?.version).toBe('0.1');
    expect(outline).toEqual({
      id: 'clean_gov',
      recordTypes: ['integrity_meeting', 'integrity_talk', 'warning_education'],
      rules: ['CG-01', 'CG-02', 'CG-03', 'CG-04'],
      metrics: ['integrity_meeting.count', 'integrity_talk.count', 'warning_education.attendance'],
      templates: [],
    });
    // Defaults from the schema are filled in.
    expect(pack?.rules.find((r) => r.id === 'CG-01')).toMatchObject({ where: [], enabled: true, sources: ['S1'] });
  });

  it('reports bad YAML syntax with its line and column, and no pack', () => {
    const dir = brokenPack({ 'rules.yaml': '- id: CG-01\n  name: 会议\n  basis: 依据: 细则\n  period: year\n' });
    const { pack, problems } = loadPackDir(dir);
    expect(pack).toBeNull();
    expect(problems).toEqual([
      { file: 'rules.yaml', path: '', line: 3, column: 10, message: 'YAML 语法错误（第3行第10列）：键值写法不正确（值中含“: ”时请加引号，或检查缩进）' },
    ]);
  });

  it('reports a duplicate key as a syntax problem', () => {
    const dir = brokenPack(edited('pack.yaml', 'name: 党风廉政建设责任制', 'name: 党风廉政建设责任制\nname: 又一个'));
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ file: 'pack.yaml', path: '', line: 5, message: expect.stringContaining('重复的键') })]);
  });

  it('reports an unknown field type at the field', () => {
    const dir = brokenPack(edited('record-types/integrity_talk.yaml', 'type: people, required: true', 'type: person, required: true'));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'record-types/integrity_talk.yaml', path: 'fields[1].type', line: 16, message: expect.stringContaining('"people"') }),
    ]);
  });

  it('reports a duplicate rule id at the second one', () => {
    const rules = fs.readFileSync(path.join(FIXTURE, 'rules.yaml'), 'utf8');
    const dir = brokenPack({ 'rules.yaml': `${rules}\n- { id: CG-01, name: 重复, basis: 重复, recordType: integrity_meeting, period: year, min: 1 }\n` });
    expect(problemsOf(dir)).toEqual([
      { file: 'rules.yaml', path: 'rules[4].id', message: '规则 id“CG-01”重复（已在 rules[0] 定义）', line: 47, column: 9 },
    ]);
  });

  it('reports a record type id defined in two files', () => {
    const dir = brokenPack({ 'record-types/zz_copy.yaml': fs.readFileSync(path.join(FIXTURE, 'record-types/warning_education.yaml'), 'utf8') });
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'record-types/zz_copy.yaml', path: 'id', message: '记录类型 id“warning_education”重复（已在 record-types/warning_education.yaml 定义）' }),
    ]);
  });

  it('reports a rule naming a record type that does not exist', () => {
    const dir = brokenPack(edited('rules.yaml', 'recordType: warning_education', 'recordType: warning_educaton'));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'rules.yaml', path: 'rules[2].recordType', message: '记录类型“warning_educaton”不存在', line: 28 }),
    ]);
  });

  it('reports a condition on a field the record type does not have', () => {
    const dir = brokenPack(edited('rules.yaml', '{ field: talk_kind, equals: collective }', '{ field: talk_type, equals: collective }'));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'rules.yaml', path: 'rules[1].where[0].field', message: '记录类型“integrity_talk”没有字段“talk_type”' }),
    ]);
  });

  it('reports a condition value that is not one of the choice field options', () => {
    const dir = brokenPack(edited('rules.yaml', 'equals: reminder', 'equals: warning'));
    const [problem, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'rules.yaml', path: 'rules[3].where[0].equals', line: 40 });
    expect(problem!.message).toBe('“warning”不是字段“谈话类型”的选项（可选：collective、reminder、pre_appointment）');
  });

  it('reports a sum over a field that is not a number', () => {
    const dir = brokenPack(edited('metrics.yaml', 'field: attendee_count', 'field: form'));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'metrics.yaml', path: 'metrics[2].field', line: 3, message: 'sum 只能对数字（number）字段求和，字段“form”的类型为 choice' }),
    ]);
  });

  it('reports a missing required property by name', () => {
    const dir = brokenPack(edited('record-types/warning_education.yaml', 'category: 教育监督\n', ''));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'record-types/warning_education.yaml', path: 'category', message: '缺少必填属性“category”', line: 1 }),
    ]);
  });

  it('reports a missing pack.yaml and an empty record-types folder', () => {
    const dir = brokenPack({ 'pack.yaml': null });
    fs.rmSync(path.join(dir, 'record-types'), { recursive: true });
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({ file: 'pack.yaml', path: '', message: '缺少 pack.yaml' });
    expect(problems).toContainEqual({ file: 'record-types', path: '', message: '至少须定义一个记录类型（record-types/<id>.yaml）' });
    expect(loadPackDir(dir).outline.id).toBeNull();
  });

  it('reports each unknown property at the property', () => {
    const dir = brokenPack(edited('record-types/integrity_meeting.yaml', '{ id: host, label: 主持人,', '{ id: host, lable: 主持人, label: 主持人,'));
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ file: 'record-types/integrity_meeting.yaml', path: 'fields[0].lable', message: '未知属性“lable”', line: 9 })]);
  });

  it('reports a choice field without options, and options on a field that is not a choice', () => {
    const dir = brokenPack({
      'record-types/integrity_meeting.yaml': `id: integrity_meeting
name: 会议
category: 会议
fields:
  - { id: kind, label: 类型, type: choice }
  - { id: host, label: 主持人, type: people, options: [{ value: a, label: 甲 }] }
`,
    });
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'record-types/integrity_meeting.yaml', path: 'fields[0].options', message: '选择型（choice）字段须列出 options', line: 5 }),
      expect.objectContaining({ file: 'record-types/integrity_meeting.yaml', path: 'fields[1].options', message: 'options 只适用于 choice 类型的字段，此字段类型为 people', line: 6 }),
    ]);
  });

  it('reports a duty item that names a rule which does not exist', () => {
    const dir = brokenPack(edited('duties.yaml', 'rules: [CG-03]', 'rules: [CG-03, CG-09]'));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'duties.yaml', path: 'duties.direct[0].rules[1]', message: '规则“CG-09”不存在', line: 6 }),
    ]);
  });

  it('reports files it does not know, and lists templates by file name', () => {
    const dir = brokenPack({ 'rule.yaml': '[]\n', 'README.md': '# notes\n', 'templates/annual_summary.docx': 'x', 'templates/Bad Name.yaml': 'x' });
    const { problems, outline } = loadPackDir(dir);
    expect(problems.map((p) => [p.file, p.message.split('（')[0]])).toEqual([
      ['rule.yaml', '未知文件'],
      ['templates/Bad Name.yaml', '模板文件名须为小写字母开头的小写字母、数字或下划线'],
      ['templates/annual_summary.docx', '模板文件须以 .yaml 结尾'],
    ]);
    expect(outline.templates).toEqual(['Bad Name', 'annual_summary']);
  });

  it('reads report templates and reports a slot naming a metric the pack lacks, at its line', () => {
    const template = `name: 年度报告
kind: annual_report
periodKind: year
sections:
  - heading: 工作开展情况
    paragraphs:
      - 召开专题会议{{metric:integrity_meeting.count}}次。
      - 开展谈话{{metric:integrity_talk.total}}次。
`;
    const { problems } = loadPackDir(brokenPack({ 'templates/annual.yaml': template }));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'templates/annual.yaml', path: 'sections[0].paragraphs[1].sentences[0].text', message: '{{metric:integrity_talk.total}}：指标“integrity_talk.total”不存在', line: 8 }),
    ]);
    const good = loadPackDir(brokenPack({ 'templates/annual.yaml': template.replace('integrity_talk.total', 'integrity_meeting.count') }));
    expect(good.problems).toEqual([]);
    expect(good.pack?.templates[0]).toMatchObject({ id: 'annual', name: '年度报告', signature: { org: '{{org.name}}' }, submit: null });
  });

  it('reports a folder that does not exist', () => {
    expect(problemsOf('/nonexistent/pack')).toEqual([{ file: '', path: '', message: '制度包目录不存在：/nonexistent/pack' }]);
  });
});

describe('loadPacks', () => {
  it('loads every pack folder under a root, and a root that is itself a pack', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-packs-'));
    temps.push(root);
    fs.cpSync(FIXTURE, path.join(root, 'clean_gov'), { recursive: true });
    const { packs, problems } = loadPacks([root]);
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['clean_gov']);
    expect(loadPacks([FIXTURE]).packs.map((p) => p.id)).toEqual(['clean_gov']);
  });

  it('refuses the same pack id twice, and lists every problem in the start-up error', () => {
    const broken = brokenPack(edited('rules.yaml', 'recordType: warning_education', 'recordType: nothing'));
    const { problems } = loadPacks([FIXTURE, FIXTURE, broken]);
    expect(problems).toEqual([
      { dir: FIXTURE, file: 'pack.yaml', path: 'id', message: `制度包 id“clean_gov”重复（已在 ${FIXTURE} 加载）` },
      expect.objectContaining({ dir: broken, file: 'rules.yaml', path: 'rules[2].recordType' }),
    ]);
    expect(() => loadPackRegistry([broken])).toThrow(PackLoadError);
    expect(() => loadPackRegistry([broken])).toThrow(`${path.join(broken, 'rules.yaml')}:28:15 rules[2].recordType: 记录类型“nothing”不存在`);
  });
});
