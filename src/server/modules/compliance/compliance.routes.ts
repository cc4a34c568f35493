import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { metricRoutes } from '../metrics/metric.routes.ts';
import { notificationRoutes } from '../notification/notification.routes.ts';
import { currentYear } from './compliance.access.ts';
import { Calendar, CalendarQuery, CellRecord, CellRecordsQuery, Dashboard, Matrix, RollupItem, RollupQuery, YearQuery } from './compliance.schema.ts';
import { getCalendar, getCellRecords, getDashboard, getMatrix, getRollup } from './compliance.service.ts';
import { overrideRoutes } from './override.routes.ts';

const tags = ['compliance'];
const access = 'compliance.read' as const;

/** Compliance statuses, rule overrides, metrics and notifications: one registration for the module family. */
export async function complianceRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/compliance/matrix',
    { config: { access }, schema: { tags, summary: '本组织落实情况矩阵（要求 × 周期，逾期在前）', querystring: YearQuery, response: { 200: Matrix } } },
    async (request) => getMatrix(ctx, actorOf(request), { ...request.query, year: request.query.year ?? currentYear() }),
  );

  app.get(
    '/api/compliance/rollup',
    { config: { access }, schema: { tags, summary: '本级及下级各单位落实情况与完成率（各单位只计本单位记录）', querystring: RollupQuery, response: { 200: z.array(RollupItem) } } },
    async (request) => getRollup(ctx, actorOf(request), { ...request.query, year: request.query.year ?? currentYear() }),
  );

  app.get(
    '/api/compliance/calendar',
    { config: { access }, schema: { tags, summary: '未来N天内到期且尚未完成的要求（本级及下级）', querystring: CalendarQuery, response: { 200: Calendar } } },
    async (request) => getCalendar(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/compliance/records',
    { config: { access }, schema: { tags, summary: '计入某项要求某周期的台账记录（与统计口径相同）', querystring: CellRecordsQuery, response: { 200: listOf(CellRecord) } } },
    async (request) => getCellRecords(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/compliance/dashboard',
    { config: { access }, schema: { tags, summary: '落实情况看板数据（完成率、每月记录数、逾期分布）', querystring: YearQuery, response: { 200: Dashboard } } },
    async (request) => getDashboard(ctx, actorOf(request), { ...request.query, year: request.query.year ?? currentYear() }),
  );

  await overrideRoutes(app, ctx);
  await metricRoutes(app, ctx);
  await notificationRoutes(app, ctx);
}
