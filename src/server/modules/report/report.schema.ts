import { z } from 'zod';
import { isIsoDate } from '../../../core/ledger/dates.ts';
import { PackId } from '../../../core/pack/schema.ts';
import { resolvePeriod } from '../../../core/report/draftPeriod.ts';
import { TEMPLATE_KINDS, TEMPLATE_PERIOD_KINDS } from '../../../core/report/templateModel.ts';

// Report drafts over the API: the request to draft one, the document with its provenance and the
// sentences left out, versions, edits, regeneration, approval, submission and the superior's view.
// The web app's report pages are built on these shapes.

const isoDate = (what: string) => z.string().trim().max(10).refine(isIsoDate, `${what}须为有效日期（YYYY-MM-DD）`).describe(`${what}（YYYY-MM-DD）`);
const packId = PackId.max(64).default('ideology').describe('制度包ID，默认 ideology');
export const STATUSES = ['draft', 'approved', 'submitted'] as const;
const status = z.enum(STATUSES).describe('draft 起草中、approved 已审定（冻结）、submitted 已报送上级');
const kind = z.enum(TEMPLATE_KINDS).describe('annual_report 年度报告、half_year_report 半年总结、duty_report 履职汇报、custom 其他');

export const PeriodInput = z
  .object({
    kind: z.enum(TEMPLATE_PERIOD_KINDS).describe('year 年度、half_year 半年、quarter 季度、range 日期范围'),
    year: z.number().int().min(2000).max(2100).optional().describe('年度（year、half_year、quarter 必填）'),
    half: z.number().int().min(1).max(2).optional().describe('1 上半年、2 下半年（half_year 必填）'),
    quarter: z.number().int().min(1).max(4).optional().describe('季度 1-4（quarter 必填）'),
    from: isoDate('起始日期').optional(),
    to: isoDate('截止日期').optional(),
  })
  .superRefine((p, issue) => {
    const resolved = resolvePeriod(p);
    if (typeof resolved === 'string') issue.addIssue({ code: 'custom', message: resolved, path: [] });
  })
  .describe('报告期');

export const CreateReportBody = z.object({
  orgId: z.string().min(1).max(100).optional().describe('报告单位（其下级的台账计入数字）；默认为本人所在组织'),
  packId,
  templateId: z.string().min(1, '请选择模板').max(100).describe('模板ID：制度包模板ID或导入的模板ID'),
  period: PeriodInput,
  issueDate: isoDate('成文日期').optional().describe('成文日期（YYYY-MM-DD），默认今天'),
});
export type CreateReportInput = z.infer<typeof CreateReportBody>;

/** What the report list sorts by; ties fall back to the latest period, then the latest drafted. */
export const REPORT_SORTS = ['period', 'updatedAt', 'createdAt', 'title', 'org', 'status'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export const ReportListQuery = z.object({
  orgId: z.string().min(1).max(100).optional().describe('组织ID（含全部下级）；默认为本人所在组织'),
  packId: PackId.max(64).optional().describe('制度包ID'),
  status: status.optional(),
  kind: kind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('报告期所在年度'),
  page: z.coerce.number().int().min(1).default(1).describe('页码，从1开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数，最多200'),
  sort: z.enum(REPORT_SORTS).default('period').describe('排序字段：period 报告期（起始日期）、updatedAt 更新时间、createdAt 起草时间、title 标题、org 报告单位名称、status 状态（起草中、已审定、已报送）；默认 period'),
  order: z.enum(['asc', 'desc']).default('desc').describe('排序方向，默认 desc（最近的报告期在前）'),
});
export type ReportListInput = z.infer<typeof ReportListQuery>;

export const ReportParams = z.object({ id: z.string().min(1).max(100).describe('报告ID') });
export const BlockParams = ReportParams.extend({ blockId: z.string().min(1).max(100).describe('段落ID（title 为标题）') });
export const VersionParams = ReportParams.extend({ n: z.coerce.number().int().min(1).max(1_000_000).describe('版本号') });
export const RunParams = ReportParams.extend({ runId: z.string().min(1).max(120).describe('数字或清单的ID（文档中 run.id）') });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional().describe('版本号；默认当前版本') });
export const ProvenanceQuery = VersionQuery.extend({
  page: z.coerce.number().int().min(1).default(1).describe('页码，从1开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数，最多200'),
});

