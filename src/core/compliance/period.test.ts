import { describe, expect, it } from 'vitest';
import { PERIODS } from '../pack/schema.ts';
import {
  addDays, chinaToday, dayNumber, isDate, isPeriodKey, kindOfPeriod, periodLabel, periodOf, periodRange, periodsBetween, periodsEndingIn,
} from './period.ts';

describe('period arithmetic', () => {
  it('names the period of a date for every kind', () => {
    expect(PERIODS.map((k) => periodOf('2026-05-20', k))).toEqual(['2026-W21', '2026-05', '2026-Q2', '2026-H1', '2026']);
    expect(PERIODS.map((k) => periodOf('2026-12-31', k))).toEqual(['2026-W53', '2026-12', '2026-Q4', '2026-H2', '2026']);
  });

  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of 2026 holds it
    ['2025-12-29', '2026-W01'], // Monday of that week, still in 2025
    ['2025-12-28', '2025-W52'],
    ['2027-01-01', '2026-W53'], // a Friday: belongs to the last week of 2026
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2010-01-03', '2009-W53'],
    ['2008-12-29', '2009-W01'],
  ])('puts %s in ISO week %s across year ends', (date, week) => {
    expect(periodOf(date, 'week')).toBe(week);
    const { start, end } = periodRange(week);
    expect(date >= start && date <= end).toBe(true);
  });

  it('gives inclusive ranges, leap days included', () => {
    expect(periodRange('2026-W01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(periodRange('2026-W53')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodRange('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodRange('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodRange('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('tiles every day of eleven years exactly once per kind', () => {
    for (const kind of PERIODS) {
      let previousEnd = addDays('2020-01-01', -1);
      let key = '';
      for (let day = dayNumber('2020-01-01'); day <= dayNumber('2030-12-31'); day++) {
        const date = addDays('1970-01-01', day);
        const next = periodOf(date, kind);
        if (next !== key) {
          const range = periodRange(next);
          if (key !== '') expect(range.start, `${kind} ${next}`).toBe(addDays(previousEnd, 1));
          previousEnd = range.end;
          key = next;
          expect(kindOfPeriod(next)).toBe(kind);
        }
      }
    }
  });

  it('refuses keys and dates that do not exist', () => {
    expect(isPeriodKey('2026-W53')).toBe(true);
    for (const bad of ['2025-W53', '2026-W00', '2026-13', '2026-00', '2026-Q5', '2026-H3', '0999', '26-Q1', '2026-q1', '2026-W5', '']) {
      expect(isPeriodKey(bad), bad).toBe(false);
    }
    expect(() => periodRange('2026-Q5')).toThrow('not a period');
    for (const bad of ['2026-02-30', '2026-2-3', '2026-13-01', '20260101', '0099-01-01']) expect(isDate(bad), bad).toBe(false);
  });

  it('lists the periods overlapping a span, and those falling due in it', () => {
    expect(periodsBetween('2026-02-15', '2026-07-01', 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(periodsEndingIn('2026-02-15', '2026-07-01', 'quarter')).toEqual(['2026-Q1', '2026-Q2']);
    expect(periodsBetween('2026-01-01', '2026-12-31', 'month')).toHaveLength(12);
    // 2026-W01 starts in 2025 but falls due in 2026; 2027's first days belong to 2026-W53, due in 2027.
    const weeks = periodsEndingIn('2026-01-01', '2026-12-31', 'week');
    expect(weeks[0]).toBe('2026-W01');
    expect(weeks.at(-1)).toBe('2026-W52');
    expect(periodsEndingIn('2027-01-01', '2027-12-31', 'week')[0]).toBe('2026-W53');
    expect(periodsBetween('2026-03-31', '2026-03-31', 'year')).toEqual(['2026']);
  });

  it('takes "today" in China Standard Time whatever the server zone', () => {
    expect(chinaToday(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(chinaToday(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01');
    expect(chinaToday(new Date('2026-12-31T20:00:00.000Z'))).toBe('2027-01-01');
  });

  it('labels periods in Chinese', () => {
    expect(['2026-W05', '2026-03', '2026-Q1', '2026-H2', '2026'].map(periodLabel)).toEqual([
      '2026年第5周', '2026年3月', '2026年第一季度', '2026年下半年', '2026年',
    ]);
  });
});
