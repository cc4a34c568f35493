import { describe, expect, it } from 'vitest';
import { outsideRecords } from './submissions.ts';

describe('a unit’s submissions', () => {
  const item = {
    orgId: 'lib', orgName: '市图书馆', parentId: 'root', depth: 1, submitted: true,
    reports: [{ reportId: 'rep7', title: '市图书馆关于2025年意识形态工作情况的报告', version: 3, submittedAt: '2026-01-12T02:30:00Z', submittedBy: '李明', submittedRecordId: 'rec1' }],
    records: [
      // Written by the submission of rep7, sent after the year: dated the year's last day.
      { recordId: 'rec1', title: '市图书馆关于2025年意识形态工作情况的报告', occurredOn: '2025-12-31' },
      { recordId: 'rec2', title: '2025年意识形态工作报告（纸质报送）', occurredOn: '2026-01-08' },
    ],
  };

  it('shows a report submitted in lvzhi once, by the record its submission wrote, and records of reports sent outside it', () => {
    expect(outsideRecords(item).map((r) => r.recordId)).toEqual(['rec2']);
  });

  it('keeps a record that only shares the title and the day of a report submitted here', () => {
    const twin = { recordId: 'rec3', title: item.reports[0]!.title, occurredOn: '2026-01-12' };
    expect(outsideRecords({ ...item, records: [...item.records, twin] }).map((r) => r.recordId)).toEqual(['rec2', 'rec3']);
  });

  it('lists every record when a report wrote none (its template enters nothing in the ledger)', () => {
    const noRecord = { ...item, reports: [{ ...item.reports[0]!, submittedRecordId: null }] };
    expect(outsideRecords(noRecord).map((r) => r.recordId)).toEqual(['rec1', 'rec2']);
  });
});
