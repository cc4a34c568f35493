import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { FIXTURE_PACK_ID, type LedgerWorld, ledgerWorld } from '../../../../test/support/ledgerFixtures.ts';
import { toJson } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { countRecordsCapped, LIST_COUNT_CAP, type RecordFilter } from './record.query.ts';
import type { RecordTable } from './record.table.ts';

// The list counts up to LIST_COUNT_CAP: past it the answer says so (`totalCapped`) instead of
// counting every record of a city, and pages past the cap still come.

describeEachDialect('ledger record list count', (dialect) => {
  let w: LedgerWorld;
  const list = (query: string) => w.leader.get(`/api/records?packId=${FIXTURE_PACK_ID}&pageSize=20&${query}`);

  beforeAll(async () => {
    w = await ledgerWorld(dialect);
    // One more note than the cap at the top org (a day each, newest last), and two at the office.
    const at = '2026-01-01T00:00:00.000Z';
    const row = (orgId: string, i: number): RecordTable => ({
      id: newId(), pack_id: FIXTURE_PACK_ID, type_id: 'note', org_id: orgId, title: `记录${i}`,
      occurred_on: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10), fields: toJson({}), search_text: `记录${i}`,
      created_by: null, created_at: at, updated_by: null, updated_at: at, deleted_at: null, deleted_by: null,
    });
    const rows = Array.from({ length: LIST_COUNT_CAP + 1 }, (_, i) => row(w.rootId, i));
    rows.push(row(w.orgs.office, 0), row(w.orgs.office, 1));
    for (let i = 0; i < rows.length; i += 500) await w.t.ctx.db.insertInto('record').values(rows.slice(i, i + 500)).execute();
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('says "more than the cap" past it, and still serves the pages beyond', async () => {
    const first = (await list('')).json();
    expect(first).toMatchObject({ total: LIST_COUNT_CAP, totalCapped: true });
    expect(first.items[0].title).toBe(`记录${LIST_COUNT_CAP}`);
    const subtree = (await list(`orgId=${w.rootId}`)).json();
    expect(subtree).toMatchObject({ total: LIST_COUNT_CAP, totalCapped: true });
    // Page 501 of 20 starts at the 10,001st record: the oldest of the top org's, then the office's two.
    const beyond = (await list(`page=501&sort=occurredOn&order=desc`)).json();
    expect(beyond.items.map((i: { title: string }) => i.title)).toEqual(['记录1', '记录0', '记录0']);
    expect(beyond.totalCapped).toBe(true);
  });

  it('counts exactly up to the cap, and leaves totalCapped out then', async () => {
    const office = (await list(`orgId=${w.orgs.office}`)).json();
    expect(office.total).toBe(2);
    expect(office).not.toHaveProperty('totalCapped');
    const top = (await list(`orgId=${w.rootId}&subtree=false&from=2000-01-01&to=2000-12-31`)).json();
    expect(top.total).toBe(366);
    expect(top).not.toHaveProperty('totalCapped');
    const empty = (await list(`orgId=${w.orgs.library}&page=3`)).json();
    expect(empty).toEqual({ items: [], total: 0 });
  });

  it('caps the count through every read plan alike', async () => {
    const all: RecordFilter = { packId: FIXTURE_PACK_ID, orgs: { all: true }, includeDeleted: false };
    const count = (f: Partial<RecordFilter>, cap: number) => countRecordsCapped(w.t.ctx.db, w.t.ctx.dialect, { ...all, ...f }, cap);
    expect(await count({}, 5)).toEqual({ total: 5, capped: true });
    expect(await count({ typeId: 'note' }, 10_003)).toEqual({ total: 10_003, capped: false });
    expect(await count({ typeId: 'note' }, 10_002)).toEqual({ total: 10_002, capped: true });
    expect(await count({ orgs: { ids: [w.orgs.office] } }, 2)).toEqual({ total: 2, capped: false });
    expect(await count({ orgs: { ids: [w.orgs.office] } }, 1)).toEqual({ total: 1, capped: true });
    expect(await count({ q: '记录1', includeDeleted: true }, 100)).toEqual({ total: 100, capped: true });
    expect(await count({ from: '2000-01-01', to: '2000-01-31' }, 100)).toEqual({ total: 33, capped: false });
  });
});
