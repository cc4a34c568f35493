// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/queryClient.ts';
import { findElement, mockFetch, pageText, waitFor, type Rendered } from '../../testing/dom.tsx';
import { renderApp } from '../../testing/app.tsx';

const SESSION = {
  authenticated: true, setupRequired: false, csrfToken: 'csrf', mustChangePassword: false, passwordExpired: false, idleTimeoutMinutes: 30,
  user: { id: 'u1', username: 'clerk', displayName: '郑雅琴', orgId: 'root', orgName: '市文旅局党组', roles: ['clerk'] },
};
const PACK = {
  id: 'ideology', name: '意识形态工作责任制', version: '1', sources: {}, rules: [], metrics: [], duties: {}, templates: [],
  recordTypes: [
    {
      id: 'opinion_event', name: '舆情事件处置', category: '舆情', titleLabel: '事件名称', dateLabel: '发现时间',
      fields: [
        { id: 'platform', label: '发现平台', type: 'text', required: false, multiple: false },
        { id: 'measures', label: '处置措施', type: 'longtext', required: false, multiple: false },
      ],
    },
  ],
};
const ORG = {
  id: 'root', parentId: null, path: '/root/', name: '市文旅局党组', kind: 'party_group', kindLabel: '党组', code: null, sortOrder: 0, active: true,
  deactivatedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

describe('new record page', () => {
  it('starts in the user org, sends the generated form, and shows each field error from the server on its input', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => ({ body: SESSION }),
      'GET /api/packs': () => ({ body: [{ id: 'ideology', name: PACK.name, version: '1', description: null, recordTypeCount: 1, ruleCount: 0 }] }),
      'GET /api/packs/ideology': () => ({ body: PACK }),
      'GET /api/orgs': () => ({ body: { items: [ORG], total: 1 } }),
      'POST /api/records': () => ({
        status: 422,
        body: {
          error: {
            code: 'FIELDS_INVALID', message: '发现平台不能超过5个字', field: 'fields.platform',
            details: [{ field: 'fields.platform', message: '发现平台不能超过5个字' }, { field: 'fields.measures', message: '处置措施须为文本' }],
          },
        },
      }),
    });
    ({ rendered } = await renderApp('/ledger/new?typeId=opinion_event'));
    await waitFor(() => expect(pageText()).toContain('新增：舆情事件处置'));
    // Built-in fields first, under the type's own labels.
    const labels = [...document.querySelectorAll('.ant-form-item-label label')].map((l) => l.textContent);
    expect(labels).toEqual(['所属组织', '发现时间', '事件名称', '发现平台', '处置措施']);

    const type = (selector: string, text: string) => {
      const input = document.querySelector(selector) as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => type('input#title', '网传某景区门票涨价'));
    await act(async () => type('input#fields_platform', '某短视频平台'));
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '保存')!;
    await act(async () => save.click());

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(body).toMatchObject({ packId: 'ideology', typeId: 'opinion_event', orgId: 'root', title: '网传某景区门票涨价', fields: { platform: '某短视频平台' } });
    expect(body.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await waitFor(() => expect(document.querySelector('#fields_platform_help')?.textContent).toBe('发现平台不能超过5个字'));
    expect(document.querySelector('#fields_measures_help')?.textContent).toBe('处置措施须为文本');
  });

  it('refreshes the compliance figures a saved record counts toward (the matrix cell it was entered from turns green)', async () => {
    const RECORD = {
      id: 'r1', packId: 'ideology', typeId: 'opinion_event', typeName: '舆情事件处置', orgId: 'root', orgName: ORG.name, title: '二季度舆情处置',
      occurredOn: '2026-06-30', fields: {}, deleted: false, deletedAt: null, createdBy: '郑雅琴', createdAt: '2026-11-29T00:00:00Z', updatedAt: '2026-11-29T00:00:00Z',
    };
    mockFetch({
      'GET /api/auth/session': () => ({ body: SESSION }),
      'GET /api/packs': () => ({ body: [{ id: 'ideology', name: PACK.name, version: '1', description: null, recordTypeCount: 1, ruleCount: 0 }] }),
      'GET /api/packs/ideology': () => ({ body: PACK }),
      'GET /api/orgs': () => ({ body: { items: [ORG], total: 1 } }),
      'POST /api/records': () => ({ status: 201, body: RECORD }),
      'GET /api/records/r1': () => ({ body: RECORD }),
    });
    const queryClient = createQueryClient();
    // The matrix and dashboard the clerk came from, still fresh in the cache.
    const matrixKey = ['compliance', 'matrix', 'root', 'ideology', 2026];
    const dashboardKey = ['compliance', 'dashboard', 'root', 'ideology', 2026];
    queryClient.setQueryData(matrixKey, { rules: [] });
    queryClient.setQueryData(dashboardKey, { year: 2026 });
    const { rendered: shown, router } = await renderApp('/ledger/new?typeId=opinion_event&orgId=root&occurredOn=2026-06-30', queryClient);
    rendered = shown;
    await waitFor(() => expect(pageText()).toContain('新增：舆情事件处置'));
    const title = document.querySelector('input#title') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(title), 'value')!.set!;
    await act(async () => {
      setter.call(title, '二季度舆情处置');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(queryClient.getQueryState(matrixKey)?.isInvalidated).toBe(false);
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '保存')!;
    await act(async () => save.click());

    await waitFor(() => expect(router.state.location.pathname).toBe('/ledger/r1'));
    expect(queryClient.getQueryState(matrixKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(dashboardKey)?.isInvalidated).toBe(true);
  });

  it('takes the date from the URL (补录 for a past period), and today when the URL has none or a wrong one', async () => {
    const open = async (query: string) => {
      const calls = mockFetch({
        'GET /api/auth/session': () => ({ body: SESSION }),
        'GET /api/packs': () => ({ body: [{ id: 'ideology', name: PACK.name, version: '1', description: null, recordTypeCount: 1, ruleCount: 0 }] }),
        'GET /api/packs/ideology': () => ({ body: PACK }),
        'GET /api/orgs': () => ({ body: { items: [ORG], total: 1 } }),
        'POST /api/records': () => ({ status: 422, body: { error: { code: 'INVALID', message: '请检查', field: 'title' } } }),
      });
      ({ rendered } = await renderApp(`/ledger/new?${query}`));
      await waitFor(() => expect(pageText()).toContain('新增：舆情事件处置'));
      const date = await findElement('input#occurredOn', () => true);
      return { calls, date: date as HTMLInputElement };
    };

    const past = await open('typeId=opinion_event&orgId=root&occurredOn=2026-06-30');
    expect(past.date.value).toBe('2026-06-30');
    const title = document.querySelector('input#title') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(title), 'value')!.set!;
    await act(async () => {
      setter.call(title, '二季度舆情处置');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '保存')!;
    await act(async () => save.click());
    await waitFor(() => expect(past.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(past.calls.find((c) => c.method === 'POST')!.body).toMatchObject({ occurredOn: '2026-06-30', orgId: 'root', title: '二季度舆情处置' });
    rendered?.unmount();
    vi.unstubAllGlobals();

    const today = new Date();
    const todayText = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect((await open('typeId=opinion_event&occurredOn=2026-02-30')).date.value).toBe(todayText);
    rendered?.unmount();
    vi.unstubAllGlobals();
    expect((await open('typeId=opinion_event')).date.value).toBe(todayText);
  });
});
