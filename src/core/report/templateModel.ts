import { z } from 'zod';

// The report template: an outline at the official levels (一、 （一） 1. （1）) whose paragraphs are
// sentences with slots ({{metric:topic_meeting.count}}, {{records:theme_day}} …, see templateSlots.ts),
// with inline enumerations (一是…二是…) as items. Markers are not written: drafting numbers sections
// and items after dropping the empty ones, so a left-out item never leaves a gap (一是, 三是).
//
// Two schemas of one shape: `ReportTemplate` is the stored, normalized form (API responses, the
// loaded pack); `ReportTemplateInput` also takes the shorthands pack authors write in YAML — a
// sentence as a plain string, a paragraph as a string or a list of sentences, an item as one
// sentence — and normalizes them. docs/reports.md teaches the format.

export const TEMPLATE_KINDS = ['annual_report', 'half_year_report', 'duty_report', 'custom'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  annual_report: '年度工作情况报告',
  half_year_report: '半年工作总结',
  duty_report: '履职情况汇报',
  custom: '其他报告',
};

/** The periods a template reports on; `range` takes any dates. */
export const TEMPLATE_PERIOD_KINDS = ['year', 'half_year', 'quarter', 'range'] as const;
export type TemplatePeriodKind = (typeof TEMPLATE_PERIOD_KINDS)[number];

/** Sections nest at most at the four official levels. */
export const MAX_SECTION_DEPTH = 4;
const MAX_TEXT = 4000;

// Local copy of the pack id pattern: pack/schema.ts imports this file, so it cannot import from it.
const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, '须为小写字母开头的小写字母、数字或下划线');
const text = (what: string) => z.string().min(1, `${what}不能为空`).max(MAX_TEXT, `${what}不能超过${MAX_TEXT}个字`);

export const SentenceDef = z
  .strictObject({
    text: text('句子').describe('句子，可含槽位 {{…}}'),
    keep: z.boolean().optional().describe('数字为零或缺失时保留本句并标记待补充（默认删去本句）'),
    fallback: z.string().max(MAX_TEXT).optional().describe('本句被删去时改用的句子（不含数据槽位）'),
  })
  .describe('一句话：数据为零或缺失时整句删去，不会写出 0 或占位符');
export type SentenceDef = z.infer<typeof SentenceDef>;

export const ItemDef = z
  .strictObject({
    heading: z.string().min(1).max(200).optional().describe('条目小标题（“一是强化组织推进。”中的“强化组织推进”）'),
    sentences: z.array(SentenceDef).min(1, '条目至少要有一句').describe('条目正文的句子'),
  })
  .describe('段内列举的一项（一是、二是……），编号在起草时按保留的条目生成');
export type ItemDef = z.infer<typeof ItemDef>;

export const ParagraphDef = z
  .strictObject({
    sentences: z.array(SentenceDef).describe('段首的句子'),
    items: z.array(ItemDef).describe('句子之后的列举条目（一是…二是…）；编号在同一节内跨段连续'),
  })
  .describe('一个自然段');
export type ParagraphDef = z.infer<typeof ParagraphDef>;

export interface SectionDef {
  heading: string;
  runIn?: boolean;
  paragraphs: ParagraphDef[];
  sections: SectionDef[];
}

export const SectionDef: z.ZodType<SectionDef> = z
  .strictObject({
    heading: z.string().min(1, '标题不能为空').max(200).describe('标题（不含序号）'),
    runIn: z.boolean().optional().describe('标题与第一段同段（“（一）加强组织领导。把……”）；二级及以下默认是，一级默认否'),
    paragraphs: z.array(ParagraphDef).describe('本节的段落'),
    get sections() {
      return z.array(SectionDef).describe('下一级标题');
    },
  })
  .describe('一节：一、（一）1.（1）四级标题之一，序号在起草时生成');

export const SubmitDef = z
  .strictObject({
    recordType: Id.describe('报送后写入台账的记录类型，如 upward_report'),
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('该记录的字段值，如 {kind: annual_report}；报告正文作为附件写入'),
  })
  .describe('报送上级时写入台账的记录（使“每半年专题汇报”等要求计入）；不填则报送不写台账');
export type SubmitDef = z.infer<typeof SubmitDef>;

