import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertRecords } from '../../../../test/support/complianceFixtures.ts';
import { closeWorld, type ComplianceWorld, complianceWorld, PACK } from '../../../../test/support/complianceWorld.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { auditEntries } from '../../../../test/support/orgFixtures.ts';
import { newId } from '../../platform/ids.ts';

// 谁主管谁负责: users of 市图书馆 see their own unit only. Every compliance, metric, override and
// notification route that takes an id answers for another unit's id exactly as for an id that
// does not exist; refused writes are recorded and change nothing. Users at the top reach all.

const MISSING = '00000000-0000-4000-8000-000000000000';

describeEachDialect('compliance scope isolation', (dialect) => {
  let w: ComplianceWorld;
  beforeEach(async () => {
    w = await complianceWorld(dialect, '2026-05-20');
    await insertRecords(w.t.ctx.db, [
      { orgId: w.orgs.office, typeId: 'article', occurredOn: '2026-03-03', fields: { media_level: 'central' } },
      { orgId: w.orgs.library, typeId: 'article', occurredOn: '2026-03-04', fields: { media_level: 'provincial' } },
    ]);
  });
  afterEach(() => closeWorld(w));

  const reads = (orgId: string) => [
    `/api/compliance/matrix?orgId=${orgId}&packId=${PACK}`,
    `/api/compliance/rollup?orgId=${orgId}&packId=${PACK}`,
    `/api/compliance/calendar?orgId=${orgId}&packId=${PACK}`,
    `/api/compliance/records?orgId=${orgId}&packId=${PACK}&ruleId=R-HIGH-MEDIA&period=2026`,
    `/api/compliance/dashboard?orgId=${orgId}&packId=${PACK}`,
    `/api/metrics?orgId=${orgId}&packId=${PACK}`,
    `/api/metrics/article.count/records?orgId=${orgId}&packId=${PACK}`,
    `/api/orgs/${orgId}/rule-overrides?packId=${PACK}`,
  ];

  it('answers 404 for every read about another unit, as for an org that does not exist', async () => {
    for (const client of [w.libraryLiaison, w.libraryClerk]) {
      for (const [i, url] of reads(w.orgs.office).entries()) {
        const res = await client.get(url);
        const missing = await client.get(reads(MISSING)[i]!);
        expect([res.statusCode, res.json().error.message], url).toEqual([404, missing.json().error.message]);
      }
      for (const url of reads(w.orgs.library)) expect((await client.get(url)).statusCode, url).toBe(200);
    }
    for (const url of [...reads(w.orgs.office), ...reads(w.orgs.library)]) expect((await w.leader.get(url)).statusCode, url).toBe(200);
  });

  it('keeps a unit’s default view, lists and figures inside its own subtree', async () => {
    const rollup = (await w.libraryLiaison.get(`/api/compliance/rollup?packId=${PACK}`)).json();
    expect(rollup.map((i: { orgId: string }) => i.orgId)).toEqual([w.orgs.library]);
    const calendar = (await w.libraryLiaison.get(`/api/compliance/calendar?packId=${PACK}`)).json();
    expect(calendar.items.every((i: { orgId: string }) => i.orgId === w.orgs.library)).toBe(true);
    const metrics = (await w.libraryLiaison.get(`/api/metrics?packId=${PACK}&ids=article.count`)).json();
    expect(metrics).toEqual([{ id: 'article.count', name: '报送信息', value: 1, unit: '篇', recordCount: 1 }]);
    const all = (await w.leader.get(`/api/metrics?packId=${PACK}&ids=article.count`)).json();
    expect(all[0].value).toBe(2);
  });

  it('refuses overrides on another unit, records the attempt and changes nothing', async () => {
    await w.clerk.put(`/api/orgs/${w.orgs.office}/rule-overrides/R-REPORT`, { packId: PACK, enabled: false, reason: '科室不单独汇报' });
    const body = { packId: PACK, enabled: false, reason: '越权尝试' };
    for (const [method, url] of [
      ['PUT', `/api/orgs/${w.orgs.office}/rule-overrides/R-REPORT`],
      ['PUT', `/api/orgs/${w.orgs.root}/rule-overrides/R-REPORT`],
      ['DELETE', `/api/orgs/${w.orgs.office}/rule-overrides/R-REPORT?packId=${PACK}`],
    ] as const) {
      const res = method === 'PUT' ? await w.libraryClerk.put(url, body) : await w.libraryClerk.delete(url);
      expect(res.statusCode, url).toBe(404);
    }
    const denied = await auditEntries(w.t, 'authz.denied');
    expect(denied.filter((e) => e.target_type === 'org')).toHaveLength(3);
    const overrides = await w.t.ctx.db.selectFrom('rule_override').select(['org_id', 'rule_id', 'enabled', 'reason']).execute();
    expect(overrides).toEqual([{ org_id: w.orgs.office, rule_id: 'R-REPORT', enabled: 0, reason: '科室不单独汇报' }]);
  });

  it('lets nobody read or mark another user’s notifications', async () => {
    const [owner] = await w.t.ctx.db.selectFrom('app_user').select('id').where('org_id', '=', w.orgs.root).limit(1).execute();
    const id = newId();
    await w.t.ctx.db.insertInto('notification').values({
      id, user_id: owner!.id, kind: 'compliance.overdue', title: '【已逾期】', body: '…', link: null, org_id: w.orgs.root,
      dedupe_key: `test|${id}`, created_at: '2026-05-20T00:00:00.000Z', read_at: null,
    }).execute();
    for (const client of [w.libraryLiaison, w.leader]) {
      expect((await client.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
      expect((await client.get('/api/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
      await client.post('/api/notifications/read-all');
    }
    const row = await w.t.ctx.db.selectFrom('notification').select('read_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });
});
