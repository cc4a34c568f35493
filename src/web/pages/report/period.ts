import { resolvePeriod } from '../../../core/report/draftPeriod.ts';
import type { PeriodRequest, TemplatePeriodKind } from './api.ts';

// The report period as the draft form holds it (a kind, a year and its half or quarter, or two
// dates), the request POST /api/reports takes, and the period a clerk most likely means today.

export interface PeriodValue {
  kind: TemplatePeriodKind;
  year?: number;
  half?: number;
  quarter?: number;
  /** First and last day, YYYY-MM-DD. */
  range?: [string, string];
}

/** The request for a period in the form; fields the kind does not use are left out. */
export function periodRequest(value: PeriodValue): PeriodRequest {
  switch (value.kind) {
    case 'year':
      return { kind: 'year', year: value.year };
    case 'half_year':
      return { kind: 'half_year', year: value.year, half: value.half };
    case 'quarter':
      return { kind: 'quarter', year: value.year, quarter: value.quarter };
    case 'range':
      return { kind: 'range', from: value.range?.[0], to: value.range?.[1] };
  }
}

/**
 * What a clerk drafting on `today` most likely reports on: an annual report in January or February
 * is last year's, later this year's; a half-year summary from March to September is the first half,
 * from October the second, in January or February last year's second half; a quarter is the one
 * that ends nearest (the current one from its last month on, else the previous one); a range runs
 * from the first of the year to today.
 */
export function defaultPeriod(kind: TemplatePeriodKind, today: string): PeriodValue {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (kind) {
    case 'year':
      return { kind, year: month <= 2 ? year - 1 : year };
    case 'half_year':
      return month <= 2 ? { kind, year: year - 1, half: 2 } : { kind, year, half: month <= 9 ? 1 : 2 };
    case 'quarter': {
      const current = Math.ceil(month / 3);
      if (month % 3 === 0) return { kind, year, quarter: current };
      return current === 1 ? { kind, year: year - 1, quarter: 4 } : { kind, year, quarter: current - 1 };
    }
    case 'range':
      return { kind, range: [`${year}-01-01`, today] };
  }
}

/** Years offered in the pickers: from five years back to next year, newest first. */
export function yearOptions(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 7 }, (_, i) => year + 1 - i);
}

/** The period's label (2026年上半年), or the server's own message saying what is missing or wrong. */
export function checkPeriod(value: PeriodValue | undefined): { label: string } | { error: string } {
  if (!value) return { error: '请选择报告期' };
  const resolved = resolvePeriod(periodRequest(value));
  return typeof resolved === 'string' ? { error: resolved } : { label: resolved.label };
}
