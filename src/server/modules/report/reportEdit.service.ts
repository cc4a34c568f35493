import type { Transaction } from 'kysely';
import { applyEdits, type BlockEdit, type Edits, figureChanges, markStale, TITLE_BLOCK } from '../../../core/report/draftEdits.ts';
import { blockPlainText, type DraftDocument } from '../../../core/report/draftModel.ts';
import { periodRequestOf, resolvePeriod } from '../../../core/report/draftPeriod.ts';
import type { ReportTemplate, TemplatePeriodKind } from '../../../core/report/templateModel.ts';
import type { Database } from '../../db/database.ts';
import { fromJson, toJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, unprocessable } from '../../platform/errors.ts';
import { auditedWrite, type AuditInput } from '../audit/audit.repository.ts';
import { packOf } from '../compliance/compliance.access.ts';
import { getOrg } from '../org/org.repository.ts';
import { assertOpen, changedMeanwhile, draftInScope } from './report.access.ts';
import { generate, generationRow } from './report.generate.ts';
import type { DraftRow } from './report.repository.ts';
import { draftStatus, insertGeneration, insertVersion, lastGeneration, updateDraftFrom } from './report.repository.ts';
import { getReport, loadVersion, refuseInactiveOrg } from './report.service.ts';

// Changing a draft: an edited paragraph, a regeneration from the ledger as it is now, approval.
// Each change is a new version (edits) or generation (facts) plus version, audited; approval
// freezes the draft at its current version.

/** Writes version n+1 of the draft (and moves the draft to it) with its audit entry. */
async function writeVersion(
  ctx: AppContext,
  actor: Actor,
  draft: DraftRow,
  v: { generation: number; edits: Edits; document: DraftDocument; note: string; title?: string },
  audit: AuditInput,
  before?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  const n = Number(draft.current_version) + 1;
  const at = nowIso();
  await auditedWrite(ctx, actor, async (trx) => {
    // Claim version n first: a concurrent edit, regeneration or approval made since the draft was read wins.
    const moved = await updateDraftFrom(trx, draft.id, { status: 'draft', version: n - 1 }, { current_version: n, updated_at: at, ...(v.title ? { title: v.title } : {}) });
    if (moved !== 1) throw changedMeanwhile(await draftStatus(trx, draft.id));
    await before?.(trx);
    await insertVersion(trx, { draft_id: draft.id, n, generation: v.generation, edits: toJson(v.edits), document: toJson(v.document), note: v.note, created_by: actor.userId || null, created_at: at });
    return { result: null, audit: { targetType: 'report', targetId: draft.id, orgId: draft.org_id, ...audit, summary: { title: v.title ?? draft.title, version: n, ...audit.summary } } };
  });
}

const blockText = (doc: DraftDocument, blockId: string) => (blockId === TITLE_BLOCK ? (doc.title ?? '') : blockPlainText(doc.blocks.find((b) => b.id === blockId)!));

/** Replaces one block's text (null: back to the generated text), as a new version. */
export async function editBlock(ctx: AppContext, actor: Actor, id: string, blockId: string, body: { text: string | null; heading?: string | null; note?: string }) {
  const draft = await draftInScope(ctx, actor, id, { write: true });
  assertOpen(draft);
  const { version, generated, document, edits } = await loadVersion(ctx, draft);
  const block = document.blocks.find((b) => b.id === blockId);
  if (blockId !== TITLE_BLOCK && !block) throw new AppError(404, 'NOT_FOUND', '段落不存在', 'blockId');
  if (body.heading != null && block?.kind !== 'heading') throw unprocessable('NOT_A_HEADING', '只有标题段可以修改标题文字', 'heading');
  if (blockId === TITLE_BLOCK && body.text !== null && body.text.trim() === '') throw unprocessable('TITLE_EMPTY', '标题不能为空', 'text');
  const next: Edits = { ...edits };
  if (body.text === null) delete next[blockId];
  else {
    const edit: BlockEdit = { text: body.text.trim(), heading: body.heading?.trim() || null, generated: blockText(document, blockId), at: nowIso(), by: actor.userId || null, stale: false };
    next[blockId] = edit;
  }
  const updated = applyEdits(generated.document, next, document);
  const title = blockId === TITLE_BLOCK ? (updated.title ?? draft.title) : undefined;
  const note = body.note ?? (body.text === null ? `恢复生成的文字（${blockId}）` : `修改${blockId === TITLE_BLOCK ? '标题' : `段落 ${blockId}`}`);
  await writeVersion(ctx, actor, draft, { generation: Number(version.generation), edits: next, document: updated, note, title }, { action: 'report.edit', summary: { blockId, reverted: body.text === null } });
  return getReport(ctx, actor, id);
}