export const EditBlockBody = z.object({
  text: z.string().max(20_000, '段落不能超过20000字').nullable().describe('段落正文（标题段为标题后的正文）；null 为撤销修改，恢复生成的文字'),
  heading: z.string().max(200).nullable().optional().describe('标题文字（仅标题段）'),
  note: z.string().max(200).optional().describe('版本说明'),
});
export const NoteBody = z.object({ note: z.string().max(200).optional().describe('说明') });
export const ApproveBody = NoteBody.extend({
  version: z.number().int().min(1).max(1_000_000).optional().describe('领导审阅的版本号：报告已有更新的版本时拒绝审定（409），以免审定未读过的内容'),
});

const Run = z.object({
  text: z.string(),
  id: z.string().optional().describe('台账数据的ID：点击查看依据的台账记录'),
  slot: z.string().optional().describe('模板中的槽位原文'),
  mark: z.enum(['missing', 'zero', 'unbound']).optional().describe('需用户处理：missing 无数据、zero 为零、unbound 占位符未绑定'),
});
const Inline = z.union([z.string(), z.array(Run).readonly()]).describe('文字：字符串（用户改写过），或分段（带台账数据的ID）');

const Block = z
  .object({
    id: z.string().describe('段落ID：编辑、对比按它进行'),
    kind: z.enum(['heading', 'paragraph']),
    level: z.number().int().min(1).max(4).optional().describe('标题级别：1 一、 2 （一） 3 1. 4 （1）'),
    marker: z.string().optional().describe('序号'),
    text: Inline.describe('标题或段落文字'),
    body: Inline.nullable().optional().describe('与标题同段的正文'),
    edited: z.boolean().describe('用户改写过'),
    stale: z.boolean().describe('改写后台账数字又有变化，需核对'),
  })
  .describe('一段');

export const ReportDocumentDto = z
  .object({
    title: z.string().nullable(),
    addressee: z.string().nullable().describe('主送机关'),
    blocks: z.array(Block),
    signature: z.object({ org: z.string().nullable(), date: z.string().describe('成文日期 YYYY-MM-DD') }).nullable().describe('落款'),
    kind: z.enum(['report', 'duty_report']),
  })
  .meta({ id: 'ReportDocument' });

export const ProvenanceDto = z.object({
  kind: z.enum(['metric', 'records', 'rule', 'problem', 'plan']).describe('metric 指标、records 记录清单、rule 规则落实情况、problem 存在问题、plan 计划条目'),
  label: z.string().describe('名称'),
  value: z.string().describe('文中的文字'),
  metricId: z.string().nullable(),
  recordType: z.string().nullable(),
  ruleId: z.string().nullable(),
  recordCount: z.number().int().describe('依据的台账记录数'),
});

export const OmittedDto = z.object({
  blockId: z.string().describe('所在段落'),
  text: z.string().describe('模板原句'),
  reason: z.enum(['zero', 'missing', 'empty', 'not_applicable', 'invalid']).describe('zero 数字为零、missing 无数据、empty 清单为空或整条删去、not_applicable 规则不适用、invalid 槽位有误'),
  slot: z.string().nullable().describe('决定删去的槽位'),
});

export const VersionMeta = z.object({
  n: z.number().int().describe('版本号'),
  generation: z.number().int().describe('依据第几次生成的台账数据'),
  note: z.string().nullable().describe('说明：生成、重新生成、修改某段、审定'),
  createdBy: z.string().nullable().describe('操作人'),
  createdAt: z.string(),
});

