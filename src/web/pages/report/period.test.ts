import { describe, expect, it } from 'vitest';
import { checkPeriod, defaultPeriod, periodRequest, yearOptions } from './period.ts';

describe('report period form', () => {
  it('sends only what the kind uses', () => {
    expect(periodRequest({ kind: 'year', year: 2026, half: 1, quarter: 2 })).toEqual({ kind: 'year', year: 2026 });
    expect(periodRequest({ kind: 'half_year', year: 2026, half: 2 })).toEqual({ kind: 'half_year', year: 2026, half: 2 });
    expect(periodRequest({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(periodRequest({ kind: 'range', year: 2026, range: ['2026-01-01', '2026-05-31'] })).toEqual({ kind: 'range', from: '2026-01-01', to: '2026-05-31' });
  });

  it('proposes the period a clerk most likely reports on', () => {
    expect(defaultPeriod('year', '2026-01-08')).toEqual({ kind: 'year', year: 2025 });
    expect(defaultPeriod('year', '2026-11-29')).toEqual({ kind: 'year', year: 2026 });
    expect(defaultPeriod('half_year', '2026-02-10')).toEqual({ kind: 'half_year', year: 2025, half: 2 });
    expect(defaultPeriod('half_year', '2026-06-20')).toEqual({ kind: 'half_year', year: 2026, half: 1 });
    expect(defaultPeriod('half_year', '2026-12-01')).toEqual({ kind: 'half_year', year: 2026, half: 2 });
    expect(defaultPeriod('quarter', '2026-09-25')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(defaultPeriod('quarter', '2026-10-05')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(defaultPeriod('quarter', '2026-01-05')).toEqual({ kind: 'quarter', year: 2025, quarter: 4 });
    expect(defaultPeriod('range', '2026-11-29')).toEqual({ kind: 'range', range: ['2026-01-01', '2026-11-29'] });
  });

  it('labels a period or says, as the server does, what is wrong with it', () => {
    expect(checkPeriod({ kind: 'half_year', year: 2026, half: 1 })).toEqual({ label: '2026年上半年' });
    expect(checkPeriod({ kind: 'half_year', year: 2026 })).toEqual({ error: '半年须为 1（上半年）或 2（下半年）' });
    expect(checkPeriod({ kind: 'range', range: ['2026-05-01', '2026-01-01'] })).toEqual({ error: '起始日期不能晚于截止日期' });
    expect(checkPeriod(undefined)).toEqual({ error: '请选择报告期' });
  });

  it('offers next year back to five years ago', () => {
    expect(yearOptions('2026-11-29')).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
  });
});
