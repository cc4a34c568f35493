// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findElement, mockFetch, pageText, type Rendered, waitFor } from '../../testing/dom.tsx';
import type { Submissions } from './api.ts';
import { submissionsFilter } from './SubmissionsPage.tsx';
import { baseRoutes, openAt } from './testSupport.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

const SUBMISSIONS: Submissions = {
  orgId: 'root', orgName: '示例市文化广电旅游局党组', kind: 'annual_report', period: { from: '2025-01-01', to: '2025-12-31', label: '2025年' },
  items: [
    {
      orgId: 'lib', orgName: '市图书馆党支部', parentId: 'root', depth: 1, submitted: true,
      reports: [
        {
          reportId: 'rep7', title: '市图书馆党支部关于2025年意识形态工作情况的报告', version: 3, submittedAt: '2026-01-12T02:30:00Z', submittedBy: '李明',
          submittedRecordId: 'rec4',
        },
      ],
      // The record its submission wrote: sent after the year, it is dated the year's last day.
      records: [{ recordId: 'rec4', title: '市图书馆党支部关于2025年意识形态工作情况的报告', occurredOn: '2025-12-31' }],
    },
    { orgId: 'mus', orgName: '市博物馆党支部', parentId: 'root', depth: 1, submitted: true, reports: [], records: [{ recordId: 'rec5', title: '2025年意识形态工作报告（纸质报送）', occurredOn: '2026-01-08' }] },
    { orgId: 'off', orgName: '办公室党支部', parentId: 'root', depth: 1, submitted: false, reports: [], records: [] },
  ],
};

describe('submissions', () => {
  it('shows who has submitted, when and what, and who has not', async () => {
    const calls = mockFetch({ ...baseRoutes(['leader']), 'GET /api/reports/submissions': () => ({ body: SUBMISSIONS }) });
    ({ rendered } = await openAt('/reports/submissions?year=2025'));
    await waitFor(() => expect(pageText()).toContain('3个单位中已报送 2 个，未报送 1 个'));
    const link = await findElement('a', '市图书馆党支部关于2025年意识形态工作情况的报告');
    expect(link.getAttribute('href')).toBe('/reports/rep7?version=3');
    // Once, as the report to read, with who sent it; not again as the ledger record it wrote.
    const library = await findElement('.ant-table-row', (t) => t.includes('市图书馆党支部'));
    expect(library.textContent).toContain('李明报送 · 第3版');
    expect(library.querySelectorAll('a')).toHaveLength(1);
    expect(document.querySelector('a[href="/ledger/rec4"]')).toBeNull();
    expect((await findElement('a', '2025年意识形态工作报告（纸质报送）')).getAttribute('href')).toBe('/ledger/rec5');
    const row = await findElement('.ant-table-row', (t) => t.includes('办公室党支部'));
    expect(row.textContent).toContain('未报送');
    expect(calls.find((c) => c.url.startsWith('/api/reports/submissions'))!.url).toBe('/api/reports/submissions?year=2025&kind=annual_report&scope=children');
  });

  it('reads its filter from the URL, with the period a superior most likely checks', () => {
    expect(submissionsFilter(new URLSearchParams(''), '2026-01-15')).toEqual({ orgId: undefined, year: 2025, kind: 'annual_report', half: undefined, scope: 'children' });
    expect(submissionsFilter(new URLSearchParams('kind=half_year_report'), '2026-07-10')).toMatchObject({ year: 2026, kind: 'half_year_report', half: 1 });
    expect(submissionsFilter(new URLSearchParams('kind=half_year_report&half=0&year=2024&scope=subtree&orgId=x'), '2026-07-10')).toEqual({
      orgId: 'x', year: 2024, kind: 'half_year_report', half: undefined, scope: 'subtree',
    });
  });
});
