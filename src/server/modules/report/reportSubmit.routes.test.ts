import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { accountIn } from '../../../../test/support/orgFixtures.ts';
import { annualDraft, type ReportJson, reportSnapshot } from '../../../../test/support/reportApi.ts';
import { closeReportWorld, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';
import type { Client } from '../../../../test/support/testApp.ts';
import { fromJson } from '../../db/database.ts';

// Submitting upward: only an approved report goes; it becomes the ledger's upward_report record
// that the "report upward" rules count, in the period it reports on; the superior sees which units
// have submitted and reads what they sent; a sibling unit sees nothing of it.

interface Cell { period: string; status: string; count: number }

async function cell(client: Client, orgId: string, year: number, ruleId: string, period: string): Promise<Cell> {
  const res = await client.get(`/api/compliance/matrix?orgId=${orgId}&year=${year}`);
  if (res.statusCode !== 200) throw new Error(`matrix: ${res.statusCode} ${res.body}`);
  const rule = res.json().rules.find((r: { ruleId: string }) => r.ruleId === ruleId);
  return rule.cells.find((c: Cell) => c.period === period);
}

async function approved(w: ReportWorld, report: { id: string }, leader = w.leader): Promise<void> {
  const res = await leader.post(`/api/reports/${report.id}/approve`);
  if (res.statusCode !== 200) throw new Error(`approve: ${res.statusCode} ${res.body}`);
}

describeEachDialect('reports: submitting upward', (dialect) => {
  let w: ReportWorld;
  let officeClerk: Client;
  beforeAll(async () => {
    w = await reportWorld(dialect);
    officeClerk = await accountIn(w.t, { orgId: w.orgs.office, roles: ['clerk', 'leader'], username: 'office_clerk' });
  });
  afterAll(() => closeReportWorld(w));

  it('refuses a draft that is not approved, and writes nothing', async () => {
    const report = await annualDraft(w);
    const before = await reportSnapshot(w.t);
    const res = await w.clerk.post(`/api/reports/${report.id}/submit`);
    expect([res.statusCode, res.json().error]).toEqual([409, expect.objectContaining({ code: 'REPORT_NOT_APPROVED', message: '报告须经领导审定后才能报送' })]);
    expect(await reportSnapshot(w.t)).toBe(before);
    expect((await w.leader.post(`/api/reports/${report.id}/submit`)).statusCode).toBe(403);
  });

  it('submits the approved annual report as the ledger\'s upward report, which the yearly rule counts for the year reported on', async () => {
    // The demo ledger holds the 2025 report sent outside lvzhi (dated December): the count goes up by one.
    const before = await cell(w.clerk, w.orgs.root, 2025, 'IW-08', '2025');
    const nextYear = await cell(w.clerk, w.orgs.root, 2026, 'IW-08', '2026');
    const report = await annualDraft(w);
    await approved(w, report);
    const res = await w.clerk.post(`/api/reports/${report.id}/submit`, { note: '按时报送' });
    expect(res.statusCode).toBe(200);
    const submitted: ReportJson & { submittedVersion: number; submittedAt: string } = res.json();
    expect(submitted).toMatchObject({ status: 'submitted', submittedVersion: 1, submittedRecordId: expect.any(String), submittedBy: 'top_clerk' });
    expect(report).toMatchObject({ submittedBy: null });

    const record = await w.clerk.get(`/api/records/${submitted.submittedRecordId}`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ typeId: 'upward_report', orgId: w.orgs.root, title: report.title });
    expect(record.json().fields).toMatchObject({ kind: 'annual_report', recipient: 'superior_committee' });
    expect(record.json().fields.document).toHaveLength(1);
    // Dated within the year it reports on (submitted on 2026-03-16, after the year ended), the day it went up said in words.
    expect(record.json().occurredOn).toBe('2025-12-31');
    expect(record.json().fields.summary).toContain('2026年3月16日');
    expect(record.json().fields.document[0]).toMatchObject({ name: `${report.title}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const file = await w.viewer.get(`/api/attachments/${record.json().fields.document[0].id}`);
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

    expect(await cell(w.clerk, w.orgs.root, 2025, 'IW-08', '2025')).toMatchObject({ status: 'met', count: before.count + 1 });
    // This year's report is still owed: the 2025 report does not answer for 2026.
    expect(await cell(w.clerk, w.orgs.root, 2026, 'IW-08', '2026')).toEqual(nextYear);
    expect(nextYear.status).toBe('due');
    const cellRecords = await w.clerk.get(`/api/compliance/records?orgId=${w.orgs.root}&ruleId=IW-08&period=2025`);
    expect(cellRecords.json().items.map((r: { id: string }) => r.id)).toContain(submitted.submittedRecordId);

    const again = await w.clerk.post(`/api/reports/${report.id}/submit`);
    expect([again.statusCode, again.json().error.message]).toEqual([409, '报告已报送']);
    const edit = await w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: '改' });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'REPORT_SUBMITTED']);
  });

  it('counts a half-year report submitted within its half-year for the half-yearly rule', async () => {
    const before = await cell(w.clerk, w.orgs.root, 2026, 'IW-04', '2026-H1');
    expect(before).toMatchObject({ status: 'due', count: 0 });
    const res = await w.clerk.post('/api/reports', { orgId: w.orgs.root, templateId: 'half_year_report', period: { kind: 'half_year', year: 2026, half: 1 } });
    expect(res.statusCode).toBe(200);
    const report: ReportJson = res.json();
    // A half-year still running leaves sentences for the user; they write them before the leader signs.
    for (const block of report.document.blocks.filter((b) => [b.text, 'body' in b ? b.body : null].some((v) => Array.isArray(v) && v.some((r) => r.mark)))) {
      const fix = await w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: '按计划推进。' });
      expect(fix.statusCode).toBe(200);
    }
    await approved(w, report);
    const sent = await w.clerk.post(`/api/reports/${report.id}/submit`);
    expect(sent.statusCode).toBe(200);
    const record = (await w.clerk.get(`/api/records/${sent.json().submittedRecordId}`)).json();
    expect(record).toMatchObject({ occurredOn: '2026-03-16', fields: expect.objectContaining({ kind: 'half_year_report' }) });
    expect(await cell(w.clerk, w.orgs.root, 2026, 'IW-04', '2026-H1')).toMatchObject({ status: 'met', count: 1 });
  });

  it('lets the superior see who has submitted and read what a unit sent; a sibling unit cannot', async () => {
    const report = await annualDraft(w, w.orgs.library, w.libraryClerk);
    await approved(w, report, w.libraryLeader);
    const edited = await w.libraryLeader.get(`/api/reports/${report.id}`);
    expect(edited.json().status).toBe('approved');
    const res = await w.libraryClerk.post(`/api/reports/${report.id}/submit`);
    expect(res.statusCode).toBe(200);

    const view = await w.viewer.get('/api/reports/submissions?year=2025');
    expect(view.statusCode).toBe(200);
    const items = view.json().items as { orgId: string; orgName: string; submitted: boolean; reports: { reportId: string; version: number }[]; records: { recordId: string }[] }[];
    expect(items.length).toBeGreaterThan(5);
    const library = items.find((i) => i.orgId === w.orgs.library)!;
    // Who sent it, and which of the unit's ledger records its submission wrote (so that it is listed once).
    const recordId = res.json().submittedRecordId as string;
    expect(library).toMatchObject({
      orgName: '市图书馆', submitted: true,
      reports: [{ reportId: report.id, version: 1, submittedBy: 'library_clerk', submittedRecordId: recordId, submittedAt: res.json().submittedAt }],
    });
    expect(library.records.map((r) => r.recordId)).toEqual([recordId]);
    expect((await w.viewer.get(`/api/reports?orgId=${w.orgs.library}`)).json().items.find((r: { id: string }) => r.id === report.id)).toMatchObject({ submittedBy: 'library_clerk', submittedRecordId: recordId });
    expect(items.find((i) => i.orgId === w.orgs.office)).toMatchObject({ submitted: false, reports: [], records: [] });
    expect(items.filter((i) => i.submitted).map((i) => i.orgId)).toEqual([w.orgs.library]);

    const read = await w.viewer.get(`/api/reports/${report.id}/versions/1`);
    expect(read.statusCode).toBe(200);
    expect(read.json().document.title).toBe(report.document.title);
    expect((await w.inspector.get(`/api/reports/${report.id}/docx?version=1`)).statusCode).toBe(200);

    // The office, a sibling, sees neither the report nor the library in its own view.
    for (const url of [`/api/reports/${report.id}`, `/api/reports/${report.id}/versions/1`, `/api/reports/${report.id}/docx`]) {
      expect((await officeClerk.get(url)).statusCode, url).toBe(404);
    }
    const officeView = await officeClerk.get('/api/reports/submissions?year=2025');
    expect(officeView.json().items.map((i: { orgId: string }) => i.orgId)).not.toContain(w.orgs.library);
    expect((await officeClerk.get(`/api/reports/submissions?year=2025&orgId=${w.orgs.library}`)).statusCode).toBe(404);
    expect((await officeClerk.get(`/api/records/${res.json().submittedRecordId}`)).statusCode).toBe(404);
    // And the library cannot look upward.
    expect((await w.libraryClerk.get(`/api/reports/submissions?year=2025&orgId=${w.orgs.root}`)).statusCode).toBe(404);
  });

  it('two submissions at once: one goes through with one ledger record, the other writes nothing', async () => {
    const report = await annualDraft(w, w.orgs.office, officeClerk);
    await approved(w, report, officeClerk);
    const results = await Promise.all([officeClerk.post(`/api/reports/${report.id}/submit`), officeClerk.post(`/api/reports/${report.id}/submit`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const records = await w.t.ctx.db.selectFrom('record').select(['id', 'fields']).where('type_id', '=', 'upward_report').where('org_id', '=', w.orgs.office).execute();
    expect(records).toHaveLength(1);
    expect(fromJson<{ kind: string }>(records[0]!.fields).kind).toBe('annual_report');
    const submits = await w.t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', report.id).where('action', '=', 'report.submit').execute();
    expect(submits).toHaveLength(1);
  });

  it('a submission that fails half-way leaves no ledger record, no evidence row and the report approved', async () => {
    const report = await annualDraft(w, w.orgs.library, w.libraryClerk);
    await approved(w, report, w.libraryLeader);
    const db = w.t.ctx.db;
    // The last write of a submission is its audit entry: make it fail, after the record and file rows went in.
    if (dialect === 'sqlite') {
      await sql.raw(`CREATE TRIGGER fail_submit BEFORE INSERT ON audit_log WHEN NEW.action = 'report.submit' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`).execute(db);
    } else {
      await sql.raw(`CREATE FUNCTION fail_submit() RETURNS trigger AS $$ BEGIN IF NEW.action = 'report.submit' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`).execute(db);
      await sql.raw('CREATE TRIGGER fail_submit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_submit()').execute(db);
    }
    const before = await reportSnapshot(w.t);
    const files = async () => (await db.selectFrom('attachment').select('id').execute()).length;
    const filesBefore = await files();
    try {
      const res = await w.libraryClerk.post(`/api/reports/${report.id}/submit`);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('simulated');
    } finally {
      await sql.raw(dialect === 'sqlite' ? 'DROP TRIGGER fail_submit' : 'DROP TRIGGER fail_submit ON audit_log').execute(db);
    }
    expect(await reportSnapshot(w.t)).toBe(before);
    expect(await files()).toBe(filesBefore);
    expect((await w.libraryClerk.get(`/api/reports/${report.id}`)).json()).toMatchObject({ status: 'approved', submittedRecordId: null, submittedAt: null });
    // Once the fault is gone the same submission goes through.
    const retry = await w.libraryClerk.post(`/api/reports/${report.id}/submit`);
    expect([retry.statusCode, retry.json().status]).toEqual([200, 'submitted']);
  });

  it('names the field of a bad submission body', async () => {
    const report = await annualDraft(w);
    const res = await w.clerk.post(`/api/reports/${report.id}/submit`, { note: 'x'.repeat(201) });
    expect([res.statusCode, res.json().error.field]).toEqual([400, 'note']);
    const submissions = await w.viewer.get('/api/reports/submissions?year=1999');
    expect([submissions.statusCode, submissions.json().error.field]).toEqual([400, 'year']);
    const kind = await w.viewer.get('/api/reports/submissions?year=2025&kind=duty_report');
    expect([kind.statusCode, kind.json().error.field]).toEqual([400, 'kind']);
  });
});
