import type { PeriodKind } from '../pack/schema.ts';

// Period arithmetic on 'YYYY-MM-DD' strings. Dates are turned into day numbers (days since
// 1970-01-01) through Date.UTC and back, so no local time zone can shift a day.
//
// Period keys: week '2026-W05' (ISO 8601: weeks start on Monday; week 1 holds the year's first
// Thursday, so 2026-W01 starts on 2025-12-29), month '2026-03', quarter '2026-Q1', half-year
// '2026-H1', year '2026'.

export type { PeriodKind };

export interface DateRange {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive: the day the period falls due. */
  end: string;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on anything that is not a real date. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over into March: a round trip catches it. Years below 100 are not
  // dates of this domain, and Date.UTC would read them as 19xx.
  if (y < 1000 || toDate(ms / DAY_MS) !== date) throw new Error(`not a date: ${date}`);
  return ms / DAY_MS;
}

export function toDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return toDate(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The business calendar is China Standard Time (UTC+8, no daylight saving since 1991): "today",
 * which decides between due and overdue, is the date in Asia/Shanghai, whatever the server's zone.
 */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** ISO weekday, Monday 1 … Sunday 7. Day 0 (1970-01-01) was a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday of ISO week 1 of `isoYear`: the week holding 4 January. */
function week1Monday(isoYear: number): number {
  const jan4 = Date.UTC(isoYear, 0, 4) / DAY_MS;
  return jan4 - isoWeekday(jan4) + 1;
}

function weeksInIsoYear(isoYear: number): number {
  return (week1Monday(isoYear + 1) - week1Monday(isoYear)) / 7;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The key of the period of `kind` that contains `date`. */
export function periodOf(date: string, kind: PeriodKind): string {
  const day = dayNumber(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'week': {
      // The ISO year is the year of the week's Thursday.
      const thursday = day - isoWeekday(day) + 4;
      const isoYear = Number(toDate(thursday).slice(0, 4));
      return `${isoYear}-W${pad((thursday - week1Monday(isoYear) - 3) / 7 + 1)}`;
    }
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half_year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return String(year);
  }
}

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Week, month, quarter or half number; 1 for a year. */
  index: number;
}

const KEY = /^(\d{4})(?:-(W(\d{2})|(\d{2})|Q([1-4])|H([12])))?$/;

/** Parses a period key; null when it is not one (including week 53 of a 52-week year). */
export function parsePeriod(key: string): ParsedPeriod | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  if (m[3] !== undefined) {
    const week = Number(m[3]);
    return week >= 1 && week <= weeksInIsoYear(year) ? { kind: 'week', year, index: week } : null;
  }
  if (m[4] !== undefined) {
    const month = Number(m[4]);
    return month >= 1 && month <= 12 ? { kind: 'month', year, index: month } : null;
  }
  if (m[5] !== undefined) return { kind: 'quarter', year, index: Number(m[5]) };
  if (m[6] !== undefined) return { kind: 'half_year', year, index: Number(m[6]) };
  return { kind: 'year', year, index: 1 };
}

export const isPeriodKey = (key: string): boolean => parsePeriod(key) !== null;

function parseOrThrow(key: string): ParsedPeriod {
  const parsed = parsePeriod(key);
  if (!parsed) throw new Error(`not a period: ${key}`);
  return parsed;
}

export function kindOfPeriod(key: string): PeriodKind {
  return parseOrThrow(key).kind;
}

// Evaluating a city's subtree asks for the same few dozen periods tens of thousands of times.
const rangeCache = new Map<string, DateRange>();

/** First and last day (inclusive) of the period `key`. */
export function periodRange(key: string): DateRange {
  let range = rangeCache.get(key);
  if (!range) {
    range = computeRange(key);
    if (rangeCache.size > 10_000) rangeCache.clear();
    rangeCache.set(key, range);
  }
  return range;
}

function computeRange(key: string): DateRange {
  const { kind, year, index } = parseOrThrow(key);
  if (kind === 'week') {
    const start = week1Monday(year) + (index - 1) * 7;
    return { start: toDate(start), end: toDate(start + 6) };
  }
  const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[kind];
  const firstMonth = (index - 1) * months; // 0-based
  const start = Date.UTC(year, firstMonth, 1) / DAY_MS;
  const next = Date.UTC(year, firstMonth + months, 1) / DAY_MS;
  return { start: toDate(start), end: toDate(next - 1) };
}

/** The periods of `kind` that overlap [from, to], in order. */
export function periodsBetween(from: string, to: string, kind: PeriodKind): string[] {
  const keys: string[] = [];
  const last = dayNumber(to);
  for (let day = dayNumber(from); day <= last; ) {
    const key = periodOf(toDate(day), kind);
    keys.push(key);
    day = dayNumber(periodRange(key).end) + 1;
  }
  return keys;
}

/**
 * The periods of `kind` that end (fall due) within [from, to]. This is how a span such as a year
 * or a quarter owns periods: each period belongs to exactly one span of a partition, even weeks
 * that straddle New Year.
 */
export function periodsEndingIn(from: string, to: string, kind: PeriodKind): string[] {
  return periodsBetween(from, to, kind).filter((key) => periodRange(key).end <= to);
}

const QUARTERS = ['一', '二', '三', '四'];

/** Chinese label of a period, for the UI and notifications: 2026年第一季度, 2026年上半年 … */
export function periodLabel(key: string): string {
  const { kind, year, index } = parseOrThrow(key);
  switch (kind) {
    case 'week':
      return `${year}年第${index}周`;
    case 'month':
      return `${year}年${index}月`;
    case 'quarter':
      return `${year}年第${QUARTERS[index - 1]}季度`;
    case 'half_year':
      return `${year}年${index === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${year}年`;
  }
}

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
};
