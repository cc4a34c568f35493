import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { type CliSandbox, createSandbox } from '../../../test/support/cliHarness.ts';
import { newId } from '../../server/platform/ids.ts';

const PASSWORD = 'Strong#2026pw';

describeEachDialect('lvzhi user', (dialect) => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await createSandbox(dialect);
    expect((await box.run('demo', '--password', 'Sample#2026pw')).code).toBe(0);
  });
  afterEach(() => box.dispose());

  async function account(username: string) {
    const handle = box.open();
    try {
      const user = await handle.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
      const roles = user ? await handle.db.selectFrom('user_role').select('role').where('user_id', '=', user.id).execute() : [];
      return user && { ...user, roles: roles.map((r) => r.role) };
    } finally {
      await handle.close();
    }
  }

  it('create makes an account with an initial password, prints its id and audits it', async () => {
    const { code, stdout } = await box.run('user', 'create', '--username', 'SysAdm', '--password', PASSWORD, '--role', 'sysadmin', '--org', 'root', '--name', '系统管理员');
    expect(code).toBe(0);
    const user = await account('sysadm');
    expect(stdout).toBe(`${user!.id}\n`);
    expect(user).toMatchObject({ display_name: '系统管理员', must_change_password: 1, roles: ['sysadmin'] });
    const list = JSON.parse((await box.run('user', 'list', '--json')).stdout) as Array<{ username: string; roles: string[] }>;
    expect(list.find((a) => a.username === 'sysadm')?.roles).toEqual(['sysadmin']);
    const handle = box.open();
    try {
      const entry = await handle.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ action: 'user.create', actor_name: 'cli', actor_id: null, target_id: user!.id });
    } finally {
      await handle.close();
    }
  });

  it('create with --no-must-change, several business roles and an org id, with --json', async () => {
    const handle = box.open();
    const org = await handle.db.selectFrom('org').select('id').where('code', '=', 'D05').executeTakeFirstOrThrow();
    await handle.close();
    const { code, stdout } = await box.run('user', 'create', '--username', 'editor', '--password', PASSWORD, '--role', 'clerk,liaison', '--org', org.id, '--no-must-change', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ username: 'editor', roles: ['clerk', 'liaison'], orgId: org.id, mustChangePassword: false });
    expect(await account('editor')).toMatchObject({ must_change_password: 0, org_id: org.id });
  });

  it('create refuses a weak password with the policy messages, and writes nothing', async () => {
    const { code, stdout, stderr } = await box.run('user', 'create', '--username', 'weak', '--password', 'abcdefgh', '--role', 'viewer', '--org', 'root');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('lvzhi: password: 密码需包含小写字母、大写字母、数字、特殊字符中的至少3类\n');
    expect(await account('weak')).toBeUndefined();
  });

  it('create refuses two administrator roles on one account (三员分立)', async () => {
    const { code, stderr } = await box.run('user', 'create', '--username', 'both', '--password', PASSWORD, '--role', 'sysadmin', '--role', 'secadmin', '--org', 'root');
    expect(code).toBe(1);
    expect(stderr).toBe('lvzhi: roles: 三员分立：一个账号不能同时担任系统管理员和安全管理员\n');
    expect(await account('both')).toBeUndefined();
  });

  it('create refuses an unknown role (exit 2) and an unknown org (exit 1)', async () => {
    const role = await box.run('user', 'create', '--username', 'x1', '--password', PASSWORD, '--role', 'god', '--org', 'root');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role god');
    const org = await box.run('user', 'create', '--username', 'x1', '--password', PASSWORD, '--role', 'viewer', '--org', newId());
    expect(org.code).toBe(1);
    expect(org.stderr).toMatch(/no organization with id/);
  });

  it('reset-password sets an initial password, unlocks the account and ends its sessions', async () => {
    const before = (await account('leader'))!;
    const handle = box.open();
    try {
      await handle.db.updateTable('app_user').set({ failed_logins: 3, locked_until: '2999-01-01T00:00:00.000Z' }).where('id', '=', before.id).execute();
      const at = new Date().toISOString();
      await handle.db.insertInto('session').values({ id: newId(), user_id: before.id, csrf_token: 't', created_at: at, last_seen_at: at, expires_at: '2999-01-01T00:00:00.000Z', ip: null, user_agent: null }).execute();
    } finally {
      await handle.close();
    }
    const { code, stdout } = await box.run('user', 'reset-password', '--username', 'leader', '--password', PASSWORD);
    expect(code).toBe(0);
    expect(stdout).toContain('password of leader reset');
    const after = (await account('leader'))!;
    expect(after).toMatchObject({ must_change_password: 1, failed_logins: 0, locked_until: null });
    expect(after.password_hash).not.toBe(before.password_hash);
    const check = box.open();
    try {
      expect(await check.db.selectFrom('session').select('id').where('user_id', '=', before.id).execute()).toEqual([]);
      const entry = await check.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ action: 'user.password_reset', actor_name: 'cli', target_id: before.id });
    } finally {
      await check.close();
    }
    const reused = await box.run('user', 'reset-password', '--username', 'leader', '--password', PASSWORD);
    expect(reused.code).toBe(1);
    expect(reused.stderr).toBe('lvzhi: password: 不能使用最近5次用过的密码\n');
  });

  it('reset-password names an unknown account', async () => {
    const { code, stderr } = await box.run('user', 'reset-password', '--username', 'nobody', '--password', PASSWORD);
    expect(code).toBe(1);
    expect(stderr).toBe('lvzhi: no account named "nobody" (see "lvzhi user list")\n');
  });

  it('list prints every account with org, roles and status', async () => {
    const { code, stdout } = await box.run('user', 'list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+NAME\s+ORG\s+ROLES\s+STATUS$/);
    expect(lines).toHaveLength(9); // header + the 8 demo accounts
    expect(stdout).toMatch(/leader\s+王建国\s+示例市文化广电旅游局党组\s+leader\(领导\)\s+active/);
  });
});
