import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertRecords } from '../../../../test/support/complianceFixtures.ts';
import { closeWorld, type ComplianceWorld, complianceWorld, MASTER_KEY, sharedDatabase } from '../../../../test/support/complianceWorld.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { DbHandle } from '../../db/database.ts';
import { advanceClock } from '../../platform/clock.ts';
import { type AppContext, createAppContext } from '../../platform/context.ts';
import { putSetting } from '../settings/setting.repository.ts';
import { DAYS_BEFORE_KEY, runReminders } from './reminder.job.ts';

// Reminders on Friday 2026-03-27: March, Q1 and ISO week 13 end within the 7 days before; February
// and weeks 9–12 have just ended. Two "processes" share one database (two pools on one PostgreSQL
// database, two connections to one SQLite file) and run the job at the same moment.

const LEASE_MS = 60_000;

describeEachDialect('compliance reminders', (dialect) => {
  let w: ComplianceWorld;
  let second: DbHandle;
  let other: AppContext;

  beforeEach(async () => {
    const shared = await sharedDatabase(dialect);
    w = await complianceWorld(dialect, '2026-03-27', { handle: shared.first });
    second = shared.second;
    other = createAppContext(second, w.t.ctx.config, MASTER_KEY, w.t.ctx.packs);
    await insertRecords(w.t.ctx.db, [
      { orgId: w.orgs.library, typeId: 'branch_meeting', occurredOn: '2026-03-03', fields: { kind: 'committee' } },
      { orgId: w.orgs.root, typeId: 'opinion_bulletin', occurredOn: '2026-03-02' }, // week 10
    ]);
  });
  afterEach(async () => {
    await second.close();
    await closeWorld(w);
  });

  const userId = async (username: string) =>
    (await w.t.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const titlesOf = async (username: string) =>
    (await w.t.ctx.db.selectFrom('notification').select('title').where('user_id', '=', await userId(username)).execute()).map((n) => n.title).sort();
  const allNotifications = () => w.t.ctx.db.selectFrom('notification').select(['user_id', 'dedupe_key', 'kind', 'title']).execute();

  it('runs in one process only and notifies each user once per rule, period and kind', async () => {
    const runs = await Promise.all([
      runReminders(w.t.ctx, { holder: 'process-a', leaseMs: LEASE_MS }),
      runReminders(other, { holder: 'process-b', leaseMs: LEASE_MS }),
    ]);
    expect(runs.map((r) => r.ran).sort()).toEqual([false, true]);
    const ran = runs.find((r) => r.ran)!;
    const rows = await allNotifications();
    expect(ran.notified).toBeGreaterThan(10);
    expect(rows).toHaveLength(ran.notified);
    const perSubject = new Set(rows.map((r) => `${r.user_id}|${r.title}|${r.kind}`));
    expect(perSubject.size).toBe(rows.length);

    // The lease holder renews; the other process waits until the lease runs out, then takes over
    // and finds nothing new to say.
    expect((await runReminders(other, { holder: 'process-b', leaseMs: LEASE_MS })).ran).toBe(runs[1]!.ran);
    advanceClock(LEASE_MS + 1000);
    const takeover = await runReminders(other, { holder: 'process-c', leaseMs: LEASE_MS });
    expect(takeover).toEqual({ ran: true, notified: 0 });
    expect(await allNotifications()).toHaveLength(rows.length);
  });

  it('keeps one notification per subject even when two runs overlap', async () => {
    // The same holder renewing in two places (a slow run and the next tick): both run.
    const runs = await Promise.all([
      runReminders(w.t.ctx, { holder: 'same', leaseMs: LEASE_MS }),
      runReminders(other, { holder: 'same', leaseMs: LEASE_MS }),
    ]);
    expect(runs.every((r) => r.ran)).toBe(true);
    const rows = await allNotifications();
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(rows.length);
    expect(runs[0]!.notified + runs[1]!.notified).toBe(rows.length);
  });

  it('reminds duty-role holders, else the unit’s clerks, and leaders of what is overdue', async () => {
    await runReminders(w.t.ctx, { holder: 'a', leaseMs: LEASE_MS });
    // 王建国 (demo "leader") is the bureau's 第一责任人: R-TOPIC is his; overdue weeks reach him as a leader.
    const secretary = await titlesOf('leader');
    expect(secretary).toContain('【即将到期】示例市文化广电旅游局党组：专题研究意识形态工作（2026年第一季度）');
    expect(secretary).toContain('【已逾期】示例市文化广电旅游局党组：舆情周报（2026年第9周）');
    expect(secretary).not.toContain('【已逾期】示例市文化广电旅游局党组：舆情周报（2026年第10周）');
    expect(secretary.some((t) => t.startsWith('【即将到期】示例市文化广电旅游局党组：舆情周报'))).toBe(false);
    // No one holds the weekly bulletin's duty role (主体责任): the bureau's clerk gets both kinds.
    expect(await titlesOf('top_clerk')).toEqual(expect.arrayContaining(['【即将到期】示例市文化广电旅游局党组：舆情周报（2026年第13周）', '【已逾期】示例市文化广电旅游局党组：舆情周报（2026年第12周）']));
    expect(await titlesOf('library_clerk')).toEqual([
      '【即将到期】市图书馆：党课（2026年第一季度）',
      '【已逾期】市图书馆：支委会（2026年2月）',
    ]);
    expect(await titlesOf('library_liaison')).toEqual([]);
    const [body] = await w.t.ctx.db.selectFrom('notification').select(['body', 'link']).where('title', '=', '【即将到期】市图书馆：党课（2026年第一季度）').execute();
    expect(body!.body).toBe('市图书馆2026年第一季度“党课”要求至少1次，目前已记录0次，2026-03-31到期（还剩4天）。');
    expect(body!.link).toContain(`/compliance?orgId=${w.orgs.library}`);
  });

  it('reminds as many days ahead as the setting says', async () => {
    await putSetting(w.t.ctx.db, DAYS_BEFORE_KEY, 2, null);
    await runReminders(w.t.ctx, { holder: 'a', leaseMs: LEASE_MS });
    expect(await titlesOf('library_clerk')).toEqual(['【已逾期】市图书馆：支委会（2026年2月）']);
  });
});
