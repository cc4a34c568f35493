import { addDays } from '../../../core/compliance/period.ts';
import { resolvePeriod } from '../../../core/report/draftPeriod.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { orgOf, packOf, subtreeOf } from '../compliance/compliance.access.ts';
import { matchRecords } from '../compliance/recordFilter.ts';
import { submittedDrafts } from './report.repository.ts';

// The superior's view: which of its units have submitted their annual (or half-year) report, with
// the submitted reports to read, who sent them and the ledger record each submission wrote. A unit
// also counts as having submitted when the ledger holds a record of the kind a submission writes
// (reports sent outside lvzhi and entered by hand): such a record is dated the day it was sent, so
// one dated from a month before the period ends to three months after it is taken as the period's
// report. (A submission in lvzhi dates its record within the period: see reportSubmit.service.ts.)

const WINDOW = { before: 30, after: 90 };

export interface SubmissionsQuery {
  orgId?: string;
  packId?: string;
  year: number;
  kind: 'annual_report' | 'half_year_report';
  half?: number;
  scope: 'children' | 'subtree';
}

function periodsOf(q: SubmissionsQuery) {
  const requests = q.kind === 'annual_report' ? [{ kind: 'year' as const, year: q.year }] : (q.half ? [q.half] : [1, 2]).map((half) => ({ kind: 'half_year' as const, year: q.year, half }));
  return requests.map((r) => {
    const p = resolvePeriod(r);
    if (typeof p === 'string') throw new Error(p);
    return p;
  });
}

/** Ledger records of the kind a submission writes, in the windows around the periods' ends, by org. */
async function submissionRecords(ctx: AppContext, q: SubmissionsQuery, path: string, ends: readonly string[]) {
  const pack = packOf(ctx, q.packId ?? 'ideology');
  const submit = pack.templates.find((t) => t.kind === q.kind && t.submit)?.submit;
  if (!submit) return [];
  const fields = pack.recordTypes.find((t) => t.id === submit.recordType)?.fields ?? [];
  const conditions = Object.entries(submit.fields).map(([field, equals]) => ({ field, equals }));
  const rows = [];
  for (const end of ends) {
    const match = { packId: pack.id, typeIds: [submit.recordType], where: { conditions, fields }, from: addDays(end, -WINDOW.before), to: addDays(end, WINDOW.after), scope: { path } };
    rows.push(...(await ctx.db.selectFrom('record').where(matchRecords(ctx.dialect, match)).select(['record.id', 'record.org_id', 'record.title', 'record.occurred_on']).orderBy('record.occurred_on').execute()));
  }
  return rows;
}

export async function listSubmissions(ctx: AppContext, actor: Actor, q: SubmissionsQuery) {
  const org = await orgOf(ctx, actor, q.orgId);
  const periods = periodsOf(q);
  const [from, to] = [periods[0]!.from, periods.at(-1)!.to];
  const units = (await subtreeOf(ctx, org)).filter((o) => (q.scope === 'children' ? o.depth === 1 : o.depth >= 1));
  const drafts = await submittedDrafts(ctx.db, { scopePath: org.path, kind: q.kind, from, to });
  const records = await submissionRecords(ctx, q, org.path, periods.map((p) => p.to));
  const items = units.map((u) => {
    const reports = drafts.filter((d) => d.org_id === u.id).map((d) => ({
      reportId: d.id, title: d.title, version: d.submitted_version === null ? null : Number(d.submitted_version), submittedAt: d.submitted_at ?? '',
      submittedBy: d.submitted_by_name, submittedRecordId: d.submitted_record_id,
    }));
    const recs = records.filter((r) => r.org_id === u.id).map((r) => ({ recordId: r.id, title: r.title, occurredOn: r.occurred_on }));
    return { orgId: u.id, orgName: u.name, parentId: u.parent_id, depth: u.depth, submitted: reports.length + recs.length > 0, reports, records: recs };
  });
  const label = q.kind === 'annual_report' || periods.length > 1 ? `${q.year}年` : periods[0]!.label;
  return { orgId: org.id, orgName: org.name, kind: q.kind, period: { from, to, label }, items };
}
