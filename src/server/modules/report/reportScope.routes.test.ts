import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_003 } from '../../../../test/fixtures/reports/expected.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { accountIn, auditEntries, multipartFile } from '../../../../test/support/orgFixtures.ts';
import { annualDraft, type ReportJson, reportSnapshot } from '../../../../test/support/reportApi.ts';
import { closeReportWorld, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';
import type { Client } from '../../../../test/support/testApp.ts';

// 谁主管谁负责 for reports (SEC-14): the library (市图书馆) can neither read nor change the office's
// or the top's reports and templates — every id-taking route answers 404 exactly as for an id that
// does not exist, attempts to change are recorded as authz.denied and change nothing — while the
// top, their superior, reads everything below it.

const MISSING = '00000000-0000-4000-8000-000000000000';

async function savedTemplate(client: Client, name: string): Promise<string> {
  const preview = await client.request({ method: 'POST', url: '/api/report-templates/import', ...multipartFile({ filename: 'old.txt', content: fs.readFileSync(SAMPLE_003.file), contentType: 'text/plain' }) });
  const res = await client.post('/api/report-templates', { name, kind: 'annual_report', periodKind: 'year', text: preview.json().text });
  if (res.statusCode !== 200) throw new Error(`save failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** The id of a figure or list the report prints. */
function anyRun(report: ReportJson): string {
  const [runId] = Object.keys(report.provenance);
  if (!runId) throw new Error('the report prints no figure');
  return runId;
}

/** Every id-taking read of a report, for one report, with a figure's run id. */
const readsOf = (report: ReportJson, runId: string) => [
  `/api/reports/${report.id}`,
  `/api/reports/${report.id}/versions/1`,
  `/api/reports/${report.id}/provenance/${runId}`,
  `/api/reports/${report.id}/docx`,
  `/api/reports/${report.id}/pdf`,
];

describeEachDialect('reports: scope isolation (SEC-14)', (dialect) => {
  let w: ReportWorld;
  let officeClerk: Client;
  let officeLeader: Client;
  let top: ReportJson;
  let office: ReportJson;
  let officeApproved: ReportJson;
  let library: ReportJson;
  let topTemplate: string;
  let officeTemplate: string;
  let libraryTemplate: string;

  beforeAll(async () => {
    w = await reportWorld(dialect);
    officeClerk = await accountIn(w.t, { orgId: w.orgs.office, roles: ['clerk'], username: 'office_clerk' });
    officeLeader = await accountIn(w.t, { orgId: w.orgs.office, roles: ['leader'], username: 'office_leader' });
    top = await annualDraft(w);
    office = await annualDraft(w, w.orgs.office, officeClerk);
    officeApproved = await annualDraft(w, w.orgs.office, officeClerk);
    expect((await officeLeader.post(`/api/reports/${officeApproved.id}/approve`)).statusCode).toBe(200);
    library = await annualDraft(w, w.orgs.library, w.libraryClerk);
    topTemplate = await savedTemplate(w.clerk, '局党组的模板');
    officeTemplate = await savedTemplate(officeClerk, '办公室的模板');
    libraryTemplate = await savedTemplate(w.libraryClerk, '图书馆的模板');
  });
  afterAll(() => closeReportWorld(w));

  it('answers 404 to every read of a sibling\'s or the superior\'s report and template, as for an id that does not exist', async () => {
    const ghost = (await w.libraryClerk.get(`/api/reports/${MISSING}`)).json();
    expect(ghost.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    for (const report of [top, office, officeApproved]) {
      const runId = anyRun(report);
      for (const url of readsOf(report, runId)) {
        for (const client of [w.libraryClerk, w.libraryLeader]) {
          const res = await client.get(url);
          expect(res.statusCode, url).toBe(404);
          expect(res.json(), url).toEqual(ghost);
        }
      }
    }
    const ghostTemplate = (await w.libraryClerk.get(`/api/report-templates/${MISSING}`)).json();
    for (const id of [topTemplate, officeTemplate]) {
      const res = await w.libraryClerk.get(`/api/report-templates/${id}`);
      expect([res.statusCode, res.json()]).toEqual([404, ghostTemplate]);
    }
    // Lists and the submissions view leave them out, and refuse an org outside the subtree.
    const list = (await w.libraryClerk.get('/api/reports')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([library.id]);
    const templates = (await w.libraryClerk.get('/api/report-templates')).json().filter((t: { source: string }) => t.source === 'stored');
    expect(templates.map((t: { id: string }) => t.id)).toEqual([libraryTemplate]);
    for (const url of [`/api/reports?orgId=${w.orgs.office}`, `/api/reports?orgId=${w.orgs.root}`, `/api/report-templates?orgId=${w.orgs.office}`, `/api/reports/submissions?year=2025&orgId=${w.orgs.root}`]) {
      const res = await w.libraryClerk.get(url);
      expect([res.statusCode, res.json().error?.field], url).toEqual([404, 'orgId']);
    }
  });

  it('refuses every change to another unit\'s report or template, records the denial and changes nothing', async () => {
    const before = await reportSnapshot(w.t);
    const deniedBefore = (await auditEntries(w.t, 'authz.denied')).length;
    const block = office.document.blocks.at(-1)!.id;
    const writes: [string, () => Promise<{ statusCode: number; json: () => { error?: { field?: string } } }>, string][] = [
      ['edit a block', () => w.libraryClerk.put(`/api/reports/${office.id}/blocks/${block}`, { text: '改' }), 'id'],
      ['edit the title', () => w.libraryClerk.put(`/api/reports/${top.id}/blocks/title`, { text: '改' }), 'id'],
      ['revert a block', () => w.libraryClerk.put(`/api/reports/${office.id}/blocks/${block}`, { text: null }), 'id'],
      ['regenerate', () => w.libraryClerk.post(`/api/reports/${office.id}/regenerate`), 'id'],
      ['approve', () => w.libraryLeader.post(`/api/reports/${office.id}/approve`), 'id'],
      ['approve the top\'s', () => w.libraryLeader.post(`/api/reports/${top.id}/approve`), 'id'],
      ['submit', () => w.libraryClerk.post(`/api/reports/${officeApproved.id}/submit`), 'id'],
      ['delete a template', () => w.libraryClerk.delete(`/api/report-templates/${officeTemplate}`), 'id'],
      ['delete the top\'s template', () => w.libraryClerk.delete(`/api/report-templates/${topTemplate}`), 'id'],
      ['draft for the office', () => w.libraryClerk.post('/api/reports', { orgId: w.orgs.office, templateId: 'annual_report', period: { kind: 'year', year: 2025 } }), 'orgId'],
      ['draft from the office\'s template', () => w.libraryClerk.post('/api/reports', { templateId: officeTemplate, period: { kind: 'year', year: 2025 } }), 'templateId'],
      ['save a template for the office', () => w.libraryClerk.post('/api/report-templates', { orgId: w.orgs.office, name: '越权', kind: 'annual_report', periodKind: 'year', text: '一、工作开展情况' }), 'orgId'],
    ];
    for (const [name, write, field] of writes) {
      const res = await write();
      expect([res.statusCode, res.json().error?.field], name).toEqual([404, field]);
    }
    expect(await reportSnapshot(w.t)).toBe(before);
    const denied = (await auditEntries(w.t, 'authz.denied')).slice(deniedBefore);
    // Every attempt on an existing id is recorded (drafting from a template one cannot see is a read).
    expect(denied.map((d) => d.target_type)).toEqual(['report', 'report', 'report', 'report', 'report', 'report', 'report', 'report_template', 'report_template', 'org', 'org']);
    expect(denied.map((d) => d.target_id)).toEqual([office.id, top.id, office.id, office.id, office.id, top.id, officeApproved.id, officeTemplate, topTemplate, w.orgs.office, w.orgs.office]);
    // The office's own people still work on them.
    expect((await officeClerk.put(`/api/reports/${office.id}/blocks/${block}`, { text: '办公室改写。' })).statusCode).toBe(200);
  });

  it('lets the superior read everything below it: reports, versions, provenance, files and templates', async () => {
    for (const report of [office, library]) {
      const runId = anyRun(report);
      for (const url of readsOf(report, runId)) {
        const res = await w.viewer.get(url);
        // A PDF needs LibreOffice on the server: 503 says so where it is missing, never 404.
        expect(url.endsWith('/pdf') ? [200, 503] : [200], url).toContain(res.statusCode);
      }
    }
    for (const id of [officeTemplate, libraryTemplate]) expect((await w.viewer.get(`/api/report-templates/${id}`)).statusCode).toBe(200);
    const list = (await w.viewer.get('/api/reports')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([top.id, office.id, officeApproved.id, library.id]));
    const officeOnly = (await w.viewer.get(`/api/reports?orgId=${w.orgs.office}`)).json();
    expect(officeOnly.items.map((r: { id: string }) => r.id).sort()).toEqual([office.id, officeApproved.id].sort());
    // Reading is not writing: the viewer cannot change what it reads.
    expect((await w.viewer.put(`/api/reports/${library.id}/blocks/title`, { text: '改' })).statusCode).toBe(403);
    expect((await w.viewer.delete(`/api/report-templates/${libraryTemplate}`)).statusCode).toBe(403);
  });

  it('does not list, behind its own report\'s figure, a record since moved to a sibling unit', async () => {
    // A library record the library's report counts, moved by the top to the office afterwards.
    let moved: { runId: string; recordId: string } | null = null;
    for (const runId of Object.keys(library.provenance)) {
      const items = (await w.libraryClerk.get(`/api/reports/${library.id}/provenance/${runId}`)).json().items as { id: string; orgId: string }[];
      const own = items.find((r) => r.orgId === w.orgs.library);
      if (own && (await w.clerk.patch(`/api/records/${own.id}`, { orgId: w.orgs.office })).statusCode === 200) {
        moved = { runId, recordId: own.id };
        break;
      }
    }
    expect(moved).not.toBeNull();
    const { runId, recordId } = moved!;
    const mine = (await w.libraryClerk.get(`/api/reports/${library.id}/provenance/${runId}`)).json();
    expect(mine.items.map((r: { id: string }) => r.id)).not.toContain(recordId);
    expect(mine.total).toBe(library.provenance[runId]!.recordCount);
    const top = (await w.viewer.get(`/api/reports/${library.id}/provenance/${runId}`)).json();
    expect(top.items).toContainEqual(expect.objectContaining({ id: recordId, orgId: w.orgs.office }));
  });

  it('a unit cannot look up its superior\'s report through a version, run or file it guesses', async () => {
    const runId = anyRun(top);
    for (const url of [`/api/reports/${top.id}/versions/1`, `/api/reports/${top.id}/provenance/${runId}?version=1`, `/api/reports/${top.id}/docx?version=1`]) {
      const res = await w.libraryClerk.get(url);
      expect([res.statusCode, res.json().error.field], url).toEqual([404, 'id']);
    }
  });
});
