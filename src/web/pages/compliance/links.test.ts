import { describe, expect, it } from 'vitest';
import { dateInPeriod, newRecordLink } from './links.ts';

describe('补录 links', () => {
  const q2 = { from: '2026-04-01', to: '2026-06-30' };

  it('dates a new record inside the cell\'s period: today while it runs, its last day once over, its first before', () => {
    expect(dateInPeriod(q2, '2026-05-12')).toBe('2026-05-12');
    expect(dateInPeriod(q2, '2026-04-01')).toBe('2026-04-01');
    expect(dateInPeriod(q2, '2026-06-30')).toBe('2026-06-30');
    expect(dateInPeriod(q2, '2026-11-29')).toBe('2026-06-30');
    expect(dateInPeriod(q2, '2026-01-15')).toBe('2026-04-01');
  });

  it('puts the date in the new-record link only when given', () => {
    expect(newRecordLink({ packId: 'ideology', typeId: 'topic_meeting', orgId: 'o1', occurredOn: '2026-06-30' }))
      .toBe('/ledger/new?packId=ideology&typeId=topic_meeting&orgId=o1&occurredOn=2026-06-30');
    expect(newRecordLink({ packId: 'ideology', typeId: 'topic_meeting', orgId: 'o1' })).toBe('/ledger/new?packId=ideology&typeId=topic_meeting&orgId=o1');
  });
});
