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
    expect(Object.fromEntries(new URL(list.url, 'http://x').searchParams)).toEqual({ status: 'submitted', year: '2026', kind: 'annual_report', page: '2', pageSize: '20' });
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
