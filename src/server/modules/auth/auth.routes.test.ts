import { afterEach, beforeEach, expect, it } from 'vitest';
import { advanceClock, resetClock } from '../../platform/clock.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, loggedIn, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';

describeEachDialect('auth routes', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await setupInstance(t.app);
  });
  afterEach(async () => {
    resetClock();
    await t.close();
  });

  const auditActions = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);

  it('logs in, reports the session, and logs out server-side', async () => {
    const client = new Client(t.app);
    const before = await client.get('/api/auth/session');
    expect(before.json()).toMatchObject({ authenticated: false, setupRequired: false });

    const res = await client.login('sysadmin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const session = await client.get('/api/auth/session');
    expect(session.json()).toMatchObject({ authenticated: true, user: { username: 'sysadmin', roles: ['sysadmin'] } });

    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    // Replaying the old cookie after logout gets nothing.
    const replay = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: cookie! } });
    expect(replay.statusCode).toBe(401);
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it('rotates the session id at every login', async () => {
    const a = new Client(t.app);
    await a.login('sysadmin', ADMIN_PASSWORD);
    const first = a.cookie;
    await a.login('sysadmin', ADMIN_PASSWORD);
    expect(a.cookie).not.toBe(first);
  });

  it('answers unknown users and wrong passwords alike', async () => {
    const unknown = await new Client(t.app).login('nobody', 'Whatever#123');
    const wrong = await new Client(t.app).login('sysadmin', 'Whatever#123');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.message).toBe('用户名或密码错误');
  });

  it('locks the account after 5 failures, even against the right password, for 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await new Client(t.app).login('sysadmin', 'Wrong#pass1')).statusCode).toBe(401);
    const locked = await new Client(t.app).login('sysadmin', ADMIN_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('LOCKED');
    advanceClock(14 * 60_000);
    expect((await new Client(t.app).login('sysadmin', ADMIN_PASSWORD)).statusCode).toBe(423);
    advanceClock(2 * 60_000);
    expect((await new Client(t.app).login('sysadmin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.lockout')).toHaveLength(1);
  });

  it('ends a session idle for 30 minutes and deletes it', async () => {
    const client = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    advanceClock(29 * 60_000);
    expect((await client.get('/api/auth/sessions')).statusCode).toBe(200);
    advanceClock(31 * 60_000);
    const res = await client.get('/api/auth/sessions');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    const rows = await t.ctx.db.selectFrom('session').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  it('ends a session after 8 hours even while it is in use', async () => {
    const client = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    for (let i = 0; i < 16; i++) {
      advanceClock(29 * 60_000);
      expect((await client.get('/api/auth/sessions')).statusCode).toBe(200);
    }
    advanceClock(20 * 60_000);
    expect((await client.get('/api/auth/sessions')).statusCode).toBe(401);
  });

  it('rejects a state-changing request without the CSRF token, or from another origin', async () => {
    const client = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const noToken = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': '' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    const evil = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'http://evil.example' } });
    expect(evil.statusCode).toBe(403);
    const ok = await client.post('/api/auth/logout');
    expect(ok.statusCode).toBe(200);
  });

  it('makes an administrator-issued password be changed before anything else', async () => {
    const client = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD);
    const session = await client.get('/api/auth/session');
    expect(session.json().mustChangePassword).toBe(true);
    const blocked = await client.get('/api/settings/security-policy');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('MUST_CHANGE_PASSWORD');
  });

  it('refuses a new password that breaks the policy, naming the field', async () => {
    const client = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD);
    const cases: [string, string][] = [
      ['Ab1!', 'TOO_SHORT'],
      ['abcdefgh1', 'TOO_FEW_CLASSES'],
      [ADMIN_PASSWORD, 'PASSWORD_REUSED'],
    ];
    for (const [candidate, code] of cases) {
      const res = await client.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: candidate });
      expect(res.statusCode, candidate).toBe(422);
      expect(res.json().error.field).toBe('newPassword');
      expect(JSON.stringify(res.json().error)).toContain(code);
    }
  });

  it('ends the other sessions when the password changes', async () => {
    const a = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const b = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const res = await a.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Another#Pw2026' });
    expect(res.statusCode).toBe(200);
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await a.get('/api/auth/sessions')).statusCode).toBe(200);
  });

  it('names the field of a malformed login body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'password' });
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(broken.statusCode).toBe(400);
  });

  it('lists one\'s own sessions and ends another one', async () => {
    const a = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const b = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const list = (await a.get('/api/auth/sessions')).json() as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current)!;
    expect((await a.delete(`/api/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await a.delete(`/api/auth/sessions/${other.id}`)).statusCode).toBe(404);
    expect(await auditActions()).toContain('auth.session_ended');
  });

  it('sends a user whose password is older than 90 days to change it', async () => {
    await t.ctx.db.updateTable('app_user').set({ password_changed_at: new Date(Date.now() - 91 * 86_400_000).toISOString() }).where('username', '=', 'sysadmin').execute();
    const client = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    expect((await client.get('/api/auth/session')).json().passwordExpired).toBe(true);
    const blocked = await client.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_EXPIRED');
    await client.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Renewed#2026pw' });
    expect((await client.get('/api/users')).statusCode).toBe(200);
  });

  it('throttles login attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await new Client(t.app).login(`nobody${i}`, 'Whatever#123')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const res = await new Client(t.app).login('nobody', 'Whatever#123');
    expect(res.json().error.message).toBe('请求过于频繁，请稍后再试');
  });

  it('does not let the page\'s background polls keep an idle session alive', async () => {
    const client = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const poll = () => client.request({ method: 'GET', url: '/api/auth/sessions', headers: { 'x-lvzhi-background': '1' } });
    for (let i = 0; i < 4; i++) {
      advanceClock(7 * 60_000);
      expect((await poll()).statusCode).toBe(200);
    }
    // 31 minutes of polls alone: the session has been idle all along.
    advanceClock(3 * 60_000);
    expect((await poll()).statusCode).toBe(401);
  });
});
