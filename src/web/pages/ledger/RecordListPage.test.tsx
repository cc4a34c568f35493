// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../http/types.ts';
import { findElement, mockFetch, pageText, waitFor, type Rendered } from '../../testing/dom.tsx';
import type { LedgerRecord } from './api.ts';
import { type AppRouter, renderApp } from '../../testing/app.tsx';

const user = (roles: string[]) => ({ id: 'u1', username: 'clerk', displayName: '郑雅琴', orgId: 'root', orgName: '市文旅局党组', roles });
const session = (roles: string[]): SessionInfo => ({
  authenticated: true, setupRequired: false, user: user(roles), csrfToken: 'csrf', mustChangePassword: false, passwordExpired: false, idleTimeoutMinutes: 30,
});

const PACK = {
  id: 'ideology', name: '意识形态工作责任制', version: '1', sources: {}, rules: [], metrics: [], duties: {}, templates: [],
  recordTypes: [
    {
      id: 'topic_meeting', name: '党委（党组）会专题研究意识形态工作', category: '会议学习', orgKinds: ['party_group'], titleLabel: '会议名称',
      fields: [{ id: 'minutes', label: '会议记录/纪要', type: 'attachments', required: true, multiple: true }],
    },
    { id: 'opinion_event', name: '舆情事件处置', category: '舆情', fields: [] },
  ],
};

const ORG = {
  id: 'root', parentId: null, path: '/root/', name: '市文旅局党组', kind: 'party_group', kindLabel: '党组', code: null, sortOrder: 0, active: true,
  deactivatedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

const record = (overrides: Partial<LedgerRecord>): LedgerRecord => ({
  id: 'r1', packId: 'ideology', typeId: 'topic_meeting', typeName: '党委（党组）会专题研究意识形态工作', orgId: 'root', orgName: '市文旅局党组',
  title: '第一季度党组会', occurredOn: '2026-03-20', fields: {}, createdBy: '郑雅琴', createdAt: '2026-03-20T08:00:00Z',
  updatedAt: '2026-03-21T08:00:00Z', deleted: false, deletedAt: null, ...overrides,
});

let rendered: Rendered | undefined;
let router: AppRouter | undefined;

async function openAt(path: string) {
  ({ rendered, router } = await renderApp(path));
}

/** The ledger's API with a given list of records; the list answers whatever the filters. */
function serve(roles: string[], items: LedgerRecord[], counted: { total: number; totalCapped?: boolean } = { total: items.length }) {
  return mockFetch({
    'GET /api/auth/session': () => ({ body: session(roles) }),
    'GET /api/packs': () => ({ body: [{ id: 'ideology', name: PACK.name, version: '1', description: null, recordTypeCount: 2, ruleCount: 0 }] }),
    'GET /api/packs/ideology': () => ({ body: PACK }),
    'GET /api/orgs': () => ({ body: { items: [ORG], total: 1 } }),
    'GET /api/records': () => ({ body: { items, ...counted } }),
    'POST /api/records/r2/restore': () => ({ body: record({ id: 'r2' }) }),
  });
}

const listCalls = (calls: ReturnType<typeof mockFetch>) => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/records?'));
const lastListQuery = (calls: ReturnType<typeof mockFetch>) => Object.fromEntries(new URL(listCalls(calls).at(-1)!.url, 'http://x').searchParams);

afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

describe('ledger record list', () => {
  it('tells a clerk with an empty ledger what to do, and offers both ways to add records', async () => {
    serve(['clerk'], []);
    await openAt('/ledger');
    await waitFor(() => expect(pageText()).toContain('还没有台账记录，点击“新增记录”或“Excel导入”'));
    expect(pageText()).toContain('新增记录');
    expect(pageText()).toContain('Excel导入');
    // The menu has the 台账 group for a ledger.read role.
    expect(pageText()).toContain('台账记录');
  });

  it('shows a read-only user the list without write buttons or the hint to add', async () => {
    serve(['viewer'], []);
    await openAt('/ledger');
    await waitFor(() => expect(pageText()).toContain('还没有台账记录'));
    expect(pageText()).not.toContain('Excel导入');
    expect(pageText()).not.toContain('点击“新增记录”');
  });

  it('sends every filter kept in the URL to the server, and a type picked in the navigator too', async () => {
    const calls = serve(['clerk'], [record({})]);
    await openAt('/ledger?orgId=root&subtree=false&from=2026-01-01&to=2026-03-31&q=党组&deleted=1&sort=title&order=asc&page=2');
    await waitFor(() => expect(pageText()).toContain('第一季度党组会'));
    expect(lastListQuery(calls)).toEqual({
      packId: 'ideology', orgId: 'root', subtree: 'false', from: '2026-01-01', to: '2026-03-31', q: '党组', includeDeleted: 'true',
      page: '2', pageSize: '20', sort: 'title', order: 'asc',
    });

    const item = await findElement('.lz-type-nav .ant-menu-submenu-title', (text) => text.includes('会议学习'));
    await act(async () => item.click());
    const type = await findElement('.lz-type-nav .ant-menu-item', PACK.recordTypes[0]!.name);
    await act(async () => type.click());
    await waitFor(() => expect(lastListQuery(calls).typeId).toBe('topic_meeting'));
    // A new filter goes back to page 1; the others stay.
    expect(lastListQuery(calls).page).toBe('1');
    expect(lastListQuery(calls).q).toBe('党组');
    expect(router!.state.location.search).toContain('typeId=topic_meeting');
    // With one type shown, the title column takes the type's own label.
    await waitFor(() => expect(pageText()).toContain('会议名称'));
  });

  it('gives the total, or "more than" it when the server stopped counting', async () => {
    serve(['viewer'], [record({})], { total: 37 });
    await openAt('/ledger');
    await waitFor(() => expect(pageText()).toContain('共 37 条'));
    rendered?.unmount();

    serve(['viewer'], [record({})], { total: 10000, totalCapped: true });
    await openAt('/ledger');
    await waitFor(() => expect(pageText()).toContain('超过 10000 条'));
    expect(pageText()).not.toContain('共 10000 条');
    // The pager still offers the pages up to the count.
    expect(document.querySelector('.ant-pagination-item-500')).not.toBeNull();
  });

  it('counts evidence and offers 恢复 on a deleted record', async () => {
    const files = [{ id: 'f1', name: 'a.pdf', size: 1, mime: 'application/pdf' }, { id: 'f2', name: 'b.jpg', size: 1, mime: 'image/jpeg' }];
    const calls = serve(['clerk'], [record({ fields: { minutes: files } }), record({ id: 'r2', title: '已删的记录', deleted: true, deletedAt: '2026-03-22T08:00:00Z' })]);
    await openAt('/ledger?deleted=1');
    await waitFor(() => expect(pageText()).toContain('已删的记录'));
    expect(document.querySelector('[aria-label="2个佐证材料"]')).not.toBeNull();
    const restore = await findElement('button', '恢复');
    await act(async () => restore.click());
    const ok = await findElement('.ant-popconfirm button', '恢复');
    await act(async () => ok.click());
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/records/r2/restore')).toBe(true));
    await waitFor(() => expect(pageText()).toContain('已恢复“已删的记录”'));
  });
});
