import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';

const NEW_PASSWORD = 'Changed#2026pw';

describeEachDialect('accounts and the three administrators', (dialect) => {
  let t: TestApp;
  let rootId: string;
  let sysadmin: Client;
  let secadmin: Client;
  let auditor: Client;

  beforeEach(async () => {
    t = await createTestApp(dialect);
    rootId = (await setupInstance(t.app, { demo: true })).orgId;
    sysadmin = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    secadmin = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD, NEW_PASSWORD);
    auditor = await loggedIn(t.app, 'auditor', ADMIN_PASSWORD, NEW_PASSWORD);
  });
  afterEach(() => t.close());

  const idOf = async (username: string) =>
    (await t.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('lets the sysadmin create an account without roles, which must change its password first', async () => {
    const res = await sysadmin.post('/api/users', { username: 'zhang.san', displayName: '张三', orgId: rootId, password: 'Initial#2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'zhang.san', roles: [], mustChangePassword: true });
    const user = await loggedIn(t.app, 'zhang.san', 'Initial#2026');
    expect((await user.get('/api/orgs')).json().error.code).toBe('MUST_CHANGE_PASSWORD');
  });

  it('keeps the three administrators apart', async () => {
    const clerkId = await idOf('clerk');
    // The sysadmin cannot grant roles or read the audit log.
    expect((await sysadmin.put(`/api/users/${clerkId}/roles`, { roles: ['viewer'] })).statusCode).toBe(403);
    expect((await sysadmin.get('/api/audit')).statusCode).toBe(403);
    // The secadmin cannot create accounts or read the audit log.
    expect((await secadmin.post('/api/users', { username: 'x1', displayName: 'x', orgId: rootId, password: 'Initial#2026' })).statusCode).toBe(403);
    expect((await secadmin.get('/api/audit')).statusCode).toBe(403);
    // The auditor cannot change anything.
    expect((await auditor.put(`/api/users/${clerkId}/roles`, { roles: ['viewer'] })).statusCode).toBe(403);
    expect((await auditor.post(`/api/users/${clerkId}/disable`)).statusCode).toBe(403);
    expect((await auditor.put('/api/settings/security-policy', { passwordMinLength: 10 })).statusCode).toBe(403);
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    // No account may hold two administrator roles, or an administrator role with a business role.
    for (const roles of [['sysadmin', 'secadmin'], ['auditor', 'clerk'], ['secadmin', 'auditor']]) {
      const res = await secadmin.put(`/api/users/${clerkId}/roles`, { roles });
      expect(res.statusCode, roles.join('+')).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'ROLE_SEPARATION', field: 'roles' });
    }
    const granted = await secadmin.put(`/api/users/${clerkId}/roles`, { roles: ['clerk', 'leader'] });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual(['clerk', 'leader']);
    const denials = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'authz.denied').execute();
    expect(denials.length).toBeGreaterThanOrEqual(7);
  });

  it('refuses to take the last secadmin role away and to edit one\'s own roles', async () => {
    const secId = await idOf('secadmin');
    const self = await secadmin.put(`/api/users/${secId}/roles`, { roles: [] });
    expect(self.statusCode).toBe(422);
    const sysId = await idOf('sysadmin');
    const last = await secadmin.put(`/api/users/${sysId}/roles`, { roles: ['viewer'] });
    expect(last.statusCode).toBe(422);
    expect(last.json().error.code).toBe('LAST_ADMIN');
  });

  it('resets a password to an initial one and lets the secadmin unlock', async () => {
    const clerkId = await idOf('clerk');
    for (let i = 0; i < 5; i++) await new Client(t.app).login('clerk', 'Wrong#pass1');
    let list = await secadmin.get('/api/users?status=locked');
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['clerk']);
    expect((await secadmin.post(`/api/users/${clerkId}/unlock`)).statusCode).toBe(200);
    list = await secadmin.get('/api/users?status=locked');
    expect(list.json().total).toBe(0);
    await loggedIn(t.app, 'clerk', DEMO_PASSWORD);

    const reset = await sysadmin.post(`/api/users/${clerkId}/reset-password`, { password: 'Reset#2026pw' });
    expect(reset.statusCode).toBe(200);
    const clerk = await loggedIn(t.app, 'clerk', 'Reset#2026pw');
    expect((await clerk.get('/api/auth/session')).json().mustChangePassword).toBe(true);
  });

  it('disables an account and ends its sessions', async () => {
    const clerk = await loggedIn(t.app, 'clerk', DEMO_PASSWORD);
    const clerkId = await idOf('clerk');
    expect((await sysadmin.post(`/api/users/${clerkId}/disable`)).statusCode).toBe(200);
    expect((await clerk.get('/api/auth/session')).json().authenticated).toBe(false);
    expect((await loggedIn(t.app, 'clerk', DEMO_PASSWORD).catch((e: Error) => e.message))).toContain('401');
  });

  it('lists accounts with search, role filter, sorting and pages', async () => {
    const byRole = await sysadmin.get('/api/users?role=liaison&sort=username&order=asc');
    expect(byRole.json().items.map((u: { username: string }) => u.username)).toEqual(['library', 'office', 'publicity']);
    const page = await sysadmin.get('/api/users?pageSize=3&page=2&sort=username');
    expect(page.json().items).toHaveLength(3);
    expect(page.json().total).toBe(11);
    const search = await sysadmin.get(`/api/users?q=${encodeURIComponent('郑雅')}`);
    expect(search.json().items.map((u: { username: string }) => u.username)).toEqual(['clerk']);
    expect((await sysadmin.get('/api/users?pageSize=500')).statusCode).toBe(400);
  });

  it('limits a subordinate unit\'s view of accounts to its own subtree', async () => {
    const libraryOrg = await t.ctx.db.selectFrom('org').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow();
    const localAdmin = await sysadmin.post('/api/users', { username: 'lib.admin', displayName: '馆管理员', orgId: libraryOrg.id, password: 'Initial#2026' });
    const secId = await idOf('secadmin');
    // Grant sysadmin to the library admin: it then sees only the library's accounts.
    const sysAdminsBefore = await secadmin.put(`/api/users/${localAdmin.json().id}/roles`, { roles: ['sysadmin'] });
    expect(sysAdminsBefore.statusCode).toBe(200);
    const lib = await loggedIn(t.app, 'lib.admin', 'Initial#2026', NEW_PASSWORD);
    const list = await lib.get('/api/users?pageSize=100');
    expect(list.json().items.map((u: { username: string }) => u.username).sort()).toEqual(['lib.admin', 'library']);
    const other = await lib.patch(`/api/users/${secId}`, { displayName: '改名' });
    expect(other.statusCode).toBe(404);
    const row = await t.ctx.db.selectFrom('app_user').select('display_name').where('id', '=', secId).executeTakeFirstOrThrow();
    expect(row.display_name).toBe('安全管理员');
  });
});