export const ReportSummary = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    packId: z.string(),
    templateId: z.string(),
    templateSource: z.enum(['pack', 'stored']),
    templateName: z.string(),
    kind,
    period: z.object({ kind: z.enum(TEMPLATE_PERIOD_KINDS), from: z.string(), to: z.string(), label: z.string() }).describe('报告期'),
    title: z.string(),
    status,
    currentVersion: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    approvedBy: z.string().nullable().describe('审定人'),
    approvedAt: z.string().nullable(),
    approvedVersion: z.number().int().nullable(),
    submittedBy: z.string().nullable().describe('报送人（显示名）'),
    submittedAt: z.string().nullable(),
    submittedVersion: z.number().int().nullable(),
    submittedRecordId: z.string().nullable().describe('报送时写入台账的记录'),
  })
  .meta({ id: 'ReportSummary' });

export const ReportDetail = ReportSummary.extend({
  issueDate: z.string().describe('成文日期'),
  version: z.number().int().describe('所示版本'),
  document: ReportDocumentDto,
  provenance: z.record(z.string(), ProvenanceDto).describe('按 run.id：每个数字、清单的来源'),
  omitted: z.array(OmittedDto).describe('因数据为零或缺失而删去的句子'),
  versions: z.array(VersionMeta),
}).meta({ id: 'ReportDetail' });

export const FigureChangeDto = z.object({
  blockId: z.string(),
  slot: z.string().describe('槽位原文'),
  label: z.string().nullable().describe('名称'),
  before: z.string().nullable().describe('原来的文字；空为原先未写入'),
  after: z.string().nullable().describe('现在的文字；空为现在删去'),
  edited: z.boolean().describe('该段已被用户改写：新数字未写入，请核对'),
});
export const KeptEditDto = z.object({
  blockId: z.string().describe('段落ID（title 为标题）'),
  stale: z.boolean().describe('该段下的台账数字已变化：用户的文字保留未改，请核对'),
});
export const RegenerateResult = z.object({
  report: ReportDetail,
  changes: z.array(FigureChangeDto).describe('重新生成后变化的数字和清单'),
  keptEdits: z.array(KeptEditDto).describe('重新生成时保留的用户改写（按文中顺序）'),
});

export const VersionDetail = VersionMeta.extend({
  document: ReportDocumentDto,
  provenance: z.record(z.string(), ProvenanceDto),
  omitted: z.array(OmittedDto),
});

export const ProvenanceRecords = ProvenanceDto.extend({
  runId: z.string(),
  total: z.number().int(),
  items: z.array(z.object({ id: z.string(), title: z.string(), occurredOn: z.string(), typeId: z.string(), orgId: z.string(), orgName: z.string() })),
});

export const SubmissionsQuery = z.object({
  orgId: z.string().min(1).max(100).optional().describe('上级组织；默认为本人所在组织'),
  packId,
  year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
  kind: z.enum(['annual_report', 'half_year_report']).default('annual_report').describe('annual_report 年度报告、half_year_report 半年报告'),
  half: z.coerce.number().int().min(1).max(2).optional().describe('半年报告：1 上半年、2 下半年；不填为全年的'),
  scope: z.enum(['children', 'subtree']).default('children').describe('children 直属下级、subtree 全部下级'),
});

export const Submissions = z.object({
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(['annual_report', 'half_year_report']),
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  items: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      parentId: z.string().nullable(),
      depth: z.number().int().describe('相对上级组织的层级，直属下级为1'),
      submitted: z.boolean(),
      reports: z
        .array(
          z.object({
            reportId: z.string(),
            title: z.string(),
            version: z.number().int().nullable(),
            submittedAt: z.string(),
            submittedBy: z.string().nullable().describe('报送人（显示名）'),
            submittedRecordId: z.string().nullable().describe('报送时写入台账的记录（也出现在 records 中，勿重复列出）；模板不登记台账时为空'),
          }),
        )
        .describe('在本系统报送的报告，可打开阅读'),
      records: z.array(z.object({ recordId: z.string(), title: z.string(), occurredOn: z.string() })).describe('台账中登记的报送记录（含系统外报送的）'),
    }),
  ),
});
