// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findElement, mockFetch, pageText, type Rendered, waitFor } from '../../testing/dom.tsx';
import type { ReportSummary } from './api.ts';
import { EMPTY_REPORTS_HINT } from './ReportListPage.tsx';
import { baseRoutes, openAt, reportDetail } from './testSupport.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

const summary = (overrides: Partial<ReportSummary> = {}): ReportSummary => {
  const { document: _d, provenance: _p, omitted: _o, versions: _v, issueDate: _i, version: _n, ...rest } = reportDetail();
  return { ...rest, ...overrides };
};

function serve(roles: string[], items: ReportSummary[], post?: (body: unknown) => { status?: number; body: unknown }) {
  return mockFetch({
    ...baseRoutes(roles),
    'GET /api/reports': () => ({ body: { items, total: items.length } }),
    'POST /api/reports': (init) => (post ? post(JSON.parse(String(init?.body))) : { body: reportDetail({ id: 'new1' }) }),
    'GET /api/reports/new1': () => ({ body: reportDetail({ id: 'new1' }) }),
  });
}

/** The list's column header with this title. */
function header(title: string): HTMLElement {
  const th = [...document.querySelectorAll<HTMLElement>('main thead th')].find((el) => el.textContent?.replace(/\s/g, '') === title);
  if (!th) throw new Error(`no column ${title}`);
  return th;
}

describe('report list', () => {
  it('tells a clerk with no reports what to do', async () => {
    serve(['clerk'], []);
    ({ rendered } = await openAt('/reports'));
    await waitFor(() => expect(pageText()).toContain(EMPTY_REPORTS_HINT));
    expect(pageText()).toContain('起草报告');
  });

  it('shows each report with its status and sends the filters in the URL', async () => {
    const calls = serve(['viewer'], [summary(), summary({ id: 'rep2', title: '上半年总结', status: 'submitted' })]);
    ({ rendered } = await openAt('/reports?status=submitted&year=2026&kind=annual_report&page=2'));
    await waitFor(() => expect(pageText()).toContain('上半年总结'));
    expect(pageText()).toContain('起草中');
    expect(pageText()).toContain('已报送');
    // A viewer reads; it drafts nothing.
    expect(pageText()).not.toContain('起草报告');
    const list = calls.filter((c) => c.url.startsWith('/api/reports?')).at(-1)!;
    // The latest period first unless the user sorts otherwise.
    expect(Object.fromEntries(new URL(list.url, 'http://x').searchParams)).toEqual({
      status: 'submitted', year: '2026', kind: 'annual_report', page: '2', pageSize: '20', sort: 'period', order: 'desc',
    });
    expect(header('报告期').getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by a column on the server and keeps the order in the URL with the filters', async () => {
    const calls = serve(['viewer'], [summary(), summary({ id: 'rep2', title: '上半年总结', status: 'submitted' })]);
    let router: Awaited<ReturnType<typeof openAt>>['router'];
    ({ rendered, router } = await openAt('/reports?status=submitted&sort=title&order=asc'));
    await waitFor(() => expect(pageText()).toContain('上半年总结'));
    const lastList = () => Object.fromEntries(new URL(calls.filter((c) => c.url.startsWith('/api/reports?')).at(-1)!.url, 'http://x').searchParams);
    expect(lastList()).toMatchObject({ status: 'submitted', sort: 'title', order: 'asc' });
    expect(header('报告').getAttribute('aria-sort')).toBe('ascending');
    expect(header('报告期').getAttribute('aria-sort')).toBeNull();
    const search = () => Object.fromEntries(new URLSearchParams(router.state.location.search));

    // The period reads best latest first: its first click sorts descending, the next ascending.
    await act(async () => header('报告期').click());
    await waitFor(() => expect(lastList()).toMatchObject({ status: 'submitted', sort: 'period', order: 'desc' }));
    expect(search()).toMatchObject({ status: 'submitted', sort: 'period', order: 'desc' });
    await act(async () => header('报告期').click());
    await waitFor(() => expect(search()).toMatchObject({ sort: 'period', order: 'asc' }));
    await waitFor(() => expect(lastList()).toMatchObject({ sort: 'period', order: 'asc' }));

    // Other columns ascending first, then descending, then back to the default order.
    await act(async () => header('报告单位').click());
    await waitFor(() => expect(lastList()).toMatchObject({ sort: 'org', order: 'asc' }));
    await act(async () => header('报告单位').click());
    await waitFor(() => expect(search()).toMatchObject({ status: 'submitted', sort: 'org', order: 'desc' }));
    await act(async () => header('报告单位').click());
    await waitFor(() => expect([search().status, search().sort, search().order]).toEqual(['submitted', undefined, undefined]));
    // (The default order's page was fetched before: it comes from the cache.)
    await waitFor(() => expect(header('报告期').getAttribute('aria-sort')).toBe('descending'));
    expect(header('报告单位').getAttribute('aria-sort')).toBeNull();
    await act(async () => header('更新').click());
    await waitFor(() => expect(search()).toMatchObject({ sort: 'updatedAt', order: 'desc' }));
    await act(async () => header('状态').click());
    await waitFor(() => expect(lastList()).toMatchObject({ status: 'submitted', sort: 'status', order: 'asc' }));
    // Kind and version do not sort.
    expect(header('类别').classList.contains('ant-table-column-has-sorters')).toBe(false);
  });

  it('drafts from a template for a half-year and opens the editor', async () => {
    let sent: Record<string, unknown> | undefined;
    serve(['clerk'], [], (body) => {
      sent = body as Record<string, unknown>;
      return { body: reportDetail({ id: 'new1' }) };
    });
    let router: Awaited<ReturnType<typeof openAt>>['router'];
    ({ rendered, router } = await openAt('/reports?draft=half_year_report'));
    // The template preset from the URL sets the period to a half-year.
    await findElement('.ant-modal [aria-label="半年"]', () => true);
    const ok = await findElement('.ant-modal button', '起草');
    await act(async () => ok.click());
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports/new1'));
    expect(sent).toMatchObject({ templateId: 'half_year_report', orgId: 'root', period: { kind: 'half_year', year: expect.any(Number), half: expect.any(Number) } });
    expect(sent!.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("puts the server's message about the period on the period field", async () => {
    serve(['clerk'], [], () => ({ status: 422, body: { error: { code: 'PERIOD_MISMATCH', message: '模板“意识形态工作半年总结”用于半年报告，请按半年选择报告期', field: 'period.kind' } } }));
    ({ rendered } = await openAt('/reports?draft=half_year_report'));
    const ok = await findElement('.ant-modal button', '起草');
    await act(async () => ok.click());
    const error = await findElement('.ant-form-item-explain-error', (t) => t.includes('请按半年选择报告期'));
    expect(error.closest('.ant-form-item')?.textContent).toContain('报告期');
  });
});
