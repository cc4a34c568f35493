import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJson } from '../../db/database.ts';
import { systemActor } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { createTestApp, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';
import { fileStore } from './attachment.store.ts';
import { lastRunDate, runIntegrityJob } from './integrity.job.ts';
import { integrityCheckDue } from './integrity.schedule.ts';

describeEachDialect('SEC-36 nightly evidence file check', (dialect) => {
  let t: TestApp;
  let orgId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ({ orgId } = await setupInstance(t.app));
  });
  afterEach(() => t.close());

  const store = () => fileStore(t.ctx.config.dataDir);
  const attach = async (bytes: Buffer, name: string) => {
    const sm3 = await store().put(bytes);
    const id = newId();
    await t.ctx.db.insertInto('attachment').values({ id, sm3, size: bytes.length, mime: 'application/pdf', original_name: name, org_id: orgId, created_by: null, created_at: new Date().toISOString() }).execute();
    return { id, sm3 };
  };
  const run = (holder: string, today: string) => runIntegrityJob(t.ctx, systemActor('system'), { holder, leaseMs: 60_000, today });
  const audits = async (action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select(['target_id', 'summary', 'result']).where('action', '=', action).orderBy('seq').execute()).map((r) => ({
      ...r, summary: fromJson<Record<string, unknown>>(r.summary),
    }));

  it('re-hashes every stored file once a night, and reports changed and missing files to the administrators', async () => {
    const minutes = await attach(Buffer.from('%PDF-1.4 会议记录'), '会议记录.pdf');
    const copy = await t.ctx.db.insertInto('attachment').values({
      id: newId(), sm3: minutes.sm3, size: 1, mime: 'application/pdf', original_name: '会议记录副本.pdf', org_id: orgId, created_by: null, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    const signIn = await attach(Buffer.from('%PDF-1.4 签到表'), '签到表.pdf');
    await attach(Buffer.from('%PDF-1.4 学习材料'), '学习材料.pdf');

    const first = await run('a', '2026-11-29');
    expect(first).toMatchObject({ ran: true, report: { files: 3, attachments: 4, problems: [] } });
    expect(await lastRunDate(t.ctx)).toBe('2026-11-29');
    expect(await audits('file.verify')).toEqual([expect.objectContaining({ result: 'success', summary: { files: 3, attachments: 4, problems: 0 } })]);
    // Once a date, whichever process asks.
    expect(await run('a', '2026-11-29')).toEqual({ ran: false });
    expect(await run('b', '2026-11-29')).toEqual({ ran: false });

    // One byte flipped in one file, another file gone.
    const file = store().pathOf(minutes.sm3);
    const bytes = fs.readFileSync(file);
    bytes[0] = bytes[0]! ^ 1;
    fs.writeFileSync(file, bytes);
    fs.rmSync(store().pathOf(signIn.sm3));

    // The next night, two processes at once: one runs it.
    const [x, y] = await Promise.all([run('a', '2026-11-30'), run('b', '2026-11-30')]);
    expect([x.ran, y.ran].sort()).toEqual([false, true]);
    const report = (x.ran ? x : y).report!;
    expect(report.problems).toEqual(expect.arrayContaining([
      { sm3: minutes.sm3, problem: 'changed', attachments: expect.arrayContaining([expect.objectContaining({ id: minutes.id }), expect.objectContaining({ id: copy.id })]) },
      { sm3: signIn.sm3, problem: 'missing', attachments: [{ id: signIn.id, name: '签到表.pdf', orgId }] },
    ]));
    const integrity = await audits('file.integrity');
    expect(integrity.map((a) => a.target_id).sort()).toEqual([minutes.id, copy.id, signIn.id].sort());
    expect(integrity.find((a) => a.target_id === signIn.id)).toMatchObject({ result: 'failure', summary: { name: '签到表.pdf', sm3: signIn.sm3, problem: 'missing', source: 'verify' } });
    expect((await audits('file.verify')).at(-1)).toMatchObject({ result: 'failure', summary: { files: 3, problems: 2 } });

    // The system and security administrators hear of it, once a day; the auditor reads the audit log.
    const notified = await t.ctx.db
      .selectFrom('notification')
      .innerJoin('app_user', 'app_user.id', 'notification.user_id')
      .select(['app_user.username', 'notification.kind', 'notification.title', 'notification.body'])
      .orderBy('app_user.username')
      .execute();
    expect(notified.map((n) => n.username)).toEqual(['secadmin', 'sysadmin']);
    expect(notified[0]).toMatchObject({ kind: 'files.integrity', title: '【文件校验】2个佐证材料文件缺失或被改动' });
    expect(notified[0]!.body).toContain('“签到表.pdf”（缺失）');
    expect(notified[0]!.body).toContain('“会议记录.pdf”（已被改动）');
  });
});

describe('when the nightly check is due', () => {
  it('counts the hour and the date in Beijing time', () => {
    // 17:59 UTC is 01:59 in Beijing on the next day: not yet; 18:00 UTC is 02:00 there.
    expect(integrityCheckDue(new Date('2026-11-29T17:59:00Z'), 2)).toBeNull();
    expect(integrityCheckDue(new Date('2026-11-29T18:00:00Z'), 2)).toBe('2026-11-30');
    expect(integrityCheckDue(new Date('2026-11-30T15:00:00Z'), 2)).toBe('2026-11-30');
    expect(integrityCheckDue(new Date('2026-11-30T16:00:00Z'), 0)).toBe('2026-12-01');
  });
});
