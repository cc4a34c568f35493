import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { extract, pack } from 'tar-stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { type CliSandbox, createSandbox, snapshotTables } from '../../../test/support/cliHarness.ts';
import { loadConfig } from '../../server/config.ts';
import { createAppContext } from '../../server/platform/context.ts';
import { recordAudit } from '../../server/modules/audit/audit.repository.ts';
import { systemActor } from '../../server/platform/context.ts';
import { buildApp } from '../../server/app.ts';
import { fileStore } from '../../server/modules/ledger/attachment.store.ts';
import { sm3 } from '../../server/platform/crypto.ts';
import { pdfBytes } from '../../../test/support/evidenceFiles.ts';
import { multipartFile } from '../../../test/support/orgFixtures.ts';
import { type Client, loggedIn, shippedPacks } from '../../../test/support/testApp.ts';
import { dumpPostgres } from '../backup/postgres.ts';
import { backupSqlite } from '../backup/sqlite.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/lvzhi.mjs');
const CLERK_PASSWORD = 'Strong#2026pw';

/** The app over a sandbox's database and data dir, with the clerk logged in (as the browser would be). */
async function clerkOn(box: CliSandbox): Promise<{ client: Client; close(): Promise<void> }> {
  const handle = box.open();
  const { app } = await buildApp({ handle, config: { ...loadConfig(box.env), webDir: null, reminderIntervalSeconds: 0 }, masterKey: Buffer.alloc(32, 1), logger: false, packs: shippedPacks() });
  await app.ready();
  const client = await loggedIn(app, 'clerk1', CLERK_PASSWORD);
  return { client, close: async () => { await app.close(); await handle.close(); } };
}

/** The SM3s of the sandbox's attachments (the demo has evidence files of its own). */
async function attachmentHashes(box: CliSandbox): Promise<string[]> {
  const handle = box.open();
  try {
    return (await handle.db.selectFrom('attachment').select('sm3').distinct().execute()).map((r) => r.sm3).sort();
  } finally {
    await handle.close();
  }
}

