import { describe, expect, it } from 'vitest';
import type { RecordFilter } from './record.query.ts';
import { countPlan, pagePlan } from './recordPlan.ts';

const all: RecordFilter = { packId: 'ideology', orgs: { all: true }, includeDeleted: false };
const unit: RecordFilter = { ...all, orgs: { ids: ['a', 'b'] } };
const byDate = { sort: 'occurredOn' } as const;

describe('SQLite read plans for the record list', () => {
  it('counts through the narrowest live index: org list, else type, else date', () => {
    expect(countPlan(unit)).toEqual({ index: 'record_live_org_idx' });
    expect(countPlan({ ...all, typeId: 'article' })).toEqual({ index: 'record_live_type_idx' });
    expect(countPlan(all)).toEqual({ index: 'record_live_date_idx' });
  });

  it('reads the newest first off an index, gathering a small org set by org instead', () => {
    expect(pagePlan(all, byDate, 900_000)).toEqual({ index: 'record_live_date_idx' });
    expect(pagePlan({ ...all, typeId: 'article' }, byDate, 90_000)).toEqual({ index: 'record_live_type_idx' });
    expect(pagePlan(unit, byDate, 1_500)).toEqual({ index: 'record_live_org_idx' });
    expect(pagePlan(unit, byDate, 50_000)).toEqual({ index: 'record_live_date_idx' });
  });

  it('scans the table for a text search over everything and for other orders of everything', () => {
    expect(countPlan({ ...all, q: '学习' })).toEqual({ scan: true });
    expect(pagePlan({ ...all, q: '学习' }, byDate, 10)).toEqual({ scan: true });
    expect(countPlan({ ...unit, q: '学习' })).toEqual({ index: 'record_live_org_idx' });
    expect(pagePlan(all, { sort: 'title' }, 900_000)).toEqual({ scan: true });
    expect(pagePlan({ ...all, from: '2026-01-01' }, { sort: 'title' }, 900)).toEqual({ index: 'record_live_date_idx' });
  });

  it('uses the indexes over all rows when tombstones are listed', () => {
    expect(countPlan({ ...unit, includeDeleted: true })).toEqual({ index: 'record_org_date_idx' });
    expect(pagePlan({ ...all, typeId: 'article', includeDeleted: true }, byDate, 10)).toEqual({ index: 'record_aggregate_idx' });
    expect(countPlan({ ...all, includeDeleted: true })).toEqual({ scan: true });
  });
});
