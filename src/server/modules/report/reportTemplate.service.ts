import type { Pack } from '../../../core/pack/schema.ts';
import { templateProblemsIn } from '../../../core/pack/validate.ts';
import { importTemplate } from '../../../core/report/template.ts';
import { templateFromImport } from '../../../core/report/templateFromImport.ts';
import type { ImportBinding } from '../../../core/report/templateImport.ts';
import type { ReportTemplate, TemplateKind, TemplatePeriodKind } from '../../../core/report/templateModel.ts';
import { slotsIn } from '../../../core/report/templateSlots.ts';
import { templateTexts } from '../../../core/report/templateTexts.ts';
import { fromJson, toJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, conflict, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Upload } from '../../platform/upload.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { packOf } from '../compliance/compliance.access.ts';
import { orgInScope, outOfScope } from '../org/org.access.ts';
import { reportText } from './reportFile.ts';
import { deleteTemplateRow, getTemplateInScope, insertTemplate, listTemplateRows, type StoredTemplateRow } from './reportTemplate.repository.ts';
import type { SaveTemplateInput, TemplateSummary } from './reportTemplate.schema.ts';

// Report templates: the pack's, and those an org imported from its old reports (or wrote) — read
// within the caller's subtree, saved after the user reviewed the import's bindings, each one checked
// against the pack before it can be drafted from.

/** How many {{unbound:N}} slots a template still has: what the user must fill in by hand. */
const unboundCount = (t: ReportTemplate) => templateTexts(t).reduce((n, { text }) => n + slotsIn(text).filter((r) => r.slot?.kind === 'unbound').length, 0);

function presentPackTemplate(pack: Pack, t: ReportTemplate): TemplateSummary {
  return {
    id: t.id, source: 'pack', packId: pack.id, name: t.name, kind: t.kind, periodKind: t.periodKind, description: t.description ?? null,
    orgId: null, orgName: null, sourceName: null, createdAt: null, unboundCount: unboundCount(t),
  };
}

function presentStored(row: StoredTemplateRow): { summary: TemplateSummary; template: ReportTemplate } {
  const template = fromJson<ReportTemplate>(row.body);
  const summary: TemplateSummary = {
    id: row.id, source: 'stored', packId: row.pack_id, name: row.name, kind: template.kind, periodKind: template.periodKind,
    description: template.description ?? null, orgId: row.org_id, orgName: row.org_name, sourceName: row.source_name, createdAt: row.created_at,
    unboundCount: unboundCount(template),
  };
  return { summary, template };
}

export async function listTemplates(ctx: AppContext, actor: Actor, q: { packId: string; orgId?: string }): Promise<TemplateSummary[]> {
  const pack = packOf(ctx, q.packId);
  const scopePath = q.orgId ? (await orgInScope(ctx, actor, q.orgId, { field: 'orgId' })).path : actor.orgPath;
  const stored = await listTemplateRows(ctx.db, { packId: pack.id, scopePath });
  return [...pack.templates.map((t) => presentPackTemplate(pack, t)), ...stored.map((row) => presentStored(row).summary)];
}

export interface ResolvedTemplate {
  source: 'pack' | 'stored';
  template: ReportTemplate;
}

/** A pack template by its id, or a stored template in the caller's subtree; 404 otherwise. */
export async function resolveTemplate(ctx: AppContext, actor: Actor, packId: string, id: string, field = 'templateId'): Promise<ResolvedTemplate & { summary: TemplateSummary }> {
  const pack = packOf(ctx, packId);
  const own = pack.templates.find((t) => t.id === id);
  if (own) return { source: 'pack', template: own, summary: presentPackTemplate(pack, own) };
  const row = await getTemplateInScope(ctx.db, id, actor.orgPath);
  if (!row || row.pack_id !== pack.id) throw new AppError(404, 'NOT_FOUND', '报告模板不存在或无权访问', field);
  return { source: 'stored', ...presentStored(row) };
}

export async function getTemplate(ctx: AppContext, actor: Actor, id: string, packId: string) {
  const { template, summary } = await resolveTemplate(ctx, actor, packId, id, 'id');
  return { ...summary, template };
}

/** What an old report's title and text suggest it is. */
function guessKind(text: string): TemplateKind {
  const head = text.slice(0, 300);
  if (/半年/.test(head)) return 'half_year_report';
  if (/履职|述职/.test(head)) return 'duty_report';
  return 'annual_report';
}

const periodKindOf = (kind: TemplateKind): TemplatePeriodKind => (kind === 'half_year_report' ? 'half_year' : 'year');

