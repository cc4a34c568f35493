import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/auth/passwordPolicy.ts';
import { fromJson } from '../../db/database.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, loggedIn, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';

describeEachDialect('security policy', (dialect) => {
  let t: TestApp;
  let secadmin: Client;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await setupInstance(t.app);
    secadmin = await loggedIn(t.app, 'secadmin', ADMIN_PASSWORD, 'Changed#2026pw');
  });
  afterEach(() => t.close());

  it('ships the 等保三级 defaults and lets the secadmin change them, audited', async () => {
    expect((await secadmin.get('/api/settings/security-policy')).json()).toEqual(DEFAULT_POLICY);
    const res = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, lockoutThreshold: 3 });
    expect(res.statusCode).toBe(200);
    for (let i = 0; i < 3; i++) await new Client(t.app).login('sysadmin', 'Wrong#pass1');
    expect((await new Client(t.app).login('sysadmin', ADMIN_PASSWORD)).statusCode).toBe(423);
    const entry = await t.ctx.db.selectFrom('audit_log').select('summary').where('action', '=', 'policy.update').executeTakeFirstOrThrow();
    expect(fromJson(entry.summary)).toEqual({ lockoutThreshold: { from: 5, to: 3 } });
  });

  it('refuses values outside the bounds, naming the field', async () => {
    const res = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, passwordMinLength: 4 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('passwordMinLength');
    expect(res.json().error.message).toContain('密码最小长度不能小于8');
    const extra = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, auditEnabled: false });
    expect(extra.statusCode).toBe(400);
  });

  it('keeps the audit log retention at 180 days or more (SEC-21)', async () => {
    expect(DEFAULT_POLICY.auditRetentionDays).toBe(180);
    const short = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, auditRetentionDays: 90 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ field: 'auditRetentionDays', message: expect.stringContaining('审计日志保存期限（天）不能小于180') });
    const longer = await secadmin.put('/api/settings/security-policy', { ...DEFAULT_POLICY, auditRetentionDays: 365 });
    expect(longer.statusCode).toBe(200);
    expect((await secadmin.get('/api/settings/security-policy')).json().auditRetentionDays).toBe(365);
  });

  it('lets the sysadmin read but not change the policy', async () => {
    const sysadmin = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    expect((await sysadmin.get('/api/settings/security-policy')).statusCode).toBe(200);
    expect((await sysadmin.put('/api/settings/security-policy', DEFAULT_POLICY)).statusCode).toBe(403);
  });
});
