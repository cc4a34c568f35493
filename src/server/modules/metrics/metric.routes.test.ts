import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertRecords } from '../../../../test/support/complianceFixtures.ts';
import { closeWorld, type ComplianceWorld, complianceWorld, PACK } from '../../../../test/support/complianceWorld.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { computeMetric } from './metric.service.ts';

// Metrics over an org's subtree and a date range, each with the records it rests on.

describeEachDialect('metrics', (dialect) => {
  let w: ComplianceWorld;
  let ids: string[];
  beforeEach(async () => {
    w = await complianceWorld(dialect, '2026-05-20');
    const { root, office, library } = w.orgs;
    ids = await insertRecords(w.t.ctx.db, [
      { orgId: root, typeId: 'article', occurredOn: '2026-01-10', fields: { words: 1200, media_level: 'central', tags: ['ideology'] } },
      { orgId: office, typeId: 'article', occurredOn: '2026-02-10', fields: { words: 800, media_level: 'provincial', tags: ['ideology', 'culture'] } },
      { orgId: library, typeId: 'article', occurredOn: '2026-03-10', fields: { media_level: 'central' } },
      { orgId: library, typeId: 'article', occurredOn: '2025-12-31', fields: { words: 5000, media_level: 'municipal' } },
      { orgId: library, typeId: 'article', occurredOn: '2026-04-01', fields: { words: 100 }, deleted: true },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-02-11', fields: { kind: 'lecture' } },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-02-12', fields: { kind: 'committee' } },
    ]);
  });
  afterEach(() => closeWorld(w));

  it('computes every metric of the pack for the subtree and the date range', async () => {
    const res = await w.leader.get(`/api/metrics?packId=${PACK}&from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: 'article.count', name: '报送信息', value: 3, unit: '篇', recordCount: 3 },
      { id: 'article.words', name: '报送字数', value: 2000, unit: '字', recordCount: 2 },
      { id: 'article.media_levels', name: '采用媒体级别数', value: 2, unit: '级', recordCount: 3 },
      { id: 'article.tags', name: '信息标签数', value: 2, unit: '个', recordCount: 2 },
      { id: 'branch_meeting.lectures', name: '党课', value: 1, unit: '次', recordCount: 1 },
    ]);
    const some = (await w.leader.get(`/api/metrics?packId=${PACK}&ids=article.words,article.count&orgId=${w.orgs.library}&from=2025-01-01&to=2026-12-31`)).json();
    expect(some.map((m: { id: string; value: number }) => [m.id, m.value])).toEqual([['article.words', 5000], ['article.count', 2]]);
  });

  it('lists exactly the records a figure rests on, the ones computeMetric returns', async () => {
    const figure = await computeMetric(w.t.ctx, { packId: PACK, metricId: 'article.words', orgId: w.orgs.root, from: '2026-01-01', to: '2026-12-31' });
    expect(figure).toEqual({ value: 2000, unit: '字', recordIds: [ids[0], ids[1]] });
    const res = (await w.leader.get(`/api/metrics/article.words/records?packId=${PACK}&from=2026-01-01&to=2026-12-31`)).json();
    expect(res.total).toBe(2);
    expect(res.items.map((r: { id: string }) => r.id)).toEqual(figure.recordIds);
    expect(res.items[1]).toMatchObject({ title: 'article 2026-02-10', occurredOn: '2026-02-10', typeId: 'article', orgName: '办公室' });
    const paged = (await w.leader.get(`/api/metrics/article.count/records?packId=${PACK}&from=2026-01-01&to=2026-12-31&page=2&pageSize=2`)).json();
    expect([paged.total, paged.items.map((r: { id: string }) => r.id)]).toEqual([3, [ids[2]]]);
  });

  it('refuses unknown metrics and impossible ranges, naming the field', async () => {
    const unknown = await w.leader.get(`/api/metrics?packId=${PACK}&ids=article.count,nope`);
    expect([unknown.statusCode, unknown.json().error.field]).toEqual([404, 'metricId']);
    expect((await w.leader.get(`/api/metrics/nope/records?packId=${PACK}`)).statusCode).toBe(404);
    const reversed = await w.leader.get(`/api/metrics?packId=${PACK}&from=2026-03-01&to=2026-02-01`);
    expect([reversed.statusCode, reversed.json().error.field]).toEqual([400, 'to']);
    expect(reversed.json().error.message).toContain('起始日期不能晚于截止日期');
    expect((await w.leader.get(`/api/metrics?packId=${PACK}&from=2026-02-30`)).statusCode).toBe(400);
  });
});
