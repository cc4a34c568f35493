import type { Edits } from '../../../core/report/draftEdits.ts';
import type { DraftDocument } from '../../../core/report/draftModel.ts';
import { resolvePeriod } from '../../../core/report/draftPeriod.ts';
import { fromJson, toJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { businessToday, packOf } from '../compliance/compliance.access.ts';
import { orgInScope } from '../org/org.access.ts';
import { draftInScope } from './report.access.ts';
import { generate, generationRow, readGeneration } from './report.generate.ts';
import { presentDocument, presentOmitted, presentProvenanceOf, presentSummary, presentVersionMeta } from './report.presenter.ts';
import { type DraftRow, getGeneration, getVersion, insertDraft, insertGeneration, insertVersion, listDraftRows, versionList } from './report.repository.ts';
import type { CreateReportInput, ReportListInput } from './report.schema.ts';
import { resolveTemplate } from './reportTemplate.service.ts';

// Report drafts: generated from a template for an org and a period (version 1), read at any
// version with their provenance and the sentences left out, listed over a subtree.

const PERIOD_WORDS = { year: '年度', half_year: '半年', quarter: '季度', range: '日期范围' } as const;

/** A deactivated org gets no new report and no new generation of one: the 422 drafting answers with. */
export function refuseInactiveOrg(org: { name: string; deactivated_at: string | null }, field?: string): void {
  if (org.deactivated_at) throw unprocessable('ORG_INACTIVE', `组织“${org.name}”已停用，不能起草报告`, field);
}

export async function createReport(ctx: AppContext, actor: Actor, input: CreateReportInput) {
  const pack = packOf(ctx, input.packId);
  const org = await orgInScope(ctx, actor, input.orgId ?? actor.orgId, { write: true, field: 'orgId' });
  refuseInactiveOrg(org, 'orgId');
  const { source, template } = await resolveTemplate(ctx, actor, pack.id, input.templateId);
  if (template.periodKind !== 'range' && input.period.kind !== template.periodKind) {
    throw unprocessable('PERIOD_MISMATCH', `模板“${template.name}”用于${PERIOD_WORDS[template.periodKind]}报告，请按${PERIOD_WORDS[template.periodKind]}选择报告期`, 'period.kind');
  }
  const period = resolvePeriod(input.period);
  if (typeof period === 'string') throw unprocessable('PERIOD_INVALID', period, 'period');
  const issueDate = input.issueDate ?? businessToday();
  const generated = await generate(ctx, { pack, template, org, period, issueDate });
  const id = newId();
  const at = nowIso();
  const title = generated.document.title ?? template.name;
  await auditedWrite(ctx, actor, async (trx) => {
    await insertDraft(trx, {
      id, org_id: org.id, pack_id: pack.id, template_id: template.id, template_source: source, template_name: template.name, kind: template.kind,
      template: toJson(template), period_kind: period.kind, period_from: period.from, period_to: period.to, period_label: period.label,
      issue_date: issueDate, title, status: 'draft', current_version: 1, created_by: actor.userId || null, created_at: at, updated_at: at,
      approved_by: null, approved_at: null, approved_version: null, submitted_by: null, submitted_at: null, submitted_version: null, submitted_record_id: null,
    });
    await insertGeneration(trx, generationRow(id, 1, generated, actor));
    await insertVersion(trx, { draft_id: id, n: 1, generation: 1, edits: toJson({}), document: toJson(generated.document), note: '生成', created_by: actor.userId || null, created_at: at });
    const summary = { title, template: template.name, period: period.label, org: org.name, omitted: generated.omitted.length };
    return { result: null, audit: { action: 'report.create', targetType: 'report', targetId: id, orgId: org.id, summary } };
  });
  return getReport(ctx, actor, id);
}

/** A version of a draft with its generation: what it reads, its edits, provenance and left-out sentences. */
export async function loadVersion(ctx: AppContext, draft: DraftRow, n = Number(draft.current_version), field = 'version') {
  const version = await getVersion(ctx.db, draft.id, n);
  if (!version) throw new AppError(404, 'NOT_FOUND', `报告没有第${n}版`, field);
  const generation = await getGeneration(ctx.db, draft.id, Number(version.generation));
  if (!generation) throw new Error(`report ${draft.id} version ${n} lacks generation ${version.generation}`);
  return { version, generated: readGeneration(generation), document: fromJson<DraftDocument>(version.document), edits: fromJson<Edits>(version.edits) };
}

/** The draft at its current version (or `n`), with provenance, left-out sentences and the list of versions. */
export async function getReport(ctx: AppContext, actor: Actor, id: string, n?: number) {
  const draft = await draftInScope(ctx, actor, id);
  const { version, generated, document, edits } = await loadVersion(ctx, draft, n);
  return {
    ...presentSummary(draft),
    issueDate: draft.issue_date,
    version: Number(version.n),
    document: presentDocument(document, edits),
    provenance: presentProvenanceOf(document, generated.provenance),
    omitted: presentOmitted(generated.omitted),
    versions: (await versionList(ctx.db, draft.id)).map(presentVersionMeta),
  };
}

export async function getReportVersion(ctx: AppContext, actor: Actor, id: string, n: number) {
  const draft = await draftInScope(ctx, actor, id);
  const { version, generated, document, edits } = await loadVersion(ctx, draft, n, 'n');
  const meta = (await versionList(ctx.db, draft.id)).find((v) => Number(v.n) === n)!;
  return { ...presentVersionMeta(meta), document: presentDocument(document, edits), provenance: presentProvenanceOf(document, generated.provenance), omitted: presentOmitted(generated.omitted), generation: Number(version.generation) };
}

export async function listReports(ctx: AppContext, actor: Actor, q: ReportListInput) {
  const scopePath = q.orgId ? (await orgInScope(ctx, actor, q.orgId, { field: 'orgId' })).path : actor.orgPath;
  const { rows, total } = await listDraftRows(ctx.db, { scopePath, packId: q.packId, status: q.status, kind: q.kind, year: q.year }, { ...pageOf(q), sort: q.sort, order: q.order });
  return { items: rows.map(presentSummary), total };
}
