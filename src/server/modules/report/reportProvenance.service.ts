import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { presentCellRecord } from '../compliance/compliance.presenter.ts';
import { recordSummaries } from '../compliance/compliance.repository.ts';
import { draftInScope } from './report.access.ts';
import { presentProvenance } from './report.presenter.ts';
import { loadVersion } from './report.service.ts';

// The click-through behind a figure or list of a report: the records it rests on, as they were
// counted when the version was generated (a record deleted since is still listed, as a tombstone).

export async function provenanceRecords(ctx: AppContext, actor: Actor, id: string, runId: string, q: { version?: number; page: number; pageSize: number }) {
  const draft = await draftInScope(ctx, actor, id);
  const { generated } = await loadVersion(ctx, draft, q.version);
  const provenance = generated.provenance[runId];
  if (!provenance) throw new AppError(404, 'NOT_FOUND', '该数字或清单不存在', 'runId');
  const { limit, offset } = pageOf(q);
  const items = await recordSummaries(ctx.db, provenance.recordIds.slice(offset, offset + limit));
  return { runId, ...presentProvenance(provenance), total: provenance.recordIds.length, items: items.map(presentCellRecord) };
}
