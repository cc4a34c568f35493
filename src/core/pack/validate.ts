import { PACK_FILES, recordTypeFile } from './files.ts';
import { formatPath, type PathSegment } from './problemPath.ts';
import type { ReportTemplate } from '../report/templateModel.ts';
import { type TemplateProblem, templateProblems } from '../report/templateValidate.ts';
import type { Condition, FieldDef, FieldType, Pack, PackProblem, RecordTypeDef } from './schema.ts';

// Cross-references inside a pack, which the zod schemas cannot see: ids unique, rules and metrics
// pointing at record types and fields that exist, conditions comparing with values a field can
// hold, duty items and record types naming rules that exist. Pure: problems are returned as data,
// each naming the file it is in and the path inside that file.

/** Where the parts of a pack came from, when it was read from a folder. */
export interface PackOrigins {
  /** The file of each record type, by index (default record-types/<id>.yaml). */
  recordTypeFiles?: readonly string[];
}

type Report = (file: string, path: readonly PathSegment[], message: string) => void;

/** Field properties that only some field types use; set on another type they would be ignored silently. */
const ONLY_FOR: Record<'options' | 'min' | 'max' | 'maxLength' | 'unit', readonly FieldType[]> = {
  options: ['choice'],
  min: ['number'],
  max: ['number'],
  maxLength: ['text', 'longtext'],
  unit: ['number'],
};
const MULTIPLE_TYPES: readonly FieldType[] = ['choice', 'people', 'org', 'attachments'];
/** Field types a `where` condition can compare: the others hold ids or free text of no fixed value. */
const CONDITION_TYPES: readonly FieldType[] = ['choice', 'boolean', 'text', 'number'];
/** Source ids look like P12 or C1; other strings in `sources` are free citations. */
const SOURCE_ID = /^[A-Z]+\d+[a-z]?$/;

/**
 * Reports values seen before, at the later occurrence. `where(i)` locates item i; `key` is the
 * property holding the value (`id`, or `value` for choice options).
 */
function checkUnique(values: readonly string[], where: (index: number) => [string, PathSegment[]], what: string, report: Report, key = 'id'): void {
  const first = new Map<string, number>();
  values.forEach((value, index) => {
    const seen = first.get(value);
    if (seen === undefined) return void first.set(value, index);
    const [file, path] = where(index);
    const [firstFile, firstPath] = where(seen);
    const place = firstFile === file ? formatPath(firstPath) : `${firstFile}${firstPath.length ? ` 的 ${formatPath(firstPath)}` : ''}`;
    report(file, [...path, key], `${what}“${value}”重复（已在 ${place} 定义）`);
  });
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

function checkField(field: FieldDef, at: PathSegment[], file: string, report: Report): void {
  for (const [prop, types] of Object.entries(ONLY_FOR)) {
    if (field[prop as keyof typeof ONLY_FOR] !== undefined && !types.includes(field.type)) {
      report(file, [...at, prop], `${prop} 只适用于 ${types.join('、')} 类型的字段，此字段类型为 ${field.type}`);
    }
  }
  if (field.multiple && !MULTIPLE_TYPES.includes(field.type)) {
    report(file, [...at, 'multiple'], `multiple 只适用于 ${MULTIPLE_TYPES.join('、')} 类型的字段，此字段类型为 ${field.type}`);
  }
  if (field.type === 'choice' && !field.options) report(file, [...at, 'options'], '选择型（choice）字段须列出 options');
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) report(file, [...at, 'max'], `max（${field.max}）不能小于 min（${field.min}）`);
  checkUnique((field.options ?? []).map((o) => o.value), (i) => [file, [...at, 'options', i]], '选项值', report, 'value');
}

function checkRecordType(type: RecordTypeDef, file: string, ruleIds: ReadonlySet<string>, report: Report): void {
  checkUnique(ids(type.fields), (i) => [file, ['fields', i]], '字段 id', report);
  type.fields.forEach((field, i) => checkField(field, ['fields', i], file, report));
  type.serves?.forEach((ruleId, i) => {
    if (!ruleIds.has(ruleId)) report(file, ['serves', i], `规则“${ruleId}”不存在`);
  });
}

/** A value a condition compares with: of the field's type and, for choice fields, one of its options. */
function valueProblem(field: FieldDef, value: string | number | boolean): string | null {
  switch (field.type) {
    case 'choice':
      if (typeof value !== 'string' || !field.options?.some((o) => o.value === value)) {
        return `“${String(value)}”不是字段“${field.label}”的选项（可选：${(field.options ?? []).map((o) => o.value).join('、')}）`;
      }
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `字段“${field.label}”为是/否（boolean），须为 true 或 false`;
    case 'number':
      return typeof value === 'number' ? null : `字段“${field.label}”为数字，须为数值`;
    default:
      return typeof value === 'string' ? null : `字段“${field.label}”为文本，须为字符串`;
  }
}

