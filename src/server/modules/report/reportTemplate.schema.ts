import { z } from 'zod';
import { PackId } from '../../../core/pack/schema.ts';
import { ReportTemplate, ReportTemplateInput, TEMPLATE_KINDS, TEMPLATE_PERIOD_KINDS } from '../../../core/report/templateModel.ts';
import type { Node } from '../../../core/report/types.ts';

// Report templates over the API: the pack's and the ones orgs imported from old reports, the
// preview of an import for the user to review, and saving it with the user's bindings.

const packId = PackId.max(64).default('ideology').describe('制度包ID，默认 ideology');

export const TemplateListQuery = z.object({
  packId,
  orgId: z.string().min(1).max(100).optional().describe('只列该组织（含下级）保存的模板；默认为本人管辖范围'),
});

export const TemplateParams = z.object({ id: z.string().min(1).max(100).describe('模板ID：制度包模板为其ID（如 annual_report），导入的模板为UUID') });
export const TemplateGetQuery = z.object({ packId });

export const TemplateSummary = z
  .object({
    id: z.string().describe('模板ID'),
    source: z.enum(['pack', 'stored']).describe('pack 制度包自带，stored 由旧报告导入或自定义'),
    packId: z.string().describe('制度包ID'),
    name: z.string().describe('模板名称'),
    kind: z.enum(TEMPLATE_KINDS).describe('annual_report 年度报告、half_year_report 半年总结、duty_report 履职汇报、custom 其他'),
    periodKind: z.enum(TEMPLATE_PERIOD_KINDS).describe('适用周期：year 年度、half_year 半年、quarter 季度、range 任意日期范围'),
    description: z.string().nullable().describe('说明'),
    orgId: z.string().nullable().describe('保存模板的组织；制度包模板为空'),
    orgName: z.string().nullable().describe('保存模板的组织名称'),
    sourceName: z.string().nullable().describe('导入的旧报告文件名'),
    createdAt: z.string().nullable().describe('保存时间'),
    unboundCount: z.number().int().describe('未绑定、起草时仍需用户补充的占位符个数'),
  })
  .meta({ id: 'ReportTemplateSummary' });
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateDetail = TemplateSummary.extend({ template: ReportTemplate }).meta({ id: 'ReportTemplateDetail' });

export const OutlineNode: z.ZodType<Node> = z
  .object({
    marker: z.string().describe('序号：一、（一）1.（1）或 一是、第一、首先…'),
    heading: z.string().describe('标题（不含序号）'),
    get children() {
      return z.array(OutlineNode).describe('下一级');
    },
  })
  .describe('旧报告的提纲节点');

const becomes = z.enum(['metric', 'unbound', 'text', 'slot']).describe('metric 起草时填台账数字；unbound 保留原样待用户补充；text 替换为文字；slot 替换为组织名称等');

export const ImportedPlaceholder = z.object({
  index: z.number().int().describe('序号（从0起，按原文顺序），保存时按它绑定'),
  text: z.string().describe('原文中的占位符，如 **、X'),
  kind: z.enum(['number', 'name']).describe('number 数字、name 名称'),
  unit: z.string().nullable().describe('数字后的量词，如 次、余篇'),
  context: z.string().describe('所在句子'),
  metric: z.string().nullable().describe('绑定的指标ID'),
  becomes,
});

export const ImportQuery = z.object({ packId, kind: z.enum(TEMPLATE_KINDS).optional().describe('报告类别；不填则按标题和正文推断') });

export const ImportPreview = z
  .object({
    fileName: z.string().describe('上传的文件名'),
    text: z.string().describe('读出的正文（每段一行），保存时原样传回'),
    title: z.string().nullable().describe('标题行（没有则为空）'),
    sections: z.array(OutlineNode).describe('提纲：各级标题和段内列举'),
    signature: z.object({ org: z.string().nullable(), date: z.string().nullable() }).describe('落款：署名和成文日期（原文）'),
    placeholders: z.array(ImportedPlaceholder).describe('全部占位符及自动绑定结果'),
    suggestion: z.object({ name: z.string(), kind: z.enum(TEMPLATE_KINDS), periodKind: z.enum(TEMPLATE_PERIOD_KINDS) }).describe('建议的模板名称、类别和周期'),
    template: ReportTemplate.describe('按自动绑定转换出的模板（预览）'),
  })
  .meta({ id: 'ReportTemplateImportPreview' });

export const ImportBindingInput = z
  .object({
    index: z.number().int().min(0).max(100_000).describe('占位符序号'),
    metricId: z.string().min(1).max(100).optional().describe('绑定到该指标：起草时填台账数字'),
    slot: z.enum(['org.name', 'period.label', 'period.year']).optional().describe('替换为 org.name 组织名称、period.label 报告期、period.year 年度'),
    text: z.string().max(200).optional().describe('替换为这段文字'),
    keep: z.literal(true).optional().describe('保留原样，起草时标记待用户补充'),
  })
  .refine((b) => [b.metricId, b.slot, b.text, b.keep].filter((v) => v !== undefined).length === 1, '每个占位符须且只能指定 metricId、slot、text、keep 之一');

/** The parts of a template a user writes: what a body gives besides name, kind and period (and never where it is submitted). */
const TemplateBodyInput = ReportTemplateInput.omit({ id: true, name: true, kind: true, periodKind: true, description: true, submit: true });

export const SaveTemplateBody = z
  .object({
    orgId: z.string().min(1).max(100).optional().describe('保存到哪个组织；默认为本人所在组织'),
    packId,
    name: z.string().trim().min(1, '请填写模板名称').max(100, '模板名称不能超过100个字').describe('模板名称'),
    kind: z.enum(TEMPLATE_KINDS).describe('报告类别'),
    periodKind: z.enum(TEMPLATE_PERIOD_KINDS).describe('适用周期'),
    description: z.string().max(500).optional().describe('说明'),
    sourceName: z.string().max(200).optional().describe('旧报告文件名'),
    text: z.string().min(1).max(200_000).optional().describe('旧报告正文（导入预览返回的 text）；与 template 二选一'),
    bindings: z.array(ImportBindingInput).max(5000).default([]).describe('用户对占位符的绑定；未列出的按自动绑定'),
    template: TemplateBodyInput.optional().describe('直接给出模板正文（标题、开头、各节、落款）；与 text 二选一'),
  })
  .refine((b) => (b.text === undefined) !== (b.template === undefined), { message: '须且只能提供 text（导入的旧报告）或 template（模板正文）之一', path: ['text'] });
export type SaveTemplateInput = z.infer<typeof SaveTemplateBody>;
