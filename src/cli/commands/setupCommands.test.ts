import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { type CliSandbox, createSandbox } from '../../../test/support/cliHarness.ts';
import { MIGRATION_NAMES } from '../../server/db/migrate.ts';

const DEMO_PASSWORD = 'Sample#2026pw';

describeEachDialect('lvzhi migrate and demo', (dialect) => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await createSandbox(dialect);
  });
  afterEach(() => box.dispose());

  it('migrate applies the migrations once, then reports the schema up to date', async () => {
    const first = await box.run('migrate');
    expect(first).toMatchObject({ code: 0, stdout: MIGRATION_NAMES.map((m) => `applied ${m}\n`).join('') });
    const again = await box.run('migrate');
    expect(again).toMatchObject({ code: 0, stdout: 'database schema is up to date\n' });
    const json = await box.run('migrate', '--json');
    expect(JSON.parse(json.stdout)).toEqual({ applied: [] });
  });

  it('demo on an empty database creates the top org and the demo bureau, but no administrators', async () => {
    const { code, stdout, stderr } = await box.run('demo', '--password', DEMO_PASSWORD, '--year', '2025');
    expect(code).toBe(0);
    expect(stdout).toContain('demo bureau loaded under "示例市文化广电旅游局党组"');
    expect(stderr).toContain('no administrator accounts exist yet');
    const handle = box.open();
    try {
      const orgs = await handle.db.selectFrom('org').select(['name', 'kind', 'parent_id']).execute();
      expect(orgs).toHaveLength(12);
      expect(orgs.filter((o) => o.parent_id === null)).toEqual([{ name: '示例市文化广电旅游局党组', kind: 'party_group', parent_id: null }]);
      const admins = await handle.db.selectFrom('user_role').select('role').where('role', 'in', ['sysadmin', 'secadmin', 'auditor']).execute();
      expect(admins).toEqual([]);
      const setting = await handle.db.selectFrom('setting').select('key').where('key', '=', 'setup.completed').execute();
      expect(setting).toHaveLength(1);
      const duties = await handle.db.selectFrom('duty_assignment').select('year').distinct().execute();
      expect(duties).toEqual([{ year: 2025 }]);
      const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_name']).orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'system.migrate', actor_name: 'cli' },
        { action: 'setup.completed', actor_name: 'cli' },
        { action: 'demo.loaded', actor_name: 'cli' },
      ]);
    } finally {
      await handle.close();
    }
  });

  it('demo goes under the existing top org, and refuses a second time', async () => {
    await box.run('demo', '--password', DEMO_PASSWORD);
    const again = await box.run('demo', '--password', DEMO_PASSWORD);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^lvzhi: the demo data is loaded already \(audit entry 3, .+\)\n$/);
  });

  it('demo checks the password against the policy', async () => {
    const { code, stderr } = await box.run('demo', '--password', 'short');
    expect(code).toBe(1);
    expect(stderr).toBe(`lvzhi: applied migrations: ${MIGRATION_NAMES.join(', ')}\n`
      + 'lvzhi: password: 密码至少需要8个字符；密码需包含小写字母、大写字母、数字、特殊字符中的至少3类\n');
  });
});
