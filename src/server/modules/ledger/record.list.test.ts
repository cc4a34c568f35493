import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { createRecord, FIXTURE_PACK_ID, type LedgerWorld, ledgerWorld, meetingBody } from '../../../../test/support/ledgerFixtures.ts';
import { personIdByName } from '../../../../test/support/orgFixtures.ts';

// The list's filters, search, sorting and paging over a handful of records in three units.

describeEachDialect('ledger record list', (dialect) => {
  let w: LedgerWorld;
  const ids: Record<string, string> = {};
  const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);
  const list = (query: string) => w.leader.get(`/api/records?packId=${FIXTURE_PACK_ID}&${query}`);

  beforeAll(async () => {
    w = await ledgerWorld(dialect);
    const rootHost = await personIdByName(w.t, '王建国');
    const officeHost = await personIdByName(w.t, '赵文静');
    const libraryHost = await personIdByName(w.t, '姜宏');
    const make = async (key: string, orgId: string, hostId: string, title: string, occurredOn: string, fields: Record<string, unknown> = {}) => {
      ids[key] = (await createRecord(w.clerk, meetingBody({ orgId, hostId, title, occurredOn, fields }))).id;
    };
    await make('q1', w.rootId, rootHost, '一季度党组会', '2026-03-20', { minutes: '研究网络意识形态' });
    await make('q2', w.rootId, rootHost, '二季度党组会', '2026-06-18');
    await make('office', w.orgs.office, officeHost, '办公室专题会 100%落实', '2026-04-02');
    await make('office2', w.orgs.office, officeHost, '办公室专题会 100_落实', '2026-04-03');
    await make('library', w.orgs.library, libraryHost, '图书馆阵地巡查', '2025-12-30', { topic: 'WeChat公众号巡查' });
    ids.note = (await createRecord(w.clerk, { packId: FIXTURE_PACK_ID, typeId: 'note', orgId: w.rootId, title: '工作记录', occurredOn: '2026-01-05', fields: {} })).id;
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('lists the whole scope newest first with totals, and filters by type', async () => {
    const all = await list('');
    expect(all.json().total).toBe(6);
    expect(titles(all)).toEqual(['二季度党组会', '办公室专题会 100_落实', '办公室专题会 100%落实', '一季度党组会', '工作记录', '图书馆阵地巡查']);
    expect(all.json().items[0]).toMatchObject({ typeName: '专题会议', orgName: '示例市文化广电旅游局党组' });
    expect(titles(await list('typeId=note'))).toEqual(['工作记录']);
    expect((await list('typeId=nope')).statusCode).toBe(422);
  });

  it('filters by org, with or without its subtree, and by date range', async () => {
    expect(titles(await list(`orgId=${w.orgs.office}`))).toEqual(['办公室专题会 100_落实', '办公室专题会 100%落实']);
    expect((await list(`orgId=${w.rootId}&subtree=false`)).json().total).toBe(3);
    expect((await list(`orgId=${w.rootId}`)).json().total).toBe(6);
    expect(titles(await list('from=2026-03-20&to=2026-04-02'))).toEqual(['办公室专题会 100%落实', '一季度党组会']);
    expect(titles(await list('to=2025-12-31'))).toEqual(['图书馆阵地巡查']);
    expect((await list('from=2026-02-30')).statusCode).toBe(400);
  });

  it('searches titles and text fields case-insensitively, taking % and _ literally', async () => {
    expect(titles(await list(`q=${encodeURIComponent('网络意识形态')}`))).toEqual(['一季度党组会']);
    expect(titles(await list('q=wechat'))).toEqual(['图书馆阵地巡查']);
    expect(titles(await list(`q=${encodeURIComponent('100%')}`))).toEqual(['办公室专题会 100%落实']);
    expect(titles(await list(`q=${encodeURIComponent('100_')}`))).toEqual(['办公室专题会 100_落实']);
    expect((await list(`q=${encodeURIComponent("' OR 1=1--")}`)).json().total).toBe(0);
  });

  it('sorts by each sortable column and pages without overlap', async () => {
    expect(titles(await list('sort=occurredOn&order=asc')).at(0)).toBe('图书馆阵地巡查');
    expect(titles(await list('sort=title&order=asc'))).toEqual([...titles(await list('sort=title&order=asc'))].sort());
    const byOrg = (await list('sort=org&order=asc')).json().items.map((i: { orgName: string }) => i.orgName);
    expect(byOrg).toEqual([...byOrg].sort());
    expect(titles(await list('sort=createdAt&order=asc')).at(-1)).toBe('工作记录');
    expect((await list('sort=updatedAt')).statusCode).toBe(200);
    const pages = await Promise.all([1, 2, 3].map((page) => list(`pageSize=2&page=${page}`)));
    expect(pages.flatMap(titles)).toEqual(titles(await list('')));
    expect(pages.map((p) => p.json().total)).toEqual([6, 6, 6]);
    expect((await list('sort=fields')).statusCode).toBe(400);
  });

  it('shows a unit only its own records, and refuses an org filter outside its scope as not found', async () => {
    const office = (await w.officeLiaison.get(`/api/records?packId=${FIXTURE_PACK_ID}`)).json();
    expect(office.items.map((i: { orgId: string }) => i.orgId)).toEqual([w.orgs.office, w.orgs.office]);
    const other = await w.officeLiaison.get(`/api/records?packId=${FIXTURE_PACK_ID}&orgId=${w.orgs.library}`);
    expect(other.statusCode).toBe(404);
  });
});
