import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { CellRecord } from '../compliance/compliance.schema.ts';
import { MetricItem, MetricListQuery, MetricParams, MetricRecordsQuery } from './metric.schema.ts';
import { listMetricRecords, listMetrics } from './metric.service.ts';

const tags = ['metrics'];

export async function metricRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/metrics',
    { config: { access: 'compliance.read' }, schema: { tags, summary: '制度包指标数值（本级及全部下级、日期范围内）', querystring: MetricListQuery, response: { 200: z.array(MetricItem) } } },
    async (request) => listMetrics(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/metrics/:metricId/records',
    {
      config: { access: 'compliance.read' },
      schema: { tags, summary: '指标数值所依据的台账记录', params: MetricParams, querystring: MetricRecordsQuery, response: { 200: listOf(CellRecord) } },
    },
    async (request) => listMetricRecords(ctx, actorOf(request), request.params.metricId, request.query),
  );
}
