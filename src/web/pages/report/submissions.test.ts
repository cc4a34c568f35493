import { describe, expect, it } from 'vitest';
import { outsideRecords } from './submissions.ts';

describe('a unit’s submissions', () => {
  it('shows a report submitted in lvzhi once, and records of reports sent outside it', () => {
    const item = {
      orgId: 'lib', orgName: '市图书馆', parentId: 'root', depth: 1, submitted: true,
      reports: [{ reportId: 'rep7', title: '市图书馆关于2025年意识形态工作情况的报告', version: 3, submittedAt: '2026-01-12T02:30:00Z' }],
      records: [
        { recordId: 'rec1', title: '市图书馆关于2025年意识形态工作情况的报告', occurredOn: '2026-01-12' },
        { recordId: 'rec2', title: '2025年意识形态工作报告（纸质报送）', occurredOn: '2026-01-08' },
      ],
    };
    expect(outsideRecords(item).map((r) => r.recordId)).toEqual(['rec2']);
    // Sent late in the evening in Beijing: the next day in the ledger.
    expect(outsideRecords({ ...item, records: [{ ...item.records[0]!, occurredOn: '2026-01-13' }] })).toEqual([]);
    expect(outsideRecords({ ...item, records: [{ ...item.records[0]!, occurredOn: '2026-03-01' }] })).toHaveLength(1);
  });
});
