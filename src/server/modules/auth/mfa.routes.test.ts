import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/auth/passwordPolicy.ts';
import { advanceClock, now, resetClock } from '../../platform/clock.ts';
import { totpCode } from '../../platform/totp.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';

const NEW_PASSWORD = 'Changed#2026pw';

describeEachDialect('SEC-11 second factor for the administrators', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await setupInstance(t.app, { demo: true });
  });
  afterEach(async () => {
    resetClock();
    await t.close();
  });

  const actions = async (action: string) => t.ctx.db.selectFrom('audit_log').select(['actor_name', 'summary', 'result']).where('action', '=', action).execute();
  const login = (username: string, password: string, code?: string) => {
    const client = new Client(t.app);
    return client.request({ method: 'POST', url: '/api/auth/login', payload: code === undefined ? { username, password } : { username, password, code } }).then((res) => {
      if (res.statusCode === 200) client.csrfToken = res.json().csrfToken;
      return { client, res };
    });
  };
  /** Enrols an administrator's client; returns the base32 secret. */
  const enrol = async (client: Client): Promise<string> => {
    const started = await client.post('/api/auth/mfa/enrol');
    expect(started.statusCode).toBe(200);
    const { secret } = started.json();
    expect((await client.post('/api/auth/mfa/confirm', { code: await totpCode(secret) })).statusCode).toBe(200);
    return secret;
  };
  const userId = async (username: string) =>
    (await t.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('enrols with a sealed secret and a first code, then asks every login for a fresh code', async () => {
    const secadmin = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD, NEW_PASSWORD);
    expect((await secadmin.get('/api/auth/mfa')).json()).toEqual({ enrolled: false, pending: false, eligible: true, required: false });
    const started = await secadmin.post('/api/auth/mfa/enrol');
    const { secret, uri } = started.json();
    expect(started.headers['cache-control']).toBe('no-store');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+:secadmin\?secret=[A-Z2-7]{32}/);
    // Sealed at rest like other personal data: the database never holds the secret itself.
    const stored = await t.ctx.db.selectFrom('user_totp').select('secret').executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain(secret);
    expect((await secadmin.get('/api/auth/mfa')).json()).toMatchObject({ enrolled: false, pending: true });

    const wrong = await secadmin.post('/api/auth/mfa/confirm', { code: (Number(await totpCode(secret)) ^ 1).toString().padStart(6, '0') });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.field).toBe('code');
    const confirmCode = await totpCode(secret);
    expect((await secadmin.post('/api/auth/mfa/confirm', { code: confirmCode })).statusCode).toBe(200);
    expect((await secadmin.get('/api/auth/mfa')).json()).toMatchObject({ enrolled: true, pending: false });
    // A factor in force cannot be swapped from a session: only the reset removes it.
    expect((await secadmin.post('/api/auth/mfa/enrol')).statusCode).toBe(409);

    // The password alone is not enough, and says so without opening a session.
    const passwordOnly = await login('secadmin', NEW_PASSWORD);
    expect(passwordOnly.res.statusCode).toBe(401);
    expect(passwordOnly.res.json().error.code).toBe('MFA_REQUIRED');
    expect(passwordOnly.res.cookies).toEqual([]);
    // The code that confirmed enrolment is spent: the same time step never opens a session.
    const replay = await login('secadmin', NEW_PASSWORD, confirmCode);
    expect(replay.res.statusCode).toBe(401);
    expect(replay.res.json().error.code).toBe('BAD_MFA_CODE');

    advanceClock(30_000);
    const code = await totpCode(secret);
    const ok = await login('secadmin', NEW_PASSWORD, code);
    expect(ok.res.statusCode).toBe(200);
    expect((await ok.client.get('/api/settings/security-policy')).statusCode).toBe(200);
    // Reused at once: refused.
    expect((await login('secadmin', NEW_PASSWORD, code)).res.json().error.code).toBe('BAD_MFA_CODE');
    // Expired: a code of two steps ago.
    advanceClock(30_000);
    const old = await totpCode(secret, new Date(now().getTime() - 60_000));
    expect((await login('secadmin', NEW_PASSWORD, old)).res.json().error.code).toBe('BAD_MFA_CODE');
    // A wrong password with a right code is the ordinary wrong password.
    expect((await login('secadmin', 'Wrong#pass1', await totpCode(secret))).res.json().error.code).toBe('BAD_CREDENTIALS');

    const failures = await actions('auth.mfa_failed');
    expect(failures.map((f) => f.actor_name)).toEqual(['secadmin', 'secadmin', 'secadmin', 'secadmin']);
    expect(await actions('auth.mfa_enrolled')).toHaveLength(1);
  });

  it('counts wrong codes toward the lockout', async () => {
    const sysadmin = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const secret = await enrol(sysadmin);
    advanceClock(30_000);
    for (let i = 0; i < DEFAULT_POLICY.lockoutThreshold; i++) {
      expect((await login('sysadmin', ADMIN_PASSWORD, '000000')).res.statusCode).toBe(401);
    }
    const locked = await login('sysadmin', ADMIN_PASSWORD, await totpCode(secret));
    expect(locked.res.statusCode).toBe(423);
    expect(await actions('auth.mfa_failed')).toHaveLength(DEFAULT_POLICY.lockoutThreshold);
    expect(await actions('auth.lockout')).toHaveLength(1);
    advanceClock(DEFAULT_POLICY.lockoutMinutes * 60_000);
    expect((await login('sysadmin', ADMIN_PASSWORD, await totpCode(secret))).res.statusCode).toBe(200);
  });

  it('with the policy switch on, sends an administrator without a factor to enrolment first', async () => {
    const secadmin = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD, NEW_PASSWORD);
    expect((await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, requireAdminMfa: true })).statusCode).toBe(200);
    // The secadmin's own session too: nothing but enrolment until enrolled.
    const blocked = await secadmin.get('/api/settings/security-policy');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');

    const { client: sysadmin } = await login('sysadmin', ADMIN_PASSWORD);
    expect((await sysadmin.get('/api/auth/session')).json()).toMatchObject({ authenticated: true, mfaEnrolmentRequired: true });
    expect((await sysadmin.get('/api/users')).json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
    expect((await sysadmin.get('/api/auth/mfa')).json()).toMatchObject({ required: true, enrolled: false });
    await enrol(sysadmin);
    expect((await sysadmin.get('/api/auth/session')).json().mfaEnrolmentRequired).toBe(false);
    expect((await sysadmin.get('/api/users')).statusCode).toBe(200);

    // Business users neither need nor may enrol.
    const { client: clerk } = await login('secretary', DEMO_PASSWORD);
    expect((await clerk.get('/api/auth/session')).json().mfaEnrolmentRequired).toBe(false);
    expect((await clerk.post('/api/auth/mfa/enrol')).statusCode).toBe(403);
  });

  it("lets the secadmin reset another administrator's factor, audited, ending its sessions", async () => {
    const secadmin = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD, NEW_PASSWORD);
    const sysadmin = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    await enrol(sysadmin);
    const sysadminId = await userId('sysadmin');
    const listed = (await secadmin.get('/api/users?pageSize=100')).json().items.find((a: { username: string }) => a.username === 'sysadmin');
    expect(listed.mfaEnrolled).toBe(true);

    expect((await sysadmin.post(`/api/users/${sysadminId}/mfa/reset`)).statusCode).toBe(403);
    expect((await secadmin.post(`/api/users/${await userId('secadmin')}/mfa/reset`)).statusCode).toBe(422);
    const reset = await secadmin.post(`/api/users/${sysadminId}/mfa/reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnrolled).toBe(false);
    expect(await actions('auth.mfa_reset')).toEqual([expect.objectContaining({ actor_name: 'secadmin', result: 'success' })]);
    expect((await sysadmin.get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await login('sysadmin', ADMIN_PASSWORD)).res.statusCode).toBe(200);
    // Nothing left to reset.
    expect((await secadmin.post(`/api/users/${sysadminId}/mfa/reset`)).statusCode).toBe(409);
  });
});
