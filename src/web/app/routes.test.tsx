// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../http/types.ts';
import { mockFetch, pageText, waitFor, type Rendered } from '../testing/dom.tsx';
import { type AppRouter, renderApp } from '../testing/app.tsx';

const SECADMIN = { id: 'u2', username: 'secadmin', displayName: '安全管理员', orgId: 'root', orgName: '市文旅局党组', roles: ['secadmin'] };

function session(overrides: Partial<SessionInfo>): SessionInfo {
  return {
    authenticated: true, setupRequired: false, user: SECADMIN, csrfToken: 'csrf', mustChangePassword: false, passwordExpired: false,
    idleTimeoutMinutes: 30, ...overrides,
  };
}

let rendered: Rendered | undefined;
let router: AppRouter | undefined;

async function openAt(path: string) {
  ({ rendered, router } = await renderApp(path));
}

afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('route guards', () => {
  it('keeps a user who must change the password on the change-password page', async () => {
    const calls = mockFetch({ 'GET /api/auth/session': () => ({ body: session({ mustChangePassword: true }) }) });
    await openAt('/accounts');
    await waitFor(() => expect(router!.state.location.pathname).toBe('/change-password'));
    await waitFor(() => expect(pageText()).toContain('请先设置您自己的密码'));
    expect(calls.some((c) => c.url.startsWith('/api/users'))).toBe(false);
  });

  it('sends the user to the password page when the server says a change is due mid-session', async () => {
    let forced = false;
    mockFetch({
      'GET /api/auth/session': () => ({ body: session({ passwordExpired: forced }) }),
      'GET /api/users': () => {
        forced = true;
        return { status: 403, body: { error: { code: 'PASSWORD_EXPIRED', message: '密码已过期，请修改密码' } } };
      },
    });
    await openAt('/accounts');
    await waitFor(() => expect(router!.state.location.pathname).toBe('/change-password'));
    await waitFor(() => expect(pageText()).toContain('您的密码已过期'));
  });

  it('shows the first-run page on an empty installation', async () => {
    mockFetch({ 'GET /api/auth/session': () => ({ body: session({ authenticated: false, setupRequired: true, user: null }) }) });
    await openAt('/');
    await waitFor(() => expect(router!.state.location.pathname).toBe('/setup'));
    await waitFor(() => expect(pageText()).toContain('三员分立'));
  });

  it('sends a signed-out visitor to login and remembers where they were going', async () => {
    mockFetch({ 'GET /api/auth/session': () => ({ body: session({ authenticated: false, user: null }) }) });
    await openAt('/people?q=张');
    await waitFor(() => expect(router!.state.location.pathname).toBe('/login'));
    expect(router!.state.location.state).toEqual({ from: '/people?q=张' });
  });

  it('tells the user the session timed out when a request finds it expired', async () => {
    let expired = false;
    mockFetch({
      'GET /api/auth/session': () => ({ body: expired ? session({ authenticated: false, user: null }) : session({}) }),
      'GET /api/users': () => {
        expired = true;
        return { status: 401, body: { error: { code: 'SESSION_EXPIRED', message: '会话已超时，请重新登录' } } };
      },
    });
    await openAt('/accounts');
    await waitFor(() => expect(router!.state.location.pathname).toBe('/login'));
    await waitFor(() => expect(pageText()).toContain('会话已超时，请重新登录'));
  });

  it('shows the security administrator a 403 page for the audit log', async () => {
    mockFetch({ 'GET /api/auth/session': () => ({ body: session({}) }) });
    await openAt('/audit');
    await waitFor(() => expect(pageText()).toContain('没有权限'));
    expect(pageText()).toContain('账号管理');
  });
});
