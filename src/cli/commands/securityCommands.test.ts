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
});
