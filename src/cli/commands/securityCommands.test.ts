import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { type CliSandbox, createSandbox } from '../../../test/support/cliHarness.ts';

describeEachDialect('lvzhi security commands', (dialect) => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await createSandbox(dialect);
    expect((await box.run('demo', '--password', 'Sample#2026pw')).code).toBe(0);
  });
  afterEach(() => box.dispose());

  async function withDb<T>(fn: (db: ReturnType<CliSandbox['open']>['db']) => Promise<T>): Promise<T> {
    const handle = box.open();
    try {
      return await fn(handle.db);
    } finally {
      await handle.close();
    }
  }

  it("user reset-2fa removes an account's second factor, ends its sessions and audits it", async () => {
    const user = await withDb(async (db) => {
      const row = await db.selectFrom('app_user').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      await db.insertInto('user_totp').values({ user_id: row.id, secret: 'v1:a:b:c', confirmed_at: at, last_step: 1, created_at: at }).execute();
      await db.insertInto('session').values({ id: 's1', user_id: row.id, csrf_token: 't', created_at: at, last_seen_at: at, expires_at: '2999-01-01T00:00:00.000Z', ip: null, user_agent: null }).execute();
      return row;
    });
    const { code, stdout } = await box.run('user', 'reset-2fa', '--username', 'leader');
    expect(code).toBe(0);
    expect(stdout).toBe('second factor of leader removed; sessions ended\n');
    await withDb(async (db) => {
      expect(await db.selectFrom('user_totp').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('session').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
      const entry = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ action: 'auth.mfa_reset', actor_name: 'cli', target_id: user.id });
    });
    const again = await box.run('user', 'reset-2fa', '--username', 'leader');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('该账号未绑定动态验证码');
  });

  it('files verify re-hashes the stored evidence and exits 4 naming a changed file', async () => {
    const ok = await box.run('files', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^files OK: 1 files \(\d+ attachments\)\n$/);

    const sm3 = await withDb(async (db) => (await db.selectFrom('attachment').select('sm3').executeTakeFirstOrThrow()).sm3);
    const file = path.join(box.dataDir, 'files', sm3.slice(0, 2), sm3);
    fs.appendFileSync(file, 'x');
    const broken = await box.run('files', 'verify', '--json');
    expect(broken.code).toBe(4);
    const report = JSON.parse(broken.stdout) as { ok: boolean; files: number; problems: { sm3: string; problem: string; attachments: unknown[] }[] };
    expect(report).toMatchObject({ ok: false, files: 1, problems: [{ sm3, problem: 'changed' }] });
    await withDb(async (db) => {
      const integrity = await db.selectFrom('audit_log').select(['actor_name', 'result']).where('action', '=', 'file.integrity').execute();
      expect(integrity).toHaveLength(report.problems[0]!.attachments.length);
      expect(integrity[0]).toEqual({ actor_name: 'cli', result: 'failure' });
    });
    fs.rmSync(file);
    const missing = await box.run('files', 'verify');
    expect(missing.code).toBe(4);
    expect(missing.stdout).toContain(`MISSING ${sm3}: 演示佐证材料.pdf`);
    expect(missing.stdout).toContain('files BROKEN: 1 of 1 files missing or changed');
  });

  it('policy admin-ip shows the allowlist and clears it, audited, when the administrators are shut out', async () => {
    expect((await box.run('policy', 'admin-ip')).stdout).toBe('administrators IP allowlist: empty (no restriction)\n');
    await withDb(async (db) => {
      await db.insertInto('setting').values({ key: 'security.policy', value: JSON.stringify({ adminIpAllowlist: ['10.0.0.0/8'] }), updated_at: new Date().toISOString(), updated_by: null }).execute();
    });
    expect(JSON.parse((await box.run('policy', 'admin-ip', '--json')).stdout)).toEqual({ adminIpAllowlist: ['10.0.0.0/8'] });
    const cleared = await box.run('policy', 'admin-ip', '--clear');
    expect(cleared).toMatchObject({ code: 0, stdout: 'administrators IP allowlist cleared: administrators may log in from anywhere\n' });
    await withDb(async (db) => {
      const entry = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ action: 'policy.update', actor_name: 'cli' });
    });
    expect(JSON.parse((await box.run('policy', 'admin-ip', '--json')).stdout)).toEqual({ adminIpAllowlist: [] });
  });
});
