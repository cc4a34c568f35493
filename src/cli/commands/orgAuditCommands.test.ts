import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { type CliSandbox, createSandbox } from '../../../test/support/cliHarness.ts';

describeEachDialect('lvzhi org list and audit verify', (dialect) => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await createSandbox(dialect);
  });
  afterEach(() => box.dispose());

  it('org list --json gives the tree in order with id, parentId, name, kind, code, path, active', async () => {
    await box.run('demo', '--password', 'Sample#2026pw');
    const { code, stdout } = await box.run('org', 'list', '--json');
    expect(code).toBe(0);
    const orgs = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(orgs).toHaveLength(12);
    const [root, first] = orgs;
    expect(Object.keys(root!).sort()).toEqual(['active', 'code', 'id', 'kind', 'name', 'parentId', 'path']);
    expect(root).toMatchObject({ parentId: null, name: '示例市文化广电旅游局党组', kind: 'party_group', code: null, path: `/${root!.id}/`, active: true });
    expect(first).toMatchObject({ parentId: root!.id, name: '办公室', kind: 'department', code: 'D01', path: `/${root!.id}/${first!.id}/`, active: true });
    expect(orgs.map((o) => o.code)).toEqual([null, 'D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'A01', 'A02', 'A03']);
  });

  it('org list prints an indented tree with the ids', async () => {
    await box.run('demo', '--password', 'Sample#2026pw');
    const { stdout } = await box.run('org', 'list');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+CODE\s+ID$/);
    expect(lines[1]).toMatch(/^示例市文化广电旅游局党组\s+党组\s+[0-9a-f-]{36}$/);
    expect(lines[2]).toMatch(/^ {2}办公室\s+处室\/科室\s+D01\s+[0-9a-f-]{36}$/);
  });

  it('audit verify passes on a fresh database', async () => {
    await box.run('migrate');
    const text = await box.run('audit', 'verify');
    expect(text).toEqual({ code: 0, stdout: 'audit log OK: 1 entries\n', stderr: '' });
    const json = await box.run('audit', 'verify', '--json');
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, checked: 1, problem: null });
  });

  it('audit verify fails naming the entry changed directly in the database', async () => {
    await box.run('demo', '--password', 'Sample#2026pw');
    const handle = box.open();
    try {
      // The append-only trigger has to go first, as an attacker with database access would do.
      if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_update`.execute(handle.db);
      else await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(handle.db);
      await sql`UPDATE audit_log SET action = 'x' WHERE seq = 2`.execute(handle.db);
    } finally {
      await handle.close();
    }
    const text = await box.run('audit', 'verify');
    expect(text.code).toBe(3);
    expect(text.stdout).toBe('audit log BROKEN at entry 2: entry 2 does not match its hash (1 entries before it are intact)\n');
    const json = await box.run('audit', 'verify', '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, checked: 1, problem: { seq: 2, reason: 'changed', message: 'entry 2 does not match its hash' } });
  });
});
