import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { presentCellRecord } from '../compliance/compliance.presenter.ts';
import { recordSummaries } from '../compliance/compliance.repository.ts';
import { draftInScope } from './report.access.ts';
import { presentProvenance } from './report.presenter.ts';
import { orgIdsInScope } from './report.repository.ts';
import { loadVersion } from './report.service.ts';

// The click-through behind a figure or list of a report: the records it rests on, as they were
// counted when the version was generated (a record deleted since is still listed, as a tombstone).

export async function provenanceRecords(ctx: AppContext, actor: Actor, id: string, runId: string, q: { version?: number; page: number; pageSize: number }) {
  const draft = await draftInScope(ctx, actor, id);
  const { generated } = await loadVersion(ctx, draft, q.version);
  const provenance = generated.provenance[runId];
  if (!provenance) throw new AppError(404, 'NOT_FOUND', '该数字或清单不存在', 'runId');
  const { limit, offset } = pageOf(q);
  const rows = await recordSummaries(ctx.db, provenance.recordIds.slice(offset, offset + limit));
  // A record moved out of the caller's subtree since it was counted is no longer theirs to see (SEC-14): the figure keeps it, the list does not.
  const visible = await orgIdsInScope(ctx.db, rows.map((r) => r.org_id), actor.orgPath);
  return { runId, ...presentProvenance(provenance), total: provenance.recordIds.length, items: rows.filter((r) => visible.has(r.org_id)).map(presentCellRecord) };
}
