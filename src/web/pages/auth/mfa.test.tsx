// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../http/types.ts';
import { mockFetch, pageText, waitFor, type Rendered } from '../../testing/dom.tsx';
import { type AppRouter, renderApp } from '../../testing/app.tsx';

const SYSADMIN = { id: 'u1', username: 'sysadmin', displayName: '系统管理员', orgId: 'root', orgName: '市文旅局党组', roles: ['sysadmin'] };

const session = (overrides: Partial<SessionInfo>): SessionInfo => ({
  authenticated: true, setupRequired: false, user: SYSADMIN, csrfToken: 'csrf', mustChangePassword: false, passwordExpired: false,
  idleTimeoutMinutes: 30, ...overrides,
});

let rendered: Rendered | undefined;
let router: AppRouter | undefined;

async function openAt(path: string) {
  ({ rendered, router } = await renderApp(path));
}

const type = (selector: string, text: string) => {
  const input = document.querySelector(selector) as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  setter.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const button = (label: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === label)!;

afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('second factor in the web app', () => {
  it('asks for the code after the password and sends both', async () => {
    let loggedIn = false;
    const calls = mockFetch({
      'GET /api/auth/session': () => ({ body: loggedIn ? session({}) : session({ authenticated: false, user: null, csrfToken: null }) }),
      'POST /api/auth/login': (init) => {
        const body = JSON.parse(String(init!.body)) as { code?: string };
        if (!body.code) return { status: 401, body: { error: { code: 'MFA_REQUIRED', message: '请输入验证器中的6位动态验证码' } } };
        if (body.code !== '123456') return { status: 401, body: { error: { code: 'BAD_MFA_CODE', message: '动态验证码不正确或已使用过' } } };
        loggedIn = true;
        return { body: { csrfToken: 'csrf' } };
      },
    });
    await openAt('/login');
    await waitFor(() => expect(document.querySelector('input#username')).not.toBeNull());
    await act(async () => type('input#username', 'sysadmin'));
    await act(async () => type('input#password', 'Admin#2026pw'));
    await act(async () => button('登录').click());
    await waitFor(() => expect(pageText()).toContain('本账号已启用双因素认证'));

    await act(async () => type('input#code', '654321'));
    await act(async () => button('验证并登录').click());
    await waitFor(() => expect(pageText()).toContain('动态验证码不正确或已使用过'));
    // Still on the code step after a wrong code.
    await act(async () => type('input#code', '123456'));
    await act(async () => button('验证并登录').click());
    await waitFor(() => expect(router!.state.location.pathname).toBe('/'));
    const logins = calls.filter((c) => c.url === '/api/auth/login').map((c) => c.body);
    expect(logins).toEqual([
      { username: 'sysadmin', password: 'Admin#2026pw' },
      { username: 'sysadmin', password: 'Admin#2026pw', code: '654321' },
      { username: 'sysadmin', password: 'Admin#2026pw', code: '123456' },
    ]);
  });

  it('keeps an administrator the policy requires a factor of on the enrolment page', async () => {
    mockFetch({
      'GET /api/auth/session': () => ({ body: session({ mfaEnrolmentRequired: true }) }),
      'GET /api/auth/mfa': () => ({ body: { enrolled: false, pending: false, eligible: true, required: true } }),
      'POST /api/auth/mfa/enrol': () => ({ body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/%E5%B1%A5%E8%81%8C:sysadmin?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } }),
    });
    await openAt('/accounts');
    await waitFor(() => expect(router!.state.location.pathname).toBe('/mfa-enrol'));
    await waitFor(() => expect(pageText()).toContain('安全策略要求管理员账号使用双因素认证'));
    const generate = await waitFor(() => {
      const found = button('生成密钥');
      expect(found).toBeDefined();
      return found;
    });
    await act(async () => generate.click());
    await waitFor(() => expect(pageText()).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP'));
    expect(pageText()).toContain('otpauth://totp/');
  });
});
