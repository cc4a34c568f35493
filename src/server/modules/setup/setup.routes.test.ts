import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from '../../../../test/support/testApp.ts';

const body = (overrides: Record<string, unknown> = {}) => ({
  org: { name: '示例区委宣传部', kind: 'committee' },
  sysadmin: { username: 'admin1', displayName: '张管理', password: ADMIN_PASSWORD },
  secadmin: { username: 'sec1', displayName: '李安全', password: ADMIN_PASSWORD },
  auditor: { username: 'audit1', displayName: '王审计', password: ADMIN_PASSWORD },
  demo: null,
  ...overrides,
});

describeEachDialect('first-run set-up', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(() => t.close());

  const setup = (payload: unknown, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/setup', payload: payload as object, remoteAddress });
  const count = async (table: 'org' | 'app_user' | 'person') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('says set-up is required until it is done, then creates the org and the three administrators', async () => {
    expect((await new Client(t.app).get('/api/auth/session')).json().setupRequired).toBe(true);
    const res = await setup(body());
    expect(res.statusCode).toBe(200);
    expect((await new Client(t.app).get('/api/auth/session')).json().setupRequired).toBe(false);
    const users = await t.ctx.db.selectFrom('app_user').innerJoin('user_role', 'user_role.user_id', 'app_user.id').select(['username', 'role', 'must_change_password']).orderBy('username').execute();
    expect(users).toEqual([
      { username: 'admin1', role: 'sysadmin', must_change_password: 0 },
      { username: 'audit1', role: 'auditor', must_change_password: 1 },
      { username: 'sec1', role: 'secadmin', must_change_password: 1 },
    ]);
    expect(await count('person')).toBe(0);
  });

  it('runs once only', async () => {
    expect((await setup(body())).statusCode).toBe(200);
    const again = await setup(body({ sysadmin: { username: 'mallory', displayName: 'M', password: ADMIN_PASSWORD } }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_DONE');
    expect(await count('app_user')).toBe(3);
  });

  it('leaves no account that a well-known password opens', async () => {
    await setup(body());
    for (const [username, password] of [['admin', 'admin'], ['admin', '123456'], ['root', 'root'], ['test', 'test'], ['sysadmin', '']]) {
      const res = await new Client(t.app).login(username!, password!);
      expect(res.statusCode, `${username}/${password}`).not.toBe(200);
    }
  });

  it('refuses one person holding two administrator accounts, and weak passwords, writing nothing', async () => {
    const same = await setup(body({ secadmin: { username: 'admin1', displayName: '张管理', password: ADMIN_PASSWORD } }));
    expect(same.statusCode).toBe(422);
    expect(same.json().error.code).toBe('ROLE_SEPARATION');
    const weak = await setup(body({ auditor: { username: 'audit1', displayName: '王审计', password: '12345678' } }));
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.field).toBe('auditor.password');
    const missing = await setup({ ...body(), org: { kind: 'committee' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('org.name');
    expect(await count('org')).toBe(0);
    expect(await count('app_user')).toBe(0);
  });

  it('asks a remote installer for the token printed in the log', async () => {
    const res = await setup(body(), '10.1.2.3');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SETUP_TOKEN');
    expect(await count('org')).toBe(0);
  });

  it('loads the demo bureau: 8 departments, 3 affiliates, about 40 people, duty roles and demo logins', async () => {
    const res = await setup(body({ demo: { password: DEMO_PASSWORD } }));
    expect(res.statusCode).toBe(200);
    const kinds = await t.ctx.db.selectFrom('org').select('kind').execute();
    expect(kinds.filter((o) => o.kind === 'department')).toHaveLength(8);
    expect(kinds.filter((o) => o.kind === 'affiliate')).toHaveLength(3);
    expect(await count('person')).toBe(41);
    const duties = await t.ctx.db.selectFrom('duty_assignment').select(['role', 'year']).execute();
    expect(duties.filter((d) => d.role === 'first_responsible').length).toBe(4);
    expect(new Set(duties.map((d) => d.year))).toEqual(new Set([new Date().getFullYear()]));
    expect(res.json().demoAccounts.map((a: { username: string }) => a.username)).toContain('clerk');
    const clerk = await loggedIn(t.app, 'clerk', DEMO_PASSWORD);
    expect((await clerk.get('/api/people?pageSize=100')).statusCode).toBe(200);
  });
});