/** Uploads an evidence file through the API as the clerk; its id. */
async function uploadEvidence(box: CliSandbox, content: Buffer, filename: string): Promise<string> {
  const app = await clerkOn(box);
  try {
    const res = await app.client.request({ method: 'POST', url: '/api/attachments', ...multipartFile({ filename, content, contentType: 'application/pdf' }) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  } finally {
    await app.close();
  }
}

async function snapshot(box: CliSandbox) {
  const handle = box.open();
  try {
    return await snapshotTables(handle);
  } finally {
    await handle.close();
  }
}

/** Copies the archive `from` to `to` with the entries `first` ahead of its own (as a tampered backup would be). */
async function repack(from: string, to: string, first: { name: string; content: Buffer }[]): Promise<void> {
  const out = pack();
  const writing = pipeline(out as unknown as NodeJS.ReadableStream, fs.createWriteStream(to));
  const add = (name: string, content: Buffer) => new Promise<void>((resolve, reject) => out.entry({ name }, content, (error) => (error ? reject(error) : resolve())));
  for (const { name, content } of first) await add(name, content);
  const input = extract();
  const reading = pipeline(fs.createReadStream(from), input as unknown as NodeJS.WritableStream);
  for await (const entry of input) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    await add(entry.header.name, Buffer.concat(chunks));
  }
  await reading;
  out.finalize();
  await writing;
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
    expect((await source.run('user', 'create', '--username', 'clerk1', '--password', CLERK_PASSWORD, '--role', 'clerk', '--org', 'root', '--no-must-change')).code).toBe(0);
  });
  afterEach(async () => {
    await source.dispose();
    await target.dispose();
  });

  it('backup then restore into an empty database gives identical data and evidence, plus the restore\'s audit entry', async () => {
    const evidence = pdfBytes('会议纪要');
    const attachmentId = await uploadEvidence(source, evidence, '会议纪要.pdf');
    const hashes = await attachmentHashes(source);
    expect(hashes).toContain(sm3(evidence));
    const backup = await source.run('backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^backup written: ${file} \\(\\d+\\.\\d (KiB|MiB), SM3 [0-9a-f]{64}\\)\\nholds the database and ${hashes.length} evidence file\\(s\\) \\(\\d+ B\\)\\n$`));
    const before = await snapshot(source);

    const restore = await target.run('restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`evidence files: ${hashes.length} restored (`);
    for (const hash of hashes) expect(fs.existsSync(fileStore(target.dataDir).pathOf(hash)), hash).toBe(true);
    expect(restore.stdout).toContain(`audit log OK: ${before.audit_log!.length} entries`);
    const after = await snapshot(target);

    // The evidence downloads again from the restored installation, checked against its SM3.
    const app = await clerkOn(target);
    try {
      const download = await app.client.get(`/api/attachments/${attachmentId}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload).toEqual(evidence);
    } finally {
      await app.close();
    }

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
    expect(stderr).toBe(`lvzhi: ${junk} is not an lvzhi backup: neither a backup archive, a SQLite database nor a pg_dump custom-format archive\n`);
  });

  it('restore refuses an archive whose evidence file does not match its SM3, and changes nothing', async () => {
    const evidence = pdfBytes('签到表');
    await uploadEvidence(source, evidence, '签到表.pdf');
    expect((await source.run('backup', file)).code).toBe(0);
    // Change one byte inside the evidence file's content in the archive (its header stays valid).
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(evidence);
    expect(at).toBeGreaterThan(0);
    bytes[at + 20]! ^= 1;
    fs.writeFileSync(file, bytes);
    const { code, stderr } = await target.run('restore', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/is damaged: evidence file files\/[0-9a-f]{2}\/[0-9a-f]{64} does not match its SM3\n$/);
    expect(fs.existsSync(path.join(target.dataDir, 'files'))).toBe(false);
    expect(fs.readdirSync(target.dataDir).filter((f) => f.startsWith('restore-'))).toEqual([]);
    if (dialect === 'sqlite') expect(fs.existsSync(path.join(target.dataDir, 'lvzhi.db'))).toBe(false);
  });

  it('restore refuses an archive with an entry named ../evil or by an absolute path, and writes nothing anywhere', async () => {
    await uploadEvidence(source, pdfBytes('通知'), '通知.pdf');
    expect((await source.run('backup', file)).code).toBe(0);
    // `tar tf` lists the backup as written: the database, the evidence files, the manifest.
    const listed = await new Promise<string>((resolve, reject) => execFile('tar', ['tf', file], (error, stdout) => (error ? reject(error) : resolve(stdout))));
    expect(listed.split('\n').filter(Boolean)).toEqual([
      dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump',
      ...(await attachmentHashes(source)).map((h) => `files/${h.slice(0, 2)}/${h}`),
      'lvzhi-backup.json',
    ]);
    const outside = path.join(path.dirname(target.dataDir), 'evil');
    const absolute = path.join(path.dirname(target.dataDir), 'evil-absolute');
    for (const name of ['../evil', '../../evil', 'files/../../evil', absolute]) {
      const tampered = path.join(source.dataDir, 'tampered.tar');
      fs.rmSync(tampered, { force: true });
      await repack(file, tampered, [{ name, content: Buffer.from('pwned') }]);
      const { code, stderr } = await target.run('restore', tampered, '--force');
      expect(code, name).toBe(1);
      expect(stderr).toBe(`lvzhi: ${tampered} holds an entry named ${name}, which points outside the folder it would be unpacked into: refused\n`);
      for (const written of [outside, absolute, path.join(path.dirname(path.dirname(target.dataDir)), 'evil')]) expect(fs.existsSync(written), written).toBe(false);
      expect(fs.existsSync(path.join(target.dataDir, 'files'))).toBe(false);
      expect(fs.readdirSync(target.dataDir).filter((f) => f.startsWith('restore-'))).toEqual([]);
      if (dialect === 'sqlite') expect(fs.existsSync(path.join(target.dataDir, 'lvzhi.db'))).toBe(false);
    }
    // A safe name that no backup holds is refused too.
    const extra = path.join(source.dataDir, 'extra.tar');
    await repack(file, extra, [{ name: 'notes.txt', content: Buffer.from('hello') }]);
    const refused = await target.run('restore', extra);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`lvzhi: ${extra} holds an unexpected entry: notes.txt\n`);
  });

  it('restore refuses an archive whose header is damaged or that is cut short', async () => {
    expect((await source.run('backup', file)).code).toBe(0);
    const bytes = fs.readFileSync(file);
    const damaged = path.join(source.dataDir, 'damaged.tar');
    const header = Buffer.from(bytes);
    header[3]! ^= 1; // the first entry's name: its header no longer matches its checksum
    fs.writeFileSync(damaged, header);
    const first = await target.run('restore', damaged);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(new RegExp(`^lvzhi: ${damaged} is damaged: Invalid tar header`));
    fs.writeFileSync(damaged, bytes.subarray(0, 512 + 1000));
    const cut = await target.run('restore', damaged);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toBe(`lvzhi: ${damaged} is damaged: Unexpected end of data\n`);
    expect(fs.readdirSync(target.dataDir).filter((f) => f.startsWith('restore-'))).toEqual([]);
  });

  it('backs up what it can when an evidence file is missing or damaged, naming them', async () => {
    const kept = pdfBytes('保留');
    await uploadEvidence(source, kept, '保留.pdf');
    await uploadEvidence(source, pdfBytes('丢失'), '丢失.pdf');
    await uploadEvidence(source, pdfBytes('损坏'), '损坏.pdf');
    const store = fileStore(source.dataDir);
    const lost = sm3(pdfBytes('丢失'));
    const broken = sm3(pdfBytes('损坏'));
    fs.rmSync(store.pathOf(lost));
    fs.writeFileSync(store.pathOf(broken), 'changed');
    const intact = (await attachmentHashes(source)).filter((h) => h !== lost && h !== broken);
    const backup = await source.run('backup', file, '--json');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ files: intact.length, missing: [lost], damaged: [broken] });
    expect(backup.stderr).toContain(`1 evidence file(s) missing from the data dir, not in the backup: ${lost}`);
    expect(backup.stderr).toContain(`1 evidence file(s) no longer match their SM3, left out of the backup: ${broken}`);

    const restore = await target.run('restore', file, '--json');
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ files: intact.length, filesMissing: [lost, broken].sort() });
    expect(restore.stderr).toContain('2 attachment(s) have no evidence file');
    expect(fs.readFileSync(fileStore(target.dataDir).pathOf(sm3(kept)))).toEqual(kept);
  });

  it('still restores a bare database file (a backup from before evidence files were included)', async () => {
    const bare = path.join(source.dataDir, 'bare.bin');
    if (dialect === 'sqlite') await backupSqlite(path.join(source.dataDir, 'lvzhi.db'), bare);
    else await dumpPostgres(source.env.DATABASE_URL!, bare, source.env);
    const restore = await target.run('restore', bare);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('evidence files: none in this backup (a database file only)');
  });

  it('backup does not overwrite an existing file unless forced', async () => {
    fs.writeFileSync(file, 'precious');
    const refused = await source.run('backup', file);
    expect(refused.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    expect((await source.run('backup', file, '--force')).code).toBe(0);
  });
});
