import { appliesToKind, checkFields, searchTextOf } from '../../../core/ledger/fields.ts';
import { buildDocx } from '../../../core/report/docx.ts';
import type { ReportTemplate } from '../../../core/report/templateModel.ts';
import { fromJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { businessToday } from '../compliance/compliance.access.ts';
import { insertAttachment } from '../ledger/attachment.repository.ts';
import { fileStore } from '../ledger/attachment.store.ts';
import { insertRecords } from '../ledger/record.repository.ts';
import { getOrg } from '../org/org.repository.ts';
import { draftInScope } from './report.access.ts';
import { draftStatus, updateDraft, updateDraftFrom } from './report.repository.ts';
import { getReport, loadVersion } from './report.service.ts';
import { DOCX_MIME, docxFileName } from './reportExport.service.ts';

// Submitting an approved report upward: the approved version's DOCX goes into the ledger as the
// record the template names (the ideology pack: an upward_report of kind annual_report or
// half_year_report, recipient the superior committee), so that rules such as IW-04 and IW-08 count
// it. The record is dated the business day it went up, or — sent after the period it reports on
// ended — the period's last day, with the actual sending date in the record's summary (see
// ledgerDate; docs/reports.md, Drafts → Submission). The superior then finds the report among its
// units' submissions. The record, its evidence file and the draft's new status are written in one
// transaction with their audit entries.

/** Where the submission goes in the ledger, or null when the template names nothing (or the org does not keep it). */
async function submissionTarget(ctx: AppContext, template: ReportTemplate, draft: { org_id: string; pack_id: string }) {
  if (!template.submit) return null;
  const type = ctx.packs.recordType(draft.pack_id, template.submit.recordType);
  const org = await getOrg(ctx.db, draft.org_id);
  const field = type?.fields.find((f) => f.type === 'attachments');
  if (!type || !org || !field || !appliesToKind(type, org.kind)) return null;
  return { type, org, field, fields: template.submit.fields };
}

const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * The ledger date of a submission. Sent while its period runs, the day it went up; sent after the
 * period it reports on (the 2025 report goes up in January 2026), that period's last day, so that
 * the upward-report rule counts it for the period it covers rather than for the next one, which it
 * does not answer for. The day it really went up is written into the record's summary (内容摘要),
 * unless the template's submit fields set the summary themselves.
 */
function ledgerDate(today: string, periodTo: string): string {
  return today > periodTo ? periodTo : today;
}

export async function submitReport(ctx: AppContext, actor: Actor, id: string, note?: string) {
  const draft = await draftInScope(ctx, actor, id, { write: true });
  if (draft.status !== 'approved') throw conflict('REPORT_NOT_APPROVED', draft.status === 'submitted' ? '报告已报送' : '报告须经领导审定后才能报送');
  const version = Number(draft.approved_version ?? draft.current_version);
  const { document } = await loadVersion(ctx, draft, version);
  const docx = await buildDocx(document);
  const template = fromJson<ReportTemplate>(draft.template);
  const target = await submissionTarget(ctx, template, draft);
  // Content-addressed: a file stored for a transaction that then fails is harmless and found again next time.
  const sm3 = target ? await fileStore(ctx.config.dataDir).put(docx) : null;
  const at = nowIso();
  const recordId = target ? newId() : null;
  await ctx.db.transaction().execute(async (trx) => {
    // Claimed first: of two submissions at once, one goes through and the other writes nothing.
    const moved = await updateDraftFrom(trx, draft.id, { status: 'approved', version: Number(draft.current_version) }, {
      status: 'submitted', submitted_by: actor.userId || null, submitted_at: at, submitted_version: version, submitted_record_id: null, updated_at: at,
    });
    if (moved !== 1) {
      const now = await draftStatus(trx, draft.id);
      throw conflict('REPORT_NOT_APPROVED', now?.status === 'submitted' ? '报告已报送' : '报告须经领导审定后才能报送');
    }
    if (target && sm3 && recordId) {
      const { type, org, field } = target;
      const file = await insertAttachment(trx, actor, { sm3, size: docx.length, mime: DOCX_MIME, name: docxFileName(draft.title), orgId: org.id });
      const today = businessToday();
      const occurredOn = ledgerDate(today, draft.period_to);
      const summaryField = type.fields.find((f) => f.id === 'summary' && f.type === 'longtext');
      const said = summaryField && target.fields[summaryField.id] === undefined ? { [summaryField.id]: `${chineseDate(today)}通过本系统报送${draft.period_label}报告（第${version}版）。` } : {};
      const checked = checkFields(type, { ...target.fields, ...said, [field.id]: [file.id] });
      // The template was checked against the pack when it was loaded or saved: a failure here is a bug.
      if (checked.issues.length > 0) throw new Error(`submission record of ${template.id} is invalid: ${checked.issues.map((i) => i.message).join('; ')}`);
      await insertRecords(trx, actor, [{
        id: recordId, packId: draft.pack_id, typeId: type.id, orgId: org.id, title: draft.title, occurredOn,
        fields: checked.values, searchText: searchTextOf(type, draft.title, checked.values), attachments: checked.refs.attachments,
      }]);
      const summary = { title: draft.title, type: type.name, org: org.name, occurredOn, fields: Object.keys(checked.values), report: draft.id };
      await appendAudit(trx, ctx, actor, { action: 'record.create', targetType: 'record', targetId: recordId, orgId: org.id, summary });
    }
    if (recordId) await updateDraft(trx, draft.id, { submitted_record_id: recordId });
    const summary = { title: draft.title, version, record: recordId, note: note ?? null };
    await appendAudit(trx, ctx, actor, { action: 'report.submit', targetType: 'report', targetId: draft.id, orgId: draft.org_id, summary });
  });
  return getReport(ctx, actor, id);
}

