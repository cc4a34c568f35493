import { z } from 'zod';
import { DUTY_ROLES, ORG_KINDS } from '../org/kinds.ts';
import { ReportTemplate } from '../report/templateModel.ts';

// The shape of a pack: one responsibility system encoded as data (record types, rules, metrics,
// duty lists, report templates; scoring comes later). A pack is a folder of YAML files under
// packs/<id>/; the loader (server/modules/pack/pack.loader.ts) merges them into one `Pack` and
// validates it with these schemas plus the cross-references checked in pack/validate.ts.
// docs/packs.md teaches the format.

/** Identifiers in packs: lower snake case, so they are safe as JSON keys and in URLs. */
export const PackId = z.string().regex(/^[a-z][a-z0-9_]*$/, '须为小写字母开头的小写字母、数字或下划线');
/** Rule ids follow their source documents ("IW-01"); upper case and dashes allowed. */
export const RuleId = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, '须为字母开头的字母、数字、_ . -');

export const FIELD_TYPES = ['text', 'longtext', 'date', 'number', 'choice', 'boolean', 'people', 'org', 'url', 'attachments'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const PERIODS = ['week', 'month', 'quarter', 'half_year', 'year'] as const;
export type PeriodKind = (typeof PERIODS)[number];

const ChoiceOption = z.object({ value: PackId, label: z.string().min(1) }).strict();

/** One field of a record type. Every record also has the built-in title, date (occurredOn) and org. */
export const FieldDef = z
  .object({
    id: PackId,
    label: z.string().min(1),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    help: z.string().optional(),
    /** choice: the allowed values. */
    options: z.array(ChoiceOption).min(1).optional(),
    /** choice, people, org, attachments: more than one value. */
    multiple: z.boolean().default(false),
    /** number: bounds; text/longtext: maxLength. */
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().optional(),
    /** number: unit shown after the value (人, 次, 篇 …). */
    unit: z.string().optional(),
  })
  .strict();
export type FieldDef = z.infer<typeof FieldDef>;

export const RecordTypeDef = z
  .object({
    id: PackId,
    name: z.string().min(1),
    description: z.string().optional(),
    /** Ledger group for menus and lists (e.g. 会议学习, 宣传阵地, 舆情, 检查整改). */
    category: z.string().min(1),
    /** Org kinds that keep this record; omitted = every kind. */
    orgKinds: z.array(z.enum(ORG_KINDS)).min(1).optional(),
    /** Label of the built-in title (defaults to 标题) and date (defaults to 日期). */
    titleLabel: z.string().optional(),
    dateLabel: z.string().optional(),
    fields: z.array(FieldDef).default([]),
    /** Rule ids (IW-xx) this record usually serves as evidence for: documentation only. */
    serves: z.array(RuleId).optional(),
  })
  .strict();
export type RecordTypeDef = z.infer<typeof RecordTypeDef>;

/** A condition on a record field: equality or membership, on choice, boolean, text or number fields. */
export const Condition = z
  .object({
    field: PackId,
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  })
  .strict()
  .refine((c) => (c.equals !== undefined) !== (c.in !== undefined), { message: '须且只能指定 equals 或 in 之一' });
export type Condition = z.infer<typeof Condition>;

/**
 * A checkable requirement: at least `min` records of `recordType` (matching `where`) per `period`
 * in each org of the listed kinds.
 */
export const RuleDef = z
  .object({
    id: RuleId,
    name: z.string().min(1),
    /** The requirement's wording, as the regulation states it. */
    basis: z.string().min(1),
    /** Source ids (see the pack's sources) or citations. */
    sources: z.array(z.string()).default([]),
    recordType: PackId,
    where: z.array(Condition).default([]),
    period: z.enum(PERIODS),
    min: z.number().int().positive(),
    /** Org kinds the rule applies to; omitted = the record type's kinds. */
    orgKinds: z.array(z.enum(ORG_KINDS)).min(1).optional(),
    /** The duty role answerable for it: who is reminded. */
    dutyRole: z.enum(DUTY_ROLES).default('primary'),
    /** Points in assessments (later issue). */
    weight: z.number().nonnegative().default(1),
    /** Shipped switched off (optional rules from single sources). */
    enabled: z.boolean().default(true),
  })
  .strict();
export type RuleDef = z.infer<typeof RuleDef>;

/** A named figure over records: count, sum of a number field, or count of distinct values. */
export const MetricDef = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, '须为小写、点分隔，如 topic_meeting.count'),
    name: z.string().min(1),
    recordType: PackId,
    aggregate: z.enum(['count', 'sum', 'distinct']),
    /** sum: a number field; distinct: any field. */
    field: PackId.optional(),
    where: z.array(Condition).default([]),
    /** Measure word for reports: 次, 篇, 人次 … */
    unit: z.string().optional(),
    /**
     * Words a report uses for this figure, for binding the placeholders of an imported report
     * ("中心组学习" → `**次` in "召开中心组学习会**次"); "A+B" needs both words. Omitted: the name.
     */
    keywords: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type MetricDef = z.infer<typeof MetricDef>;

export const DutyItemDef = z.object({ id: PackId, text: z.string().min(1), rules: z.array(RuleId).default([]) }).strict();

export const PackManifest = z
  .object({
    id: PackId,
    name: z.string().min(1),
    version: z.union([z.string(), z.number()]).transform(String),
    description: z.string().optional(),
    /** Source ids → citation (title and address). */
    sources: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export const Pack = PackManifest.extend({
  recordTypes: z.array(RecordTypeDef),
  rules: z.array(RuleDef),
  metrics: z.array(MetricDef),
  /** Duty lists per duty role. */
  duties: z.partialRecord(z.enum(DUTY_ROLES), z.array(DutyItemDef)).default({}),
  /** Report templates (templates/<id>.yaml; core/report/templateModel.ts, docs/reports.md). */
  templates: z.array(ReportTemplate).default([]),
});
export type Pack = z.infer<typeof Pack>;

/** A validation problem, located: the file inside the pack folder, the path inside it, the reason. */
export interface PackProblem {
  /** Relative to the pack folder, e.g. "rules.yaml" or "record-types/topic_meeting.yaml". */
  file: string;
  /** Inside the file, e.g. "rules[3].recordType" or "fields[2].options"; "" for the whole file. */
  path: string;
  /** Chinese: the UI shows it. */
  message: string;
  /** 1-based position in the file, when the problem was found in YAML read from disk. */
  line?: number;
  column?: number;
}