/** An uploaded old report read as a template, for the user to review before saving. Nothing is stored. */
export async function previewImport(ctx: AppContext, upload: Upload, q: { packId: string; kind?: TemplateKind }) {
  const pack = packOf(ctx, q.packId);
  const text = await reportText(upload.buffer, upload.filename);
  const imported = importTemplate(text, pack.metrics);
  const kind = q.kind ?? guessKind(text);
  const body = templateFromImport(text, pack.metrics, { kind });
  const name = (imported.title ?? upload.filename.replace(/\.[^.]*$/, '')).slice(0, 100) || '导入的报告模板';
  return {
    fileName: upload.filename,
    text,
    title: imported.title,
    sections: imported.sections,
    signature: imported.signature,
    placeholders: body.placeholders,
    suggestion: { name, kind, periodKind: periodKindOf(kind) },
    template: { id: 'preview', name, kind, periodKind: periodKindOf(kind), submit: null, ...body.template },
  };
}

function bindingsOf(pack: Pack, input: SaveTemplateInput): Map<number, ImportBinding> {
  const bindings = new Map<number, ImportBinding>();
  input.bindings.forEach((b, i) => {
    if (b.metricId !== undefined && !pack.metrics.some((m) => m.id === b.metricId)) throw unprocessable('METRIC_UNKNOWN', `指标“${b.metricId}”不存在`, `bindings.${i}.metricId`);
    bindings.set(b.index, b.metricId !== undefined ? { metricId: b.metricId } : b.slot !== undefined ? { slot: b.slot } : b.text !== undefined ? { text: b.text } : { keep: true });
  });
  return bindings;
}

/** The template a save request describes, checked against the pack. */
function templateOf(pack: Pack, id: string, input: SaveTemplateInput): ReportTemplate {
  // Where a report is submitted is the pack's decision for its kind, never the uploader's.
  const submit = pack.templates.find((t) => t.kind === input.kind && t.submit)?.submit ?? null;
  const head = { id, name: input.name, kind: input.kind, periodKind: input.periodKind, ...(input.description ? { description: input.description } : {}), submit };
  let template: ReportTemplate;
  if (input.text !== undefined) {
    const bindings = bindingsOf(pack, input);
    const body = templateFromImport(input.text, pack.metrics, { kind: input.kind, bindings });
    const count = body.placeholders.length;
    const outside = input.bindings.findIndex((b) => b.index >= count);
    if (outside >= 0) throw unprocessable('PLACEHOLDER_UNKNOWN', `占位符序号 ${input.bindings[outside]!.index} 超出范围（共 ${count} 个）`, `bindings.${outside}.index`);
    template = { ...head, ...body.template };
  } else {
    template = { ...head, ...input.template! };
  }
  const problems = templateProblemsIn(template, pack);
  if (problems.length > 0) throw unprocessable('TEMPLATE_INVALID', `模板有误：${problems[0]!.message}`, 'template', problems.map((p) => ({ path: p.path.join('.'), message: p.message })));
  return template;
}

export async function saveTemplate(ctx: AppContext, actor: Actor, input: SaveTemplateInput) {
  const pack = packOf(ctx, input.packId);
  const org = await orgInScope(ctx, actor, input.orgId ?? actor.orgId, { write: true, field: 'orgId' });
  const id = newId();
  const template = templateOf(pack, id, input);
  const at = nowIso();
  await auditedWrite(ctx, actor, async (trx) => {
    await insertTemplate(trx, {
      id, org_id: org.id, pack_id: pack.id, name: template.name, kind: template.kind, period_kind: template.periodKind, body: toJson(template),
      source_name: input.sourceName ?? null, created_by: actor.userId || null, created_at: at, updated_at: at,
    });
    const summary = { name: template.name, kind: template.kind, org: org.name, sourceName: input.sourceName ?? null, unbound: unboundCount(template) };
    return { result: null, audit: { action: 'report_template.create', targetType: 'report_template', targetId: id, orgId: org.id, summary } };
  });
  return getTemplate(ctx, actor, id, pack.id);
}

export async function deleteTemplate(ctx: AppContext, actor: Actor, id: string): Promise<{ ok: true }> {
  if (ctx.packs.all().some((p) => p.templates.some((t) => t.id === id))) throw conflict('TEMPLATE_BUILT_IN', '制度包自带的模板不能删除', 'id');
  const row = (await getTemplateInScope(ctx.db, id, actor.orgPath)) ?? (await outOfScope(ctx, actor, { type: 'report_template', id, what: '报告模板' }, { write: true, field: 'id' }));
  await auditedWrite(ctx, actor, async (trx) => {
    await deleteTemplateRow(trx, id);
    return { result: null, audit: { action: 'report_template.delete', targetType: 'report_template', targetId: id, orgId: row.org_id, summary: { name: row.name, org: row.org_name } } };
  });
  return { ok: true };
}
