import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { type CliSandbox, createSandbox, snapshotTables } from '../../../test/support/cliHarness.ts';
import { loadConfig } from '../../server/config.ts';
import { createAppContext } from '../../server/platform/context.ts';
import { recordAudit } from '../../server/modules/audit/audit.repository.ts';
import { systemActor } from '../../server/platform/context.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/lvzhi.mjs');

async function snapshot(box: CliSandbox) {
  const handle = box.open();
  try {
    return await snapshotTables(handle);
  } finally {
    await handle.close();
  }
}

describeEachDialect('lvzhi backup and restore', (dialect) => {
  let source: CliSandbox;
  let target: CliSandbox;
  let file: string;
  beforeEach(async () => {
    source = await createSandbox(dialect);
    target = await source.sibling();
    file = path.join(source.dataDir, 'backup.bin');
    expect((await source.run('demo', '--password', 'Sample#2026pw')).code).toBe(0);
    expect((await source.run('user', 'create', '--username', 'sysadm', '--password', 'Strong#2026pw', '--role', 'sysadmin', '--org', 'root')).code).toBe(0);
  });
  afterEach(async () => {
    await source.dispose();
    await target.dispose();
  });

  it('backup then restore into an empty database gives identical data, plus the restore\'s audit entry', async () => {
    const backup = await source.run('backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^backup written: ${file} \\(\\d+\\.\\d (KiB|MiB), SM3 [0-9a-f]{64}\\)\\n$`));
    const before = await snapshot(source);

    const restore = await target.run('restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`audit log OK: ${before.audit_log!.length} entries`);
    const after = await snapshot(target);

    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before).filter((t) => t !== 'audit_log')) expect(after[table], table).toEqual(before[table]);
    expect(after.audit_log!.slice(0, before.audit_log!.length)).toEqual(before.audit_log);
    expect(after.audit_log!.slice(before.audit_log!.length)).toEqual([expect.objectContaining({ action: 'system.restore', actor_name: 'cli' })]);
    const last = before.audit_log!.at(-1) as { action: string };
    expect(last.action).toBe('system.backup');
  });

  it('restore refuses a database in use without --force, and replaces it with --force', async () => {
    expect((await source.run('backup', file)).code).toBe(0);
    const before = await snapshot(source);
    // Something the backup does not have, which the forced restore must remove.
    await target.run('demo', '--password', 'Sample#2026pw');
    const handle = target.open();
    await sql`CREATE TABLE leftover (id text)`.execute(handle.db);
    await handle.close();

    const refused = await target.run('restore', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(dialect === 'sqlite' ? /is set up already: use --force to replace it\n$/ : /is not empty \(\d+ tables\): use --force to replace its contents\n$/);

    const forced = await target.run('restore', file, '--force');
    expect(forced.code).toBe(0);
    const after = await snapshot(target);
    expect(after.leftover).toBeUndefined();
    expect(after.org).toEqual(before.org);
    expect(after.app_user).toEqual(before.app_user);
  });

  it('a backup taken while another process writes restores to a verifiable audit chain', async () => {
    const handle = source.open();
    const ctx = createAppContext(handle, loadConfig(source.env), Buffer.alloc(32, 1));
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        // Transactions begin IMMEDIATE and wait for the other process's lock: no write may fail.
        await recordAudit(ctx, systemActor('writer'), { action: 'test.write', summary: { n: written } });
        written++;
        // Database calls resolve as microtasks; without this the loop would starve everything else.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      // The backup runs in its own process, as it would next to a running server.
      const backup = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, [BIN, 'backup', file], { env: { ...source.env, LVZHI_SCRYPT_COST: '10' } }, (error, _stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
      });
      expect(backup.stderr).not.toMatch(/lvzhi: (?!built)/);
      expect(backup.code).toBe(0);
    } finally {
      stop = true;
      await writer;
      await handle.close();
    }
    expect(written).toBeGreaterThan(0);
    const restore = await target.run('restore', file, '--json');
    expect(restore.code).toBe(0);
    const result = JSON.parse(restore.stdout) as { checked: number; problem: unknown; sm3: string };
    expect(result.problem).toBeNull();
    expect(result.checked).toBeGreaterThan(5);
  });

  it('restore refuses a file that is not a backup for this database', async () => {
    const junk = path.join(source.dataDir, 'junk.bin');
    fs.writeFileSync(junk, 'not a backup at all');
    const { code, stderr } = await target.run('restore', junk);
    expect(code).toBe(1);
    expect(stderr).toBe(`lvzhi: ${junk} is neither a SQLite database nor a pg_dump custom-format archive\n`);
  });

  it('backup does not overwrite an existing file unless forced', async () => {
    fs.writeFileSync(file, 'precious');
    const refused = await source.run('backup', file);
    expect(refused.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    expect((await source.run('backup', file, '--force')).code).toBe(0);
  });
});
