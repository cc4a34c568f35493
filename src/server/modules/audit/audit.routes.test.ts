import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';
import { verifyAuditLog } from './audit.verify.ts';

describeEachDialect('audit log', (dialect) => {
  let t: TestApp;
  let auditor: Client;

  beforeEach(async () => {
    t = await createTestApp(dialect);
    await setupInstance(t.app, { demo: true });
    await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    auditor = await loggedIn(t.app, 'auditor', ADMIN_PASSWORD, 'Changed#2026pw');
  });
  afterEach(() => t.close());

  it('records writes and logins with time, actor, org, ip, action and result', async () => {
    const res = await auditor.get('/api/audit?order=asc&pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { action: string; actorName: string; ip: string; result: string; at: string; orgName: string }[];
    expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['setup.completed', 'demo.loaded', 'auth.login', 'auth.password_changed']));
    const login = items.find((e) => e.action === 'auth.login')!;
    expect(login).toMatchObject({ actorName: 'sysadmin', ip: '127.0.0.1', result: 'success', orgName: '示例市文化广电旅游局党组' });
    expect(Date.parse(login.at)).not.toBeNaN();
  });

  it('filters by action and result, and audits the auditor\'s own reading', async () => {
    await new Client(t.app).login('sysadmin', 'Wrong#pass1');
    const failed = await auditor.get('/api/audit?action=auth.login_failed');
    expect(failed.json().total).toBe(1);
    expect(failed.json().items[0]).toMatchObject({ result: 'failure', actionLabel: '登录失败' });
    const reads = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'audit.read').execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('exports the filtered log as xlsx and csv', async () => {
    const xlsx = await auditor.get('/api/audit/export?format=xlsx&action=auth.login');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('操作');
    expect(sheet.rowCount).toBe(3); // header + two logins (sysadmin, auditor)
    const csv = await auditor.get('/api/audit/export?format=csv&action=auth.login');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('verifies an untouched chain and names the first changed entry after tampering', async () => {
    const ok = await auditor.get('/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, problem: null });

    // The table refuses changes: the trigger must be dropped first, as an attacker with DB access would.
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 2`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 2`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_update`.execute(t.ctx.db);
    else await sql`DROP TRIGGER audit_log_no_update ON audit_log`.execute(t.ctx.db);
    await sql`UPDATE audit_log SET summary = ${JSON.stringify({ admins: ['mallory'] })} WHERE seq = 2`.execute(t.ctx.db);

    const bad = await auditor.get('/api/audit/verify');
    expect(bad.json()).toMatchObject({ ok: false, problem: { seq: 2, reason: 'changed' } });
  });

  it('detects a deleted entry', async () => {
    if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(t.ctx.db);
    else await sql`DROP TRIGGER audit_log_no_update ON audit_log`.execute(t.ctx.db);
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(t.ctx.db);
    const result = await verifyAuditLog(t.ctx);
    expect(result.problem).toMatchObject({ seq: 4, reason: 'missing_before' });
    expect(result.checked).toBe(2);
  });

  it('is reachable by the auditor only', async () => {
    const sysadmin = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
    const clerk = await loggedIn(t.app, 'clerk', DEMO_PASSWORD);
    for (const client of [sysadmin, clerk]) {
      expect((await client.get('/api/audit')).statusCode).toBe(403);
      expect((await client.get('/api/audit/export')).statusCode).toBe(403);
      expect((await client.get('/api/audit/verify')).statusCode).toBe(403);
    }
  });
});