/** Problems of conditions on a record type, each at its path under `where`. */
function conditionProblems(where: readonly Condition[], type: RecordTypeDef): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const report = (path: PathSegment[], message: string) => void problems.push({ path, message });
  where.forEach((condition, k) => {
    const path = ['where', k];
    const field = type.fields.find((f) => f.id === condition.field);
    if (!field) return report([...path, 'field'], `记录类型“${type.id}”没有字段“${condition.field}”`);
    if (!CONDITION_TYPES.includes(field.type)) {
      return report([...path, 'field'], `字段“${condition.field}”的类型 ${field.type} 不能用于条件（只能是 ${CONDITION_TYPES.join('、')}）`);
    }
    if (condition.equals !== undefined) {
      const problem = valueProblem(field, condition.equals);
      if (problem) report([...path, 'equals'], problem);
    }
    if (condition.in && field.type === 'boolean') return report([...path, 'in'], '是/否（boolean）字段请用 equals');
    condition.in?.forEach((value, m) => {
      const problem = valueProblem(field, value);
      if (problem) report([...path, 'in', m], problem);
    });
  });
  return problems;
}

function checkConditions(where: readonly Condition[], type: RecordTypeDef, file: string, at: PathSegment[], report: Report): void {
  for (const problem of conditionProblems(where, type)) report(file, [...at, ...problem.path], problem.message);
}

/** What the checks of one section need to know about the rest of the pack. */
interface Scope {
  pack: Pack;
  types: ReadonlyMap<string, RecordTypeDef>;
  ruleIds: ReadonlySet<string>;
  report: Report;
}

function checkRules({ pack, types, report }: Scope): void {
  const file = PACK_FILES.rules;
  checkUnique(ids(pack.rules), (i) => [file, ['rules', i]], '规则 id', report);
  pack.rules.forEach((rule, i) => {
    const at: PathSegment[] = ['rules', i];
    rule.sources.forEach((source, k) => {
      if (SOURCE_ID.test(source) && !(source in pack.sources)) report(file, [...at, 'sources', k], `来源“${source}”未在 pack.yaml 的 sources 中列出`);
    });
    const type = types.get(rule.recordType);
    if (!type) return report(file, [...at, 'recordType'], `记录类型“${rule.recordType}”不存在`);
    const typeKinds = type.orgKinds;
    rule.orgKinds?.forEach((kind, k) => {
      if (typeKinds && !typeKinds.includes(kind)) report(file, [...at, 'orgKinds', k], `记录类型“${type.id}”不适用于组织类型 ${kind}（仅 ${typeKinds.join('、')}）`);
    });
    checkConditions(rule.where, type, file, at, report);
  });
}

function checkMetrics({ pack, types, report }: Scope): void {
  const file = PACK_FILES.metrics;
  checkUnique(ids(pack.metrics), (i) => [file, ['metrics', i]], '指标 id', report);
  pack.metrics.forEach((metric, i) => {
    const at: PathSegment[] = ['metrics', i];
    const type = types.get(metric.recordType);
    if (!type) return report(file, [...at, 'recordType'], `记录类型“${metric.recordType}”不存在`);
    checkConditions(metric.where, type, file, at, report);
    if (metric.aggregate === 'count') {
      if (metric.field !== undefined) report(file, [...at, 'field'], 'count 统计记录条数，不需要 field');
      return;
    }
    if (metric.field === undefined) return report(file, [...at, 'field'], `${metric.aggregate} 须指定 field`);
    const field = type.fields.find((f) => f.id === metric.field);
    if (!field) return report(file, [...at, 'field'], `记录类型“${type.id}”没有字段“${metric.field}”`);
    if (metric.aggregate === 'sum' && field.type !== 'number') {
      report(file, [...at, 'field'], `sum 只能对数字（number）字段求和，字段“${field.id}”的类型为 ${field.type}`);
    }
  });
}

function checkDuties({ pack, ruleIds, report }: Scope): void {
  const file = PACK_FILES.duties;
  const items = Object.entries(pack.duties).flatMap(([role, list]) => (list ?? []).map((item, i) => ({ item, at: ['duties', role, i] as PathSegment[] })));
  checkUnique(items.map((d) => d.item.id), (i) => [file, items[i]!.at], '责任清单条目 id', report);
  for (const { item, at } of items) {
    item.rules.forEach((ruleId, k) => {
      if (!ruleIds.has(ruleId)) report(file, [...at, 'rules', k], `规则“${ruleId}”不存在`);
    });
  }
}

/** A report template's problems against its pack (slots naming what exists; see core/report/templateValidate.ts). */
export function templateProblemsIn(template: ReportTemplate, pack: Pack): TemplateProblem[] {
  return templateProblems(template, pack, conditionProblems);
}

function checkTemplates({ pack, report }: Scope): void {
  for (const template of pack.templates) {
    for (const problem of templateProblemsIn(template, pack)) report(`${PACK_FILES.templatesDir}/${template.id}.yaml`, problem.path, problem.message);
  }
}

/** Problems with the cross-references of a pack that has passed the schema; none means it is usable. */
export function validatePack(pack: Pack, origins: PackOrigins = {}): PackProblem[] {
  const problems: PackProblem[] = [];
  const report: Report = (file, path, message) => problems.push({ file, path: formatPath(path), message });
  const scope: Scope = { pack, types: new Map(pack.recordTypes.map((t) => [t.id, t])), ruleIds: new Set(ids(pack.rules)), report };
  const typeFile = (i: number) => origins.recordTypeFiles?.[i] ?? recordTypeFile(pack.recordTypes[i]?.id ?? String(i));
  checkUnique(ids(pack.recordTypes), (i) => [typeFile(i), []], '记录类型 id', report);
  pack.recordTypes.forEach((type, i) => checkRecordType(type, typeFile(i), scope.ruleIds, report));
  checkRules(scope);
  checkMetrics(scope);
  checkDuties(scope);
  checkTemplates(scope);
  return problems;
}
