// @vitest-environment happy-dom
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../app/App.tsx';
import { createQueryClient } from '../app/queryClient.ts';
import { mockFetch, pageText, render, waitFor, type Rendered } from '../testing/dom.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { badgeText, safeLink, type AppNotification } from './notifications.ts';

const notice = (id: string, readAt: string | null = null): AppNotification => ({
  id, kind: 'compliance.overdue', title: `【已逾期】市图书馆：党课（2026年第${id}季度）`, body: '市图书馆要求至少1次，实际记录0次。',
  link: `/compliance?orgId=lib&ruleId=IW-20&period=2026-Q${id}`, orgId: 'lib', createdAt: new Date().toISOString(), readAt,
});

let rendered: Rendered | undefined;
let router: ReturnType<typeof createMemoryRouter> | undefined;
let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});

afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

/** The server's notifications, changed by the read routes as the real ones are. */
function serve(items: AppNotification[], unread = items.filter((n) => !n.readAt).length) {
  const state = { items, unread };
  const calls = mockFetch({
    'GET /api/notifications': () => ({ body: { items: state.items, total: state.items.length, unread: state.unread } }),
    'POST /api/notifications/1/read': () => {
      state.items = state.items.map((n) => (n.id === '1' ? { ...n, readAt: new Date().toISOString() } : n));
      state.unread -= 1;
      return { body: { ok: true } };
    },
    'POST /api/notifications/read-all': () => {
      const count = state.unread;
      state.items = state.items.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }));
      state.unread = 0;
      return { body: { ok: true, count } };
    },
  });
  return { state, calls, polls: () => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/notifications')).length };
}

async function openBell(pollMs = 60_000) {
  router = createMemoryRouter(
    [
      { path: '/', element: <NotificationBell compact={false} pollMs={pollMs} /> },
      { path: '/compliance', element: <div>落实情况页</div> },
    ],
    { initialEntries: ['/'] },
  );
  rendered = await render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

const bell = () => document.querySelector<HTMLButtonElement>('button[aria-label^="通知"]')!;
const click = async (element: Element) => act(async () => void (element as HTMLElement).click());
const button = (text: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === text)!;

describe('notification badge', () => {
  it('shows the unread count, capped at 99+, and nothing when all are read', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(undefined)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(120)).toBe('99+');
  });

  it('counts the unread notifications from the server', async () => {
    serve([notice('1'), notice('2'), notice('3', '2026-11-01T00:00:00Z')]);
    await openBell();
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('通知，2条未读'));
    expect(bell().textContent).toContain('2');
  });

  it('drops the count when one is opened, and follows its link into the app', async () => {
    const { calls } = serve([notice('1'), notice('2')]);
    await openBell();
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('通知，2条未读'));
    await click(bell());
    await waitFor(() => expect(pageText()).toContain('2条未读'));
    await click(document.querySelector('button[aria-label^="未读：【已逾期】市图书馆：党课（2026年第1季度）"]')!);
    await waitFor(() => expect(router!.state.location.pathname).toBe('/compliance'));
    expect(router!.state.location.search).toBe('?orgId=lib&ruleId=IW-20&period=2026-Q1');
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/notifications/1/read')).toBe(true);
  });

  it('clears the badge with 全部标为已读', async () => {
    const { calls } = serve([notice('1'), notice('2')]);
    await openBell();
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('通知，2条未读'));
    await click(bell());
    await waitFor(() => expect(pageText()).toContain('全部标为已读'));
    await click(button('全部标为已读'));
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('通知'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/notifications/read-all']);
    expect(bell().querySelector('.ant-badge-count[data-show="true"]')).toBeNull();
  });

  it('asks again while the tab is visible, not while it is hidden, and at once when it comes back', async () => {
    const server = serve([notice('1')]);
    await openBell(60);
    await waitFor(() => expect(server.polls()).toBeGreaterThanOrEqual(3));

    await act(async () => {
      visibility = 'hidden';
      window.dispatchEvent(new Event('visibilitychange'));
    });
    const whileHidden = server.polls();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(server.polls()).toBe(whileHidden);

    server.state.items = [notice('1'), notice('2')];
    server.state.unread = 2;
    await act(async () => {
      visibility = 'visible';
      window.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('通知，2条未读'));
    expect(server.polls()).toBeGreaterThan(whileHidden);
  });

  it('follows only links inside the app', () => {
    expect(safeLink('/compliance?orgId=1')).toBe('/compliance?orgId=1');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('/\\evil.example')).toBeNull();
    expect(safeLink('https://evil.example')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
