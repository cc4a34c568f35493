import { describe, expect, it } from 'vitest';
import type { RecordFilter } from './record.query.ts';
import { countPlan, pagePlan } from './recordPlan.ts';

const all: RecordFilter = { packId: 'ideology', orgs: { all: true }, includeDeleted: false };
const unit: RecordFilter = { ...all, orgs: { ids: ['a', 'b'] } };
const byDate = { sort: 'occurredOn', offset: 0, limit: 20 } as const;
const size = (total: number, tableRows = 1_000_000) => ({ total, tableRows });

describe('SQLite read plans for the record list', () => {
  it('counts through the narrowest live index: org list, else type, else date', () => {
    expect(countPlan(unit)).toEqual({ index: 'record_live_org_idx' });
    expect(countPlan({ ...all, typeId: 'article' })).toEqual({ index: 'record_live_type_idx' });
    expect(countPlan(all)).toEqual({ index: 'record_live_date_idx' });
  });

  it('reads the newest first off an index, gathering a small org set by org instead', () => {
    expect(pagePlan(all, byDate, size(900_000))).toEqual({ index: 'record_live_date_idx' });
    expect(pagePlan({ ...all, typeId: 'article' }, byDate, size(90_000))).toEqual({ index: 'record_live_type_idx' });
    // A district's year (over ten thousand, the capped count) and a unit's 2,000: walked.
    expect(pagePlan(unit, byDate, size(10_000))).toEqual({ index: 'record_live_date_idx' });
    expect(pagePlan(unit, byDate, size(2_000))).toEqual({ index: 'record_live_date_idx' });
    // A unit's few records: the walk would pass most of the table, so they are gathered.
    expect(pagePlan(unit, byDate, size(300))).toEqual({ index: 'record_live_org_idx' });
    // A deep page of a unit: gathering its 2,000 rows beats walking to the 1,000th match.
    expect(pagePlan(unit, { ...byDate, offset: 980 }, size(2_000))).toEqual({ index: 'record_live_org_idx' });
    // A small table is walked for what would be a small unit in a large one.
    expect(pagePlan(unit, byDate, size(300, 20_000))).toEqual({ index: 'record_live_date_idx' });
  });

  it('scans the table for a text search over everything and for other orders of everything', () => {
    expect(countPlan({ ...all, q: '学习' })).toEqual({ scan: true });
    expect(pagePlan({ ...all, q: '学习' }, byDate, size(10))).toEqual({ scan: true });
    expect(countPlan({ ...unit, q: '学习' })).toEqual({ index: 'record_live_org_idx' });
    expect(pagePlan(all, { ...byDate, sort: 'title' }, size(900_000))).toEqual({ scan: true });
    expect(pagePlan({ ...all, from: '2026-01-01' }, { ...byDate, sort: 'title' }, size(900))).toEqual({ index: 'record_live_date_idx' });
  });

  it('uses the indexes over all rows when tombstones are listed', () => {
    expect(countPlan({ ...unit, includeDeleted: true })).toEqual({ index: 'record_org_date_idx' });
    expect(pagePlan({ ...all, typeId: 'article', includeDeleted: true }, byDate, size(10))).toEqual({ index: 'record_aggregate_idx' });
    expect(countPlan({ ...all, includeDeleted: true })).toEqual({ scan: true });
  });
});
