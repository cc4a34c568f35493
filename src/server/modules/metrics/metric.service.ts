import { metricValue } from '../../../core/compliance/metric.ts';
import { fromJson } from '../../db/database.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { currentYear, orgOf, packOf } from '../compliance/compliance.access.ts';
import { presentCellRecord } from '../compliance/compliance.presenter.ts';
import { matchingRecords, recordSummaries } from '../compliance/compliance.repository.ts';
import { getOrg } from '../org/org.repository.ts';

// Metrics: named figures of a pack (counts, sums, distinct counts over records with filters) for an
// org's subtree and a date range, each with its provenance — the ids of the records it rests on.
// computeMetric is what reports call; the routes add the actor's scope around it.

export interface MetricQuery {
  packId: string;
  metricId: string;
  /** The figure covers this org and its whole subtree. */
  orgId: string;
  /** occurred_on range, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface MetricFigure {
  value: number;
  /** Measure word from the pack (次, 篇, 人次 …); empty when the pack names none. */
  unit: string;
  /** The records the value rests on, oldest first. */
  recordIds: string[];
}

function metricOf(ctx: AppContext, packId: string, metricId: string) {
  const pack = packOf(ctx, packId);
  const metric = pack.metrics.find((m) => m.id === metricId);
  if (!metric) throw new AppError(404, 'NOT_FOUND', `指标“${metricId.slice(0, 64)}”不存在`, 'metricId');
  return { pack, metric };
}

/** One metric over the subtree of `orgId` (the caller has checked that it may see that org). */
export async function computeMetric(ctx: AppContext, q: MetricQuery): Promise<MetricFigure> {
  const { pack, metric } = metricOf(ctx, q.packId, q.metricId);
  const org = await getOrg(ctx.db, q.orgId);
  if (!org) throw notFound('组织');
  const fields = pack.recordTypes.find((t) => t.id === metric.recordType)?.fields ?? [];
  const rows = await matchingRecords(
    ctx.db,
    ctx.dialect,
    { packId: pack.id, typeIds: [metric.recordType], where: { conditions: metric.where, fields }, from: q.from, to: q.to, scope: { path: org.path } },
    metric.aggregate !== 'count',
  );
  const { value, recordIds } = metricValue(metric, rows.map((r) => ({ id: r.id, fields: r.fields === null ? null : fromJson<Record<string, unknown>>(r.fields) })));
  return { value, unit: metric.unit ?? '', recordIds };
}

interface ScopedQuery {
  packId: string;
  orgId?: string;
  from?: string;
  to?: string;
}

async function scoped(ctx: AppContext, actor: Actor, q: ScopedQuery) {
  const org = await orgOf(ctx, actor, q.orgId);
  const year = currentYear();
  return { orgId: org.id, from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` };
}

/** The pack's metrics (or those named in `ids`) for the actor's view of an org's subtree. */
export async function listMetrics(ctx: AppContext, actor: Actor, q: ScopedQuery & { ids?: string[] }) {
  const pack = packOf(ctx, q.packId);
  const ids = q.ids ?? pack.metrics.map((m) => m.id);
  for (const id of ids) metricOf(ctx, pack.id, id);
  const range = await scoped(ctx, actor, q);
  const items = [];
  for (const id of ids) {
    const metric = pack.metrics.find((m) => m.id === id)!;
    const figure = await computeMetric(ctx, { packId: pack.id, metricId: id, ...range });
    items.push({ id, name: metric.name, value: figure.value, unit: figure.unit, recordCount: figure.recordIds.length });
  }
  return items;
}

/** One page of the records behind a metric: exactly the ones its value rests on. */
export async function listMetricRecords(ctx: AppContext, actor: Actor, metricId: string, q: ScopedQuery & { page: number; pageSize: number }) {
  metricOf(ctx, q.packId, metricId);
  const range = await scoped(ctx, actor, q);
  const { recordIds } = await computeMetric(ctx, { packId: q.packId, metricId, ...range });
  const { limit, offset } = pageOf(q);
  const items = await recordSummaries(ctx.db, recordIds.slice(offset, offset + limit));
  return { items: items.map(presentCellRecord), total: recordIds.length };
}
