import type { InjectOptions } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/auth/passwordPolicy.ts';
import { fromJson } from '../../db/database.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, DEMO_PASSWORD, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';
import type { App } from '../../app.ts';

/** A client behind the reverse proxy: the proxy (127.0.0.1, trusted) reports `ip` in X-Forwarded-For. */
class ProxiedClient extends Client {
  constructor(app: App, public ip: string) {
    super(app);
  }
  override request(opts: InjectOptions) {
    return super.request({ ...opts, headers: { ...(opts.headers as Record<string, string> | undefined), 'x-forwarded-for': this.ip } });
  }
}

const OFFICE = '10.1.2.3';
const CAFE = '192.168.1.5';

describeEachDialect('SEC-12 administrators IP allowlist', (dialect) => {
  let t: TestApp;
  afterEach(() => t.close());

  const start = async (trustProxy: number | false = 1) => {
    t = await createTestApp(dialect, { config: { trustProxy } });
    await setupInstance(t.app, { demo: true });
  };
  const as = async (username: string, password: string, ip: string) => {
    const client = new ProxiedClient(t.app, ip);
    const res = await client.login(username, password);
    return { client, res };
  };
  const audits = async (action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select(['actor_name as username', 'ip', 'summary', 'result']).where('action', '=', action).orderBy('seq').execute()).map(
      (r) => ({ ...r, summary: fromJson<Record<string, unknown>>(r.summary) }),
    );

  it('refuses the three administrators outside the list, audited, and leaves business users alone', async () => {
    await start();
    const { client: secadmin } = await as('secadmin', ADMIN_PASSWORD, OFFICE);
    await secadmin.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed#2026pw' });
    const saved = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, adminIpAllowlist: ['10.0.0.0/8', ' 10.1.2.3 ', '2001:db8::/32'] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().adminIpAllowlist).toEqual(['10.0.0.0/8', '10.1.2.3/32', '2001:db8::/32']);
    expect((await audits('policy.update'))[0]!.summary).toMatchObject({ adminIpAllowlist: { from: [], to: ['10.0.0.0/8', '10.1.2.3/32', '2001:db8::/32'] } });

    // Through the trusted proxy, an administrator from outside: refused after the password, audited.
    const outside = await as('sysadmin', ADMIN_PASSWORD, CAFE);
    expect(outside.res.statusCode).toBe(403);
    expect(outside.res.json().error.code).toBe('IP_NOT_ALLOWED');
    expect(outside.res.json().error.message).toContain('管理员账号不允许从当前网络地址登录');
    expect(await audits('auth.ip_denied')).toEqual([expect.objectContaining({ username: 'sysadmin', ip: CAFE, result: 'denied', summary: { ip: CAFE } })]);
    // A wrong password from outside is the ordinary wrong password: the list tells a stranger nothing.
    expect((await as('sysadmin', 'Wrong#pass1', CAFE)).res.statusCode).toBe(401);
    expect((await as('nobody', 'Wrong#pass1', CAFE)).res.statusCode).toBe(401);
    // Refusals by the list are not password failures: no lockout creeps up.
    for (let i = 0; i < 6; i++) await as('auditor', ADMIN_PASSWORD, CAFE);
    expect((await as('auditor', ADMIN_PASSWORD, '10.200.0.1')).res.statusCode).toBe(200);
    expect((await as('sysadmin', ADMIN_PASSWORD, '2001:db8::7')).res.statusCode).toBe(200);

    // A session opened inside stops working when its administrator moves outside.
    const inside = await as('sysadmin', ADMIN_PASSWORD, '10.9.9.9');
    expect((await inside.client.get('/api/users')).statusCode).toBe(200);
    inside.client.ip = CAFE;
    const moved = await inside.client.get('/api/users');
    expect(moved.statusCode).toBe(403);
    expect(moved.json().error.code).toBe('IP_NOT_ALLOWED');
    expect(await audits('authz.ip_denied')).toEqual([expect.objectContaining({ username: 'sysadmin', ip: CAFE, summary: expect.objectContaining({ ip: CAFE, route: '/api/users' }) })]);
    // It can still be ended from there, and is gone when the administrator is back inside.
    expect((await inside.client.post('/api/auth/logout')).statusCode).toBe(200);
    inside.client.ip = '10.9.9.9';
    expect((await inside.client.get('/api/users')).statusCode).toBe(401);

    // Business users log in and work from anywhere.
    const clerk = await as('secretary', DEMO_PASSWORD, CAFE);
    expect(clerk.res.statusCode).toBe(200);
    expect((await clerk.client.get('/api/auth/session')).json().authenticated).toBe(true);

    // An empty list lifts the restriction.
    expect((await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, adminIpAllowlist: [] })).statusCode).toBe(200);
    expect((await as('sysadmin', ADMIN_PASSWORD, CAFE)).res.statusCode).toBe(200);
  });

  it('will not save a list that shuts out the security administrator saving it', async () => {
    await start();
    const { client: secadmin } = await as('secadmin', ADMIN_PASSWORD, OFFICE);
    await secadmin.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed#2026pw' });
    const res = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, adminIpAllowlist: ['192.168.0.0/16'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ALLOWLIST_EXCLUDES_SELF', field: 'adminIpAllowlist' });
    expect(res.json().error.message).toContain(`您当前的IP地址（${OFFICE}）`);
    expect((await secadmin.get('/api/settings/security-policy')).json().adminIpAllowlist).toEqual([]);
    expect(await audits('policy.update_refused')).toEqual([expect.objectContaining({ username: 'secadmin', summary: { reason: 'allowlist_excludes_self', ip: OFFICE } })]);

    const bad = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, adminIpAllowlist: ['10.0.0.0/33'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不是有效的IP地址或网段');
  });

  it('does not take X-Forwarded-For from a client that is no trusted proxy', async () => {
    await start(false);
    const { client: secadmin } = await as('secadmin', ADMIN_PASSWORD, OFFICE);
    await secadmin.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed#2026pw' });
    // The header claims the office; the connection comes from 127.0.0.1, which the list leaves out.
    const res = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, adminIpAllowlist: ['10.0.0.0/8'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('127.0.0.1');
    expect((await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, adminIpAllowlist: ['127.0.0.1'] })).statusCode).toBe(200);
    expect((await as('sysadmin', ADMIN_PASSWORD, CAFE)).res.statusCode).toBe(200);
  });
});
