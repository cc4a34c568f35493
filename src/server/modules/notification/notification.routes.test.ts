import { afterEach, expect, it } from 'vitest';
import { closeWorld, type ComplianceWorld, complianceWorld } from '../../../../test/support/complianceWorld.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { auditEntries } from '../../../../test/support/orgFixtures.ts';
import { Client } from '../../../../test/support/testApp.ts';
import { REMINDER_JOB, runReminders } from './reminder.job.ts';

describeEachDialect('notifications', (dialect) => {
  let w: ComplianceWorld;
  afterEach(() => closeWorld(w));

  it('lists a user’s own notifications with the unread count, and marks them read', async () => {
    w = await complianceWorld(dialect, '2026-03-27');
    await runReminders(w.t.ctx, { holder: 'test', leaseMs: 60_000 });
    const client = w.libraryClerk;
    const all = (await client.get('/api/notifications')).json();
    expect(all).toMatchObject({ total: 3, unread: 3 });
    expect(all.items[0]).toMatchObject({ kind: expect.stringMatching(/^compliance\./), orgId: w.orgs.library, readAt: null, link: expect.stringContaining('/compliance?') });

    const page = (await client.get('/api/notifications?unread=true&page=2&pageSize=2')).json();
    expect([page.items.length, page.total]).toEqual([1, 3]);
    expect((await client.post(`/api/notifications/${all.items[0].id}/read`)).json()).toEqual({ ok: true });
    expect((await client.post(`/api/notifications/${all.items[0].id}/read`)).statusCode).toBe(200);
    const unread = (await client.get('/api/notifications?unread=true')).json();
    expect([unread.total, unread.unread, unread.items.some((n: { id: string }) => n.id === all.items[0].id)]).toEqual([2, 2, false]);
    expect((await client.post('/api/notifications/read-all')).json()).toEqual({ ok: true, count: 2 });
    expect((await client.get('/api/notifications')).json()).toMatchObject({ total: 3, unread: 0 });

    expect((await client.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
    expect((await new Client(w.t.app).get('/api/notifications')).statusCode).toBe(401);
    expect((await client.get('/api/notifications?pageSize=500')).statusCode).toBe(400);
  });

  it('lets the top org set how many days ahead reminders go out, audited', async () => {
    w = await complianceWorld(dialect, '2026-03-27');
    expect((await w.libraryLiaison.get('/api/reminders/settings')).json()).toEqual({ daysBefore: 7 });
    const unit = await w.libraryClerk.put('/api/reminders/settings', { daysBefore: 2 });
    expect([unit.statusCode, unit.json().error.message]).toEqual([403, '提醒设置对全系统生效，只能由顶级组织修改']);
    expect((await w.clerk.put('/api/reminders/settings', { daysBefore: 91 })).json().error.field).toBe('daysBefore');
    expect((await w.clerk.put('/api/reminders/settings', { daysBefore: 2 })).json()).toEqual({ daysBefore: 2 });
    expect((await w.leader.get('/api/reminders/settings')).json()).toEqual({ daysBefore: 2 });
    expect((await auditEntries(w.t, 'reminders.settings'))[0]!.summary).toEqual({ daysBefore: { from: 7, to: 2 } });
  });

  it('runs the reminder job on a timer once the server listens, and gives its lease back on close', async () => {
    w = await complianceWorld(dialect, '2026-03-27', { config: { reminderIntervalSeconds: 1 } });
    const db = w.t.ctx.db;
    const count = async () => Number((await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await count()).toBe(0); // not listening: tests that only inject never run the job
    await w.t.app.listen({ host: '127.0.0.1', port: 0 });
    for (let i = 0; i < 50 && (await count()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBeGreaterThan(0);
    expect(await db.selectFrom('job_lease').select('name').execute()).toEqual([{ name: REMINDER_JOB }]);
    await w.t.app.close();
    expect(await db.selectFrom('job_lease').selectAll().execute()).toEqual([]);
  });
});
