import { z } from 'zod';
import { isDate } from '../../../core/compliance/period.ts';

const date = (what: string) => z.string().max(10).refine(isDate, `${what}须为有效日期（YYYY-MM-DD）`).optional().describe(`${what}（YYYY-MM-DD），默认当年`);

const ScopedQuery = z.object({
  packId: z.string().min(1).max(64).default('ideology').describe('制度包ID，默认 ideology'),
  orgId: z.string().min(1).max(100).optional().describe('组织ID（含全部下级）；默认为本人所在组织'),
  from: date('起始日期'),
  to: date('截止日期'),
});

const ordered = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const ORDER_ERROR = { message: '起始日期不能晚于截止日期', path: ['to'] };

export const MetricListQuery = ScopedQuery.extend({
  ids: z
    .string()
    .max(2000)
    .transform((text) => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0))
    .optional()
    .describe('指标ID，逗号分隔；不填为制度包的全部指标'),
}).refine(ordered, ORDER_ERROR);

export const MetricRecordsQuery = ScopedQuery.extend({
  page: z.coerce.number().int().min(1).default(1).describe('页码，从1开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数，最多200'),
}).refine(ordered, ORDER_ERROR);

export const MetricParams = z.object({ metricId: z.string().min(1).max(100).describe('指标ID，如 article.count') });

export const MetricItem = z.object({
  id: z.string(),
  name: z.string().describe('指标名称'),
  value: z.number().describe('数值'),
  unit: z.string().describe('单位（次、篇、人次…）'),
  recordCount: z.number().int().describe('数值所依据的台账记录数'),
});