/** A placeholder of an imported report that no metric answers: shown as written until the user binds it. */
export const UnboundDef = z.strictObject({
  text: z.string().describe('原文中的占位符，如 **、X'),
  kind: z.enum(['number', 'name']).describe('number 数字、name 名称'),
  unit: z.string().nullable().describe('数字后的量词'),
  context: z.string().describe('所在的句子'),
});
export type UnboundDef = z.infer<typeof UnboundDef>;

export const ReportTemplate = z
  .strictObject({
    id: z.string().min(1).max(100).describe('模板ID：制度包模板为文件名，导入的模板为UUID'),
    name: z.string().min(1).max(100).describe('模板名称'),
    kind: z.enum(TEMPLATE_KINDS).describe('annual_report 年度报告、half_year_report 半年总结、duty_report 履职汇报、custom 其他'),
    periodKind: z.enum(TEMPLATE_PERIOD_KINDS).describe('适用周期：year 年度、half_year 半年、quarter 季度、range 任意日期范围'),
    description: z.string().max(500).optional().describe('说明'),
    title: z.string().max(200).nullable().describe('标题，可含槽位；\\n 处换行'),
    addressee: z.string().max(100).nullable().describe('主送机关'),
    opening: z.array(ParagraphDef).describe('开头段（“现将……报告如下：”）'),
    sections: z.array(SectionDef).describe('正文各节'),
    signature: z
      .strictObject({ org: z.string().max(200).nullable().describe('署名，可含槽位，如 {{org.name}}') })
      .nullable()
      .describe('落款：署名和成文日期（成文日期取起草时指定的日期）；空为不落款'),
    unbound: z.array(UnboundDef).describe('导入旧报告时未绑定的占位符，正文中以 {{unbound:序号}} 引用'),
    submit: SubmitDef.nullable(),
  })
  .describe('报告模板');
export type ReportTemplate = z.infer<typeof ReportTemplate>;

// ── Shorthands for authors ───────────────────────────────────────────────────────────────────

const SentenceInput = z.union([text('句子').transform((t): SentenceDef => ({ text: t })), SentenceDef]);

const ItemInput = z.union([
  text('条目').transform((t): ItemDef => ({ sentences: [{ text: t }] })),
  z.strictObject({ heading: ItemDef.shape.heading, sentences: z.array(SentenceInput).min(1, '条目至少要有一句') }),
  SentenceDef.transform((s): ItemDef => ({ sentences: [s] })),
]);

const ParagraphInput = z.union([
  text('段落').transform((t): ParagraphDef => ({ sentences: [{ text: t }], items: [] })),
  z.array(SentenceInput).min(1).transform((sentences): ParagraphDef => ({ sentences, items: [] })),
  z
    .strictObject({ sentences: z.array(SentenceInput).default([]), items: z.array(ItemInput).default([]) })
    .refine((p) => p.sentences.length + p.items.length > 0, '段落不能为空'),
]);

interface SectionInputShape {
  heading: string;
  runIn?: boolean;
  paragraphs: ParagraphDef[];
  sections: SectionDef[];
}

const SectionInput: z.ZodType<SectionDef, unknown> = z.strictObject({
  heading: z.string().min(1, '标题不能为空').max(200),
  runIn: z.boolean().optional(),
  paragraphs: z.array(ParagraphInput).default([]),
  get sections(): z.ZodType<SectionInputShape[], unknown> {
    return z.array(SectionInput).default([]);
  },
});

/** A template as authors write it (YAML, the API): shorthands allowed, normalized on parse. */
export const ReportTemplateInput = z.strictObject({
  id: Id.optional(),
  name: ReportTemplate.shape.name,
  kind: ReportTemplate.shape.kind,
  periodKind: ReportTemplate.shape.periodKind,
  description: ReportTemplate.shape.description,
  title: z.string().max(200).nullable().default(null),
  addressee: z.string().max(100).nullable().default(null),
  opening: z.union([ParagraphInput.transform((p) => [p]), z.array(ParagraphInput)]).default([]),
  sections: z.array(SectionInput).min(1, '至少要有一节'),
  signature: ReportTemplate.shape.signature.default({ org: '{{org.name}}' }),
  unbound: z.array(UnboundDef).default([]),
  submit: SubmitDef.nullable().default(null),
});
export type ReportTemplateInput = z.input<typeof ReportTemplateInput>;

/** Normalizes a parsed input (its id given by the file name or the store). */
export function normalizeTemplate(id: string, input: z.output<typeof ReportTemplateInput>): ReportTemplate {
  const { description, ...rest } = input;
  return { ...rest, id, ...(description === undefined ? {} : { description }) };
}
