import { DUTY_ROLES } from '../org/kinds.ts';
import type { Condition, Pack, RecordTypeDef } from '../pack/schema.ts';
import { MAX_SECTION_DEPTH, type ReportTemplate } from './templateModel.ts';
import { isDataSlot, type Slot, slotsIn, strayBraces } from './templateSlots.ts';
import { sectionDepth, templateTexts, type TextRole } from './templateTexts.ts';

// A template's references into its pack: every slot names a metric, record type, field or rule
// that exists, and data slots stand only where a sentence can be left out. Problems come back as
// data (path inside the template, Chinese message), for `lvzhi pack check` and the template API alike.

export interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

/** Checks pack conditions against a record type (core/pack/validate.ts owns the rules for them). */
export type ConditionCheck = (where: readonly Condition[], type: RecordTypeDef) => TemplateProblem[];

/** Where data slots may not stand: text that is printed whatever the ledger holds. */
const PLAIN_ROLES: readonly TextRole[] = ['title', 'addressee', 'heading', 'fallback', 'signature'];
const TEXT_FIELD_TYPES = ['text', 'longtext'];

function slotProblem(slot: Slot, pack: Pack, template: Pick<ReportTemplate, 'unbound'>, checkConditions: ConditionCheck): string | null {
  const type = (id: string) => pack.recordTypes.find((t) => t.id === id);
  switch (slot.kind) {
    case 'metric':
      return pack.metrics.some((m) => m.id === slot.metricId) ? null : `指标“${slot.metricId}”不存在`;
    case 'rule':
      return pack.rules.some((r) => r.id === slot.ruleId) ? null : `规则“${slot.ruleId}”不存在`;
    case 'duty':
      return (DUTY_ROLES as readonly string[]).includes(slot.role) ? null : `责任角色“${slot.role}”不存在（可选：${DUTY_ROLES.join('、')}）`;
    case 'unbound':
      return slot.index < template.unbound.length ? null : `占位符序号 ${slot.index} 超出范围（共 ${template.unbound.length} 个）`;
    case 'records': {
      const t = type(slot.recordType);
      if (!t) return `记录类型“${slot.recordType}”不存在`;
      return checkConditions(slot.where, t)[0]?.message ?? null;
    }
    case 'plans': {
      const t = type(slot.recordType);
      if (!t) return `记录类型“${slot.recordType}”不存在`;
      if (slot.field === null) return null;
      const field = t.fields.find((f) => f.id === slot.field);
      if (!field) return `记录类型“${t.id}”没有字段“${slot.field}”`;
      return TEXT_FIELD_TYPES.includes(field.type) ? null : `计划条目须取自文本字段，字段“${field.id}”的类型为 ${field.type}`;
    }
    default:
      return null;
  }
}

function submitProblems(template: Pick<ReportTemplate, 'submit'>, pack: Pack, checkConditions: ConditionCheck): TemplateProblem[] {
  if (!template.submit) return [];
  const type = pack.recordTypes.find((t) => t.id === template.submit!.recordType);
  if (!type) return [{ path: ['submit', 'recordType'], message: `记录类型“${template.submit.recordType}”不存在` }];
  const problems: TemplateProblem[] = [];
  if (!type.fields.some((f) => f.type === 'attachments')) problems.push({ path: ['submit', 'recordType'], message: `记录类型“${type.id}”没有附件字段，无法保存报告正文` });
  // Field values are checked the way rule conditions are: each one must be a value its field can hold.
  Object.entries(template.submit.fields).forEach(([field, value]) => {
    for (const p of checkConditions([{ field, equals: value }], type)) problems.push({ path: ['submit', 'fields', field], message: p.message });
  });
  return problems;
}

/** Every problem of a template against its pack; none means it can be drafted. */
export function templateProblems(template: ReportTemplate, pack: Pack, checkConditions: ConditionCheck): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const { path, text, role } of templateTexts(template)) {
    if (strayBraces(text)) problems.push({ path, message: '有未配对的 {{ 或 }}' });
    for (const ref of slotsIn(text)) {
      if (!ref.slot) {
        problems.push({ path, message: ref.error ?? `无法识别的槽位“${ref.raw}”` });
        continue;
      }
      if (PLAIN_ROLES.includes(role) && isDataSlot(ref.slot)) {
        problems.push({ path, message: `${ref.raw} 取自台账，只能用在正文句子中（标题、落款和替换句中数据缺失时无法删去）` });
        continue;
      }
      const problem = slotProblem(ref.slot, pack, template, checkConditions);
      if (problem) problems.push({ path, message: `${ref.raw}：${problem}` });
    }
  }
  if (sectionDepth(template.sections) > MAX_SECTION_DEPTH) problems.push({ path: ['sections'], message: `标题最多${MAX_SECTION_DEPTH}级（一、（一）1.（1））` });
  return [...problems, ...submitProblems(template, pack, checkConditions)];
}
