import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { annualDraft, type ReportJson } from '../../../../test/support/reportApi.ts';
import { closeReportWorld, draftReport, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';

// The report list in the order the user asks: by period (the default, latest first), last change,
// drafting time, title, org or status (in the order a report moves), either way; ties fall back to
// the latest period and the latest drafted, so that pages neither skip nor repeat a report.

interface Summary { id: string; title: string; orgName: string; status: string; submittedBy: string | null }

describeEachDialect('reports: sorting the list', (dialect) => {
  let w: ReportWorld;
  // Drafted in this order: annual 2025 of the top (a), second half of 2025 of the top (b), annual 2025
  // of the library (c), first half of 2026 of the top (d). Then b is approved, c approved and
  // submitted, and a edited last.
  let a: ReportJson, b: ReportJson, c: ReportJson, d: ReportJson;
  const ids = (list: Summary[]) => list.map((r) => r.id);
  const list = async (query = '') => {
    const res = await w.viewer.get(`/api/reports${query ? `?${query}` : ''}`);
    if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
    return res.json().items as Summary[];
  };

  beforeAll(async () => {
    w = await reportWorld(dialect);
    a = await annualDraft(w);
    b = await draftReport(w.clerk, { orgId: w.orgs.root, templateId: 'half_year_report', period: { kind: 'half_year', year: 2025, half: 2 }, issueDate: '2026-01-10' });
    c = await annualDraft(w, w.orgs.library, w.libraryClerk);
    d = await draftReport(w.clerk, { orgId: w.orgs.root, templateId: 'half_year_report', period: { kind: 'half_year', year: 2026, half: 1 } });
    for (const [report, leader] of [[b, w.leader], [c, w.libraryLeader]] as const) expect((await leader.post(`/api/reports/${report.id}/approve`)).statusCode).toBe(200);
    expect((await w.libraryClerk.post(`/api/reports/${c.id}/submit`)).statusCode).toBe(200);
    expect((await w.clerk.put(`/api/reports/${a.id}/blocks/title`, { text: '示例市文化广电旅游局党组关于2025年度意识形态工作的报告' })).statusCode).toBe(200);
  });
  afterAll(() => closeReportWorld(w));

  it('lists the latest period first by default, the latest drafted first within a period', async () => {
    expect(ids(await list())).toEqual([d.id, b.id, c.id, a.id]);
    expect(ids(await list('sort=period&order=desc'))).toEqual([d.id, b.id, c.id, a.id]);
    // Ascending: the earliest period first; within it still the latest drafted first.
    expect(ids(await list('sort=period&order=asc'))).toEqual([c.id, a.id, b.id, d.id]);
  });

  it('sorts by the last change and by drafting time', async () => {
    expect(ids(await list('sort=updatedAt&order=desc'))).toEqual([a.id, c.id, b.id, d.id]);
    expect(ids(await list('sort=updatedAt&order=asc'))).toEqual([d.id, b.id, c.id, a.id]);
    expect(ids(await list('sort=createdAt&order=asc'))).toEqual([a.id, b.id, c.id, d.id]);
    expect(ids(await list('sort=createdAt&order=desc'))).toEqual([d.id, c.id, b.id, a.id]);
  });

  it('sorts by title and by org name, the same on both databases', async () => {
    const byTitle = await list('sort=title&order=asc');
    expect(byTitle.map((r) => r.title)).toEqual(byTitle.map((r) => r.title).sort());
    expect(byTitle.map((r) => r.title)).toContain('示例市文化广电旅游局党组关于2025年度意识形态工作的报告');
    expect(ids(await list('sort=title&order=desc'))).toEqual(ids(byTitle).reverse());
    // 市图书馆 before 示例市文化广电旅游局党组; the top's reports then in the default order.
    expect(ids(await list('sort=org&order=asc'))).toEqual([c.id, d.id, b.id, a.id]);
    expect(ids(await list('sort=org&order=desc'))).toEqual([d.id, b.id, a.id, c.id]);
  });

  it('sorts by status in the order a report moves: drafts, approved, submitted', async () => {
    const asc = await list('sort=status&order=asc');
    expect(asc.map((r) => r.status)).toEqual(['draft', 'draft', 'approved', 'submitted']);
    expect(ids(asc)).toEqual([d.id, a.id, b.id, c.id]);
    expect(ids(await list('sort=status&order=desc'))).toEqual([c.id, b.id, d.id, a.id]);
    // Who submitted comes with the summary.
    expect(asc.map((r) => r.submittedBy)).toEqual([null, null, null, 'library_clerk']);
  });

  it('pages through a sorted list without skipping or repeating, with the filters', async () => {
    const pages = [...(await list('sort=org&order=asc&pageSize=3&page=1')), ...(await list('sort=org&order=asc&pageSize=3&page=2'))];
    expect(ids(pages)).toEqual([c.id, d.id, b.id, a.id]);
    expect(ids(await list('status=draft&sort=period&order=asc'))).toEqual([a.id, d.id]);
    expect(ids(await list(`orgId=${w.orgs.library}&sort=title`))).toEqual([c.id]);
    // A library clerk sees only the library's report, however sorted.
    const own = await w.libraryClerk.get('/api/reports?sort=org&order=desc');
    expect(ids(own.json().items)).toEqual([c.id]);
  });

  it('names the field of a sort or order it does not know', async () => {
    const sort = await w.viewer.get('/api/reports?sort=kind');
    expect([sort.statusCode, sort.json().error.field]).toEqual([400, 'sort']);
    const order = await w.viewer.get('/api/reports?sort=title&order=up');
    expect([order.statusCode, order.json().error.field]).toEqual([400, 'order']);
  });
});
