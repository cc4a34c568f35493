// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../http/types.ts';
import { mockFetch, pageText, waitFor, type Rendered } from '../../testing/dom.tsx';
import type { Matrix, MatrixCell, MatrixRule } from './api.ts';
import { type AppRouter, renderApp } from '../../testing/app.tsx';

const session = (roles: string[]): SessionInfo => ({
  authenticated: true, setupRequired: false, csrfToken: 'csrf', mustChangePassword: false, passwordExpired: false, idleTimeoutMinutes: 30,
  user: { id: 'u1', username: 'clerk', displayName: '郑雅琴', orgId: 'root', orgName: '市文旅局党组', roles },
});

const ORG = {
  id: 'root', parentId: null, path: '/root/', name: '市文旅局党组', kind: 'party_group', kindLabel: '党组', code: null, sortOrder: 0, active: true,
  deactivatedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};
const PACK = {
  id: 'ideology', name: '意识形态工作责任制', version: '1', sources: {}, metrics: [], duties: {}, templates: [],
  recordTypes: [{ id: 'topic_meeting', name: '党组会专题研究意识形态工作', category: '会议学习', fields: [] }],
  rules: [],
};

const quarters = (...statuses: MatrixCell['status'][]): MatrixCell[] =>
  statuses.map((status, i) => ({
    period: `2026-Q${i + 1}`, from: ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'][i]!, to: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][i]!,
    status, count: status === 'met' ? 1 : 0,
  }));

const rule = (ruleId: string, name: string, cells: MatrixCell[], extra: Partial<MatrixRule> = {}): MatrixRule => ({
  ruleId, name, basis: `${name}的依据`, recordType: 'topic_meeting', period: 'quarter', dutyRole: 'primary', min: 1, effectiveMin: 1, enabled: true,
  override: null, cells, ...extra,
});

const MATRIX: Matrix = {
  org: { id: 'root', name: '市文旅局党组', kind: 'party_group' }, packId: 'ideology', year: 2026, today: '2026-11-29', periods: {},
  rules: [
    rule('IW-10', '每季度检查阵地', quarters('met', 'met', 'met', 'due')),
    rule('IW-01', '每季度专题研究', quarters('met', 'overdue', 'met', 'due'), {
      effectiveMin: 2, override: { orgId: 'root', orgName: '市文旅局党组', min: 2, enabled: true, reason: '省实施细则' },
    }),
  ],
};

let rendered: Rendered | undefined;
let router: AppRouter | undefined;

afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

async function openAt(path: string) {
  ({ rendered, router } = await renderApp(path));
}

function serve(roles: string[]) {
  return mockFetch({
    'GET /api/auth/session': () => ({ body: session(roles) }),
    'GET /api/packs': () => ({ body: [{ id: 'ideology', name: PACK.name, version: '1', description: null, recordTypeCount: 1, ruleCount: 2 }] }),
    'GET /api/packs/ideology': () => ({ body: PACK }),
    'GET /api/orgs': () => ({ body: { items: [ORG], total: 1 } }),
    'GET /api/compliance/matrix': () => ({ body: MATRIX }),
    'GET /api/compliance/rollup': () => ({
      body: [{ orgId: 'root', orgName: '市文旅局党组', parentId: null, depth: 0, applicable: 6, met: 4, due: 1, overdue: 1, rate: 0.6667, subtree: { applicable: 6, met: 4, due: 1, overdue: 1, rate: 0.6667 } }],
    }),
    'GET /api/reminders/settings': () => ({ body: { daysBefore: 7 } }),
    'GET /api/notifications': () => ({ body: { items: [], total: 0, unread: 0 } }),
    'GET /api/compliance/records': () => ({
      body: { items: [{ id: 'r1', title: '第一季度党组会', occurredOn: '2026-03-20', typeId: 'topic_meeting', orgId: 'root', orgName: '市文旅局党组' }], total: 1 },
    }),
  });
}

const rowNames = () => [...document.querySelectorAll('.lz-mx-row:not(.lz-mx-head) .lz-mx-name')].map((e) => e.textContent?.trim());

describe('落实情况 page', () => {
  it('lists the overdue rule first with its override beside the threshold', async () => {
    serve(['clerk']);
    await openAt('/compliance');
    await waitFor(() => expect(rowNames()).toEqual(['每季度专题研究', '每季度检查阵地']));
    expect(pageText()).toContain('每季度至少2次');
    expect(pageText()).toContain('本单位调整：每季度2次（理由：省实施细则）');
    expect(pageText()).toContain('完成率66.7%');
  });

  it('opens a cell with the records it counts, and offers the prefilled new-record form', async () => {
    const calls = serve(['clerk']);
    await openAt('/compliance');
    await waitFor(() => expect(document.querySelector('[data-cell="IW-01|2026-Q2"]')).not.toBeNull());
    await act(async () => (document.querySelector('[data-cell="IW-01|2026-Q2"]') as HTMLButtonElement).click());
    await waitFor(() => expect(pageText()).toContain('第一季度党组会'));
    expect(router!.state.location.search).toContain('ruleId=IW-01');
    expect(router!.state.location.search).toContain('period=2026-Q2');
    const records = calls.find((c) => c.url.startsWith('/api/compliance/records'))!;
    expect(Object.fromEntries(new URL(records.url, 'http://x').searchParams)).toMatchObject({ orgId: 'root', packId: 'ideology', ruleId: 'IW-01', period: '2026-Q2' });
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent === '第一季度党组会')!;
    expect(link.getAttribute('href')).toBe('/ledger/r1');
    const add = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('补录台账'))!;
    // A past quarter's record is dated on its last day, so that it counts toward that quarter.
    expect(add.getAttribute('href')).toBe('/ledger/new?packId=ideology&typeId=topic_meeting&orgId=root&occurredOn=2026-06-30');
    expect(pageText()).toContain('补录时请把日期填在本周期内（2026-04-01 至 2026-06-30）');
  });

  it('opens the cell a reminder links to, and shows no adjust or add buttons to a viewer', async () => {
    serve(['viewer']);
    await openAt('/compliance?orgId=root&packId=ideology&year=2026&ruleId=IW-01&period=2026-Q2');
    await waitFor(() => expect(pageText()).toContain('第一季度党组会'));
    expect(document.querySelector('.lz-mx-selected')?.getAttribute('data-cell')).toBe('IW-01|2026-Q2');
    expect(pageText()).not.toContain('补录台账');
    expect(document.querySelector('button[aria-label^="调整要求"]')).toBeNull();
  });
});