/** Drafts again from the ledger as it is now, keeping the user's edits; says which figures changed. */
export async function regenerateReport(ctx: AppContext, actor: Actor, id: string) {
  const draft = await draftInScope(ctx, actor, id, { write: true });
  assertOpen(draft);
  const { generated: before, document, edits } = await loadVersion(ctx, draft);
  const org = await getOrg(ctx.db, draft.org_id);
  if (!org) throw new Error(`report ${id} has no org`);
  refuseInactiveOrg(org);
  const template = fromJson<ReportTemplate>(draft.template);
  const next = await generate(ctx, {
    pack: packOf(ctx, draft.pack_id), template, org, issueDate: draft.issue_date,
    period: periodOf(draft),
  });
  const changes = figureChanges(before, next, edits);
  const marked = markStale(edits, changes);
  const updated = applyEdits(next.document, marked, document);
  const n = (await lastGeneration(ctx.db, draft.id)) + 1;
  const title = marked[TITLE_BLOCK] ? undefined : (next.document.title ?? undefined);
  await writeVersion(ctx, actor, draft, { generation: n, edits: marked, document: updated, note: '按最新台账重新生成', title }, { action: 'report.regenerate', summary: { changes: changes.length } }, (trx) =>
    insertGeneration(trx, generationRow(draft.id, n, next, actor)),
  );
  const order = [TITLE_BLOCK, ...updated.blocks.map((b) => b.id)];
  const keptEdits = Object.entries(marked).map(([blockId, e]) => ({ blockId, stale: e.stale })).sort((a, b) => order.indexOf(a.blockId) - order.indexOf(b.blockId));
  return { report: await getReport(ctx, actor, id), changes, keptEdits };
}

/** The draft's period as drafting needs it (its label stays as it was when the draft was made). */
function periodOf(draft: DraftRow) {
  const resolved = resolvePeriod(periodRequestOf(draft.period_kind as TemplatePeriodKind, draft.period_from, draft.period_to));
  if (typeof resolved === 'string') throw new Error(`report ${draft.id} has an invalid period: ${resolved}`);
  return { ...resolved, label: draft.period_label };
}

/** What must be settled before a leader signs a version off: marks left for the user, figures changed under edits. */
function unsettled(document: DraftDocument, edits: Edits): AppError | null {
  const marked = document.blocks.filter((b) => [b.text, b.kind === 'heading' ? b.body : null].some((v) => v && typeof v !== 'string' && v.some((r) => r.mark)));
  if (marked.length > 0) {
    return unprocessable('REPORT_INCOMPLETE', `报告还有${marked.length}段含待补充的内容（【待补充】或未绑定的占位符），请补充或改写后再审定`, 'document', marked.map((b) => b.id));
  }
  const stale = Object.entries(edits).filter(([, e]) => e.stale).map(([blockId]) => blockId);
  return stale.length > 0 ? unprocessable('REPORT_STALE', `有${stale.length}段改写后台账数字发生了变化，请核对后再审定`, 'document', stale) : null;
}

/** A leader signs the current version off (the one they read, when they say which): the draft is frozen at it. */
export async function approveReport(ctx: AppContext, actor: Actor, id: string, note?: string, read?: number) {
  const draft = await draftInScope(ctx, actor, id, { write: true });
  if (draft.status !== 'draft') throw conflict('REPORT_NOT_DRAFT', draft.status === 'approved' ? '报告已审定' : '报告已报送');
  const current = Number(draft.current_version);
  if (read !== undefined && read !== current) throw conflict('REPORT_CHANGED', `报告已更新到第${current}版，请阅读最新版本后再审定`, 'version');
  const { document, edits } = await loadVersion(ctx, draft);
  const problem = unsettled(document, edits);
  if (problem) throw problem;
  const at = nowIso();
  await auditedWrite(ctx, actor, async (trx) => {
    // The version the leader read and signed off, and no other: an edit made meanwhile refuses the approval.
    const moved = await updateDraftFrom(trx, draft.id, { status: 'draft', version: Number(draft.current_version) }, {
      status: 'approved', approved_by: actor.userId || null, approved_at: at, approved_version: Number(draft.current_version), updated_at: at,
    });
    if (moved !== 1) throw changedMeanwhile(await draftStatus(trx, draft.id));
    const summary = { title: draft.title, version: Number(draft.current_version), note: note ?? null };
    return { result: null, audit: { action: 'report.approve', targetType: 'report', targetId: draft.id, orgId: draft.org_id, summary } };
  });
  return getReport(ctx, actor, id);
}
