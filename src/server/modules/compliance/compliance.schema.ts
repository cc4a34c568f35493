import { z } from 'zod';
import { STATUSES } from '../../../core/compliance/evaluate.ts';
import { isPeriodKey } from '../../../core/compliance/period.ts';
import { YEAR_MAX, YEAR_MIN } from '../../../core/org/fields.ts';
import { PERIODS } from '../../../core/pack/schema.ts';

// Request and response shapes of the compliance routes (matrix, rollup, calendar, drill-down,
// dashboard), shared with the web app through the OpenAPI document.

const orgId = z.string().min(1).max(100).optional().describe('组织ID；默认为本人所在组织');
const packId = z.string().min(1).max(64).default('ideology').describe('制度包ID，默认 ideology');
const year = z.coerce
  .number()
  .int('年度须为整数')
  .min(YEAR_MIN, `年度须在${YEAR_MIN}-${YEAR_MAX}之间`)
  .max(YEAR_MAX, `年度须在${YEAR_MIN}-${YEAR_MAX}之间`)
  .optional()
  .describe('年度，默认当年（北京时间）');
export const periodKey = z
  .string()
  .max(10)
  .refine(isPeriodKey, '周期格式不正确，应如 2026-W05、2026-03、2026-Q1、2026-H1 或 2026')
  .describe('周期：2026-W05（ISO周）、2026-03、2026-Q1、2026-H1 或 2026');

export const ScopeQuery = z.object({ orgId, packId });
export const YearQuery = ScopeQuery.extend({ year });
export const RollupQuery = YearQuery.extend({ period: periodKey.optional().describe('只看该周期内到期的要求；不填则为全年') });
export const CalendarQuery = ScopeQuery.extend({
  days: z.coerce.number().int('天数须为整数').min(1, '天数至少为1').max(366, '天数最多为366').default(30).describe('未来多少天内到期，默认30'),
});
export const CellRecordsQuery = ScopeQuery.extend({
  ruleId: z.string().min(1, '请指定规则').max(64).describe('规则ID'),
  period: periodKey,
  page: z.coerce.number().int().min(1).default(1).describe('页码，从1开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数，最多200'),
});

const status = z.enum(STATUSES).describe('met 已完成、due 进行中、overdue 已逾期、upcoming 未开始、not_applicable 不适用');

export const AppliedOverride = z
  .object({
    orgId: z.string().describe('设置调整的组织'),
    orgName: z.string().describe('设置调整的组织名称'),
    min: z.number().int().nullable().describe('调整后的最低次数；空为沿用制度包'),
    enabled: z.boolean().describe('是否适用（false 为本组织及下级停用该要求）'),
    reason: z.string().describe('调整理由'),
  })
  .nullable()
  .describe('生效的本地调整（就近的上级或本级设置），无则为空');

export const Cell = z.object({
  period: z.string().describe('周期'),
  from: z.string().describe('周期首日'),
  to: z.string().describe('周期末日（到期日）'),
  status,
  count: z.number().int().describe('本组织计入的台账记录数'),
});

export const MatrixRule = z.object({
  ruleId: z.string(),
  name: z.string().describe('要求名称'),
  basis: z.string().describe('制度依据原文'),
  recordType: z.string().describe('佐证的台账类型'),
  period: z.enum(PERIODS).describe('周期类型'),
  dutyRole: z.string().describe('责任角色'),
  min: z.number().int().describe('制度包规定的最低次数'),
  effectiveMin: z.number().int().describe('本组织实际适用的最低次数'),
  enabled: z.boolean().describe('是否适用'),
  override: AppliedOverride,
  cells: z.array(Cell),
});

export const Matrix = z.object({
  org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  packId: z.string(),
  year: z.number().int(),
  today: z.string().describe('判断到期所用的当日日期（北京时间）'),
  periods: z.partialRecord(z.enum(PERIODS), z.array(z.string())).describe('各周期类型在本年度内到期的周期'),
  rules: z.array(MatrixRule).describe('要求 × 周期，逾期多的在前'),
});

export const Tally = z.object({
  applicable: z.number().int().describe('应完成项数（已完成+进行中+已逾期）'),
  met: z.number().int().describe('已完成'),
  due: z.number().int().describe('进行中'),
  overdue: z.number().int().describe('已逾期'),
  rate: z.number().nullable().describe('完成率 = 已完成 / 应完成，无应完成项时为空'),
});

export const RollupItem = Tally.extend({
  orgId: z.string(),
  orgName: z.string(),
  parentId: z.string().nullable().describe('上级组织ID（所查组织本身为空）'),
  depth: z.number().int().describe('相对所查组织的层级，本级为0'),
  subtree: Tally.describe('本组织及全部下级合计'),
});

export const CalendarItem = z.object({
  orgId: z.string(),
  orgName: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string().describe('到期日'),
  daysLeft: z.number().int().describe('距到期日天数，当天到期为0'),
  status,
  count: z.number().int().describe('已有记录数'),
  effectiveMin: z.number().int().describe('须达到的次数'),
  override: AppliedOverride,
});

export const Calendar = z.object({ today: z.string(), days: z.number().int(), items: z.array(CalendarItem) });

export const CellRecord = z.object({
  id: z.string(),
  title: z.string(),
  occurredOn: z.string().describe('日期'),
  typeId: z.string().describe('台账类型'),
  orgId: z.string(),
  orgName: z.string(),
});

export const Dashboard = z.object({
  year: z.number().int(),
  completionByUnit: z.array(Tally.extend({ orgId: z.string(), orgName: z.string(), depth: z.number().int() })).describe('各单位完成率，低的在前'),
  recordsByMonth: z.array(z.object({ month: z.string(), count: z.number().int() })).describe('本级及下级每月台账记录数'),
  overdueByRule: z.array(z.object({ ruleId: z.string(), name: z.string(), overdue: z.number().int() })).describe('各要求逾期项数，多的在前'),
});
