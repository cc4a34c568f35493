import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_003 } from '../../../../test/fixtures/reports/expected.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { multipartFile } from '../../../../test/support/orgFixtures.ts';
import { annualDraft, blockWith, reportSnapshot } from '../../../../test/support/reportApi.ts';
import { closeReportWorld, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';
import { ADMIN_PASSWORD, type Client, loggedIn } from '../../../../test/support/testApp.ts';

// Every report write leaves its audit entry, which the auditor reads with a Chinese label; bad
// input to the report routes gets a 4xx that names the field, never a 500, and writes nothing.

interface Entry { action: string; actionLabel: string; targetType: string | null; targetId: string | null; result: string; summary: Record<string, unknown> }

describeEachDialect('reports: audit entries and bad input', (dialect) => {
  let w: ReportWorld;
  let auditor: Client;
  beforeAll(async () => {
    w = await reportWorld(dialect);
    auditor = await loggedIn(w.t.app, 'auditor', ADMIN_PASSWORD, 'Audit#2026new');
  });
  afterAll(() => closeReportWorld(w));

  const entriesOf = async (targetId: string): Promise<Entry[]> => {
    const res = await auditor.get(`/api/audit?targetId=${targetId}&order=asc`);
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };

  it('records create, edit, regenerate, approve and submit with Chinese labels', async () => {
    const report = await annualDraft(w);
    const block = blockWith(report, '专题研究意识形态工作');
    expect((await w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: '改写。' })).statusCode).toBe(200);
    expect((await w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: null })).statusCode).toBe(200);
    expect((await w.clerk.post(`/api/reports/${report.id}/regenerate`)).statusCode).toBe(200);
    expect((await w.leader.post(`/api/reports/${report.id}/approve`, { note: '同意' })).statusCode).toBe(200);
    const submitted = await w.clerk.post(`/api/reports/${report.id}/submit`);
    expect(submitted.statusCode).toBe(200);

    const entries = await entriesOf(report.id);
    expect(entries.map((e) => [e.action, e.actionLabel, e.targetType, e.result])).toEqual([
      ['report.create', '起草报告', 'report', 'success'],
      ['report.edit', '修改报告段落', 'report', 'success'],
      ['report.edit', '修改报告段落', 'report', 'success'],
      ['report.regenerate', '按最新台账重新生成报告', 'report', 'success'],
      ['report.approve', '审定报告', 'report', 'success'],
      ['report.submit', '报送报告', 'report', 'success'],
    ]);
    expect(entries[0]!.summary).toMatchObject({ title: report.title, period: '2025年' });
    expect(entries[1]!.summary).toMatchObject({ blockId: block.id, reverted: false, version: 2 });
    expect(entries[2]!.summary).toMatchObject({ blockId: block.id, reverted: true, version: 3 });
    expect(entries[4]!.summary).toMatchObject({ version: 4, note: '同意' });
    expect(entries[5]!.summary).toMatchObject({ version: 4, record: submitted.json().submittedRecordId });
    // The ledger record the submission wrote is audited as a record like any other.
    const record = await entriesOf(submitted.json().submittedRecordId);
    expect(record.map((e) => [e.action, e.actionLabel])).toEqual([['record.create', '新增台账记录']]);
  });

  it('records template save and delete with Chinese labels', async () => {
    const preview = await w.clerk.request({ method: 'POST', url: '/api/report-templates/import', ...multipartFile({ filename: 'old.txt', content: fs.readFileSync(SAMPLE_003.file), contentType: 'text/plain' }) });
    const saved = await w.clerk.post('/api/report-templates', { name: '审计用模板', kind: 'annual_report', periodKind: 'year', text: preview.json().text, sourceName: 'old.txt' });
    expect(saved.statusCode).toBe(200);
    expect((await w.clerk.delete(`/api/report-templates/${saved.json().id}`)).statusCode).toBe(200);
    const entries = await entriesOf(saved.json().id);
    expect(entries.map((e) => [e.action, e.actionLabel, e.targetType])).toEqual([
      ['report_template.create', '保存报告模板', 'report_template'],
      ['report_template.delete', '删除报告模板', 'report_template'],
    ]);
    expect(entries[0]!.summary).toMatchObject({ name: '审计用模板', sourceName: 'old.txt' });
    // The auditor's filter lists the report actions by their Chinese names.
    const actions = (await auditor.get('/api/audit/actions')).json() as { action: string; label: string }[];
    for (const a of actions.filter((x) => x.action.startsWith('report'))) expect(a.label, a.action).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers bad input to drafting, lists and reads with a 4xx naming the field, and writes nothing', async () => {
    const report = await annualDraft(w);
    const before = await reportSnapshot(w.t);
    const year = { kind: 'year', year: 2025 };
    const posts: [unknown, number, string][] = [
      [{ period: year }, 400, 'templateId'],
      [{ templateId: '', period: year }, 400, 'templateId'],
      [{ templateId: 'annual_report' }, 400, 'period'],
      [{ templateId: 'annual_report', period: { kind: 'decade', year: 2025 } }, 400, 'period.kind'],
      [{ templateId: 'annual_report', period: { kind: 'year', year: 1900 } }, 400, 'period.year'],
      [{ templateId: 'annual_report', period: { kind: 'year' } }, 400, 'period'],
      [{ templateId: 'annual_report', period: { kind: 'range', from: '2025-13-01', to: '2025-12-31' } }, 400, 'period.from'],
      [{ templateId: 'annual_report', period: year, issueDate: '2026-02-30' }, 400, 'issueDate'],
      [{ templateId: 'annual_report', period: year, orgId: 'no-such-org' }, 404, 'orgId'],
      [{ templateId: 'annual_report', period: year, packId: 'nope' }, 404, 'packId'],
      [{ templateId: 'annual_report', period: year, packId: 'BAD PACK' }, 400, 'packId'],
      [{ templateId: 'half_year_report', period: year }, 422, 'period.kind'],
      ['not json', 415, ''],
    ];
    for (const [body, status, field] of posts) {
      const res = await w.clerk.post('/api/reports', body);
      expect([res.statusCode, res.json().error?.field ?? ''], JSON.stringify(body)).toEqual([status, field]);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const gets: [string, number, string][] = [
      ['/api/reports?status=lost', 400, 'status'],
      ['/api/reports?kind=weekly', 400, 'kind'],
      ['/api/reports?year=abc', 400, 'year'],
      ['/api/reports?pageSize=500', 400, 'pageSize'],
      ['/api/reports?orgId=no-such-org', 404, 'orgId'],
      [`/api/reports/${report.id}/versions/0`, 400, 'n'],
      [`/api/reports/${report.id}/versions/abc`, 400, 'n'],
      [`/api/reports/${report.id}/docx?version=0`, 400, 'version'],
      [`/api/reports/${report.id}/provenance/x?pageSize=0`, 400, 'pageSize'],
      ['/api/reports/submissions', 400, 'year'],
      ['/api/reports/submissions?year=2025&half=3', 400, 'half'],
      ['/api/reports/submissions?year=2025&scope=all', 400, 'scope'],
      ['/api/report-templates?packId=nope', 404, 'packId'],
      ['/api/report-templates/no-such-template', 404, 'id'],
      ['/api/report-templates/annual_report?packId=nope', 404, 'packId'],
    ];
    for (const [url, status, field] of gets) {
      const res = await w.viewer.get(url);
      expect([res.statusCode, res.json().error?.field], url).toEqual([status, field]);
    }
    expect(await reportSnapshot(w.t)).toBe(before);
  });

  it('refuses a NUL character in an id, a query or a body with a 400 naming the field (PostgreSQL cannot store one)', async () => {
    const report = await annualDraft(w);
    const block = report.document.blocks.at(-1)!.id;
    const before = await reportSnapshot(w.t);
    const cases: [string, () => ReturnType<Client['get']>, string][] = [
      ['edit text', () => w.clerk.put(`/api/reports/${report.id}/blocks/${block}`, { text: '改写\u0000一段' }), 'text'],
      ['title', () => w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: '标题\u0000' }), 'text'],
      ['approve note', () => w.leader.post(`/api/reports/${report.id}/approve`, { note: '\u0000' }), 'note'],
      ['template name', () => w.clerk.post('/api/report-templates', { name: '模板\u0000', kind: 'annual_report', periodKind: 'year', text: '一、工作开展情况' }), 'name'],
      ['template binding', () => w.clerk.post('/api/report-templates', { name: '模板', kind: 'annual_report', periodKind: 'year', text: '召开会议**次', bindings: [{ index: 0, text: 'a\u0000' }] }), 'bindings.0.text'],
      ['draft period', () => w.clerk.post('/api/reports', { templateId: 'annual_report', period: { kind: 'year', year: 2025, from: '\u0000' } }), 'period.from'],
      ['report id', () => w.clerk.get('/api/reports/a%00b'), 'id'],
      ['version of a report id', () => w.clerk.get('/api/reports/a%00b/versions/1'), 'id'],
      ['template id', () => w.clerk.get('/api/report-templates/a%00b'), 'id'],
      ['delete template id', () => w.clerk.delete('/api/report-templates/a%00b'), 'id'],
      ['list org', () => w.clerk.get('/api/reports?orgId=a%00b'), 'orgId'],
      ['submissions org', () => w.clerk.get('/api/reports/submissions?year=2025&orgId=%00'), 'orgId'],
    ];
    for (const [what, send, field] of cases) {
      const res = await send();
      expect([res.statusCode, res.json().error?.code, res.json().error?.field], what).toEqual([400, 'NUL_CHARACTER', field]);
    }
    expect(await reportSnapshot(w.t)).toBe(before);
    // The permission check still comes first.
    expect((await w.viewer.put(`/api/reports/${report.id}/blocks/${block}`, { text: '\u0000' })).statusCode).toBe(403);
  });
});
