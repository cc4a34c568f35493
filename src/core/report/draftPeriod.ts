import { addDays, daysBetween, isDate } from '../compliance/period.ts';
import { type PeriodFacts, reportPeriodLabel } from './draftFacts.ts';
import type { TemplatePeriodKind } from './templateModel.ts';

// The period a report covers, from what the user asks for (2026; 2026 H1; 2026 Q3; or two dates),
// and the period after it (where 下一步工作打算 looks for plans).

export interface PeriodRequest {
  kind: TemplatePeriodKind;
  year?: number;
  /** 1 or 2, for a half-year. */
  half?: number;
  /** 1 … 4, for a quarter. */
  quarter?: number;
  /** For a range: first and last day, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthsSpan = (year: number, first: number, months: number) => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(first + months - 1)}-${pad(lastDay(year, first + months - 1))}`,
});

/** The span of the request, or a message (Chinese) naming what is missing or wrong. */
function spanOf(p: PeriodRequest): { from: string; to: string } | string {
  if (p.kind === 'range') {
    if (!p.from || !p.to || !isDate(p.from) || !isDate(p.to)) return '日期范围须给出有效的起止日期（YYYY-MM-DD）';
    if (p.from > p.to) return '起始日期不能晚于截止日期';
    if (daysBetween(p.from, p.to) > 3 * 366) return '日期范围不能超过三年';
    return { from: p.from, to: p.to };
  }
  if (p.year === undefined || !Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) return '请指定年度（2000-2100）';
  if (p.kind === 'year') return monthsSpan(p.year, 1, 12);
  if (p.kind === 'half_year') return p.half === 1 || p.half === 2 ? monthsSpan(p.year, p.half === 1 ? 1 : 7, 6) : '半年须为 1（上半年）或 2（下半年）';
  return p.quarter !== undefined && Number.isInteger(p.quarter) && p.quarter >= 1 && p.quarter <= 4 ? monthsSpan(p.year, p.quarter * 3 - 2, 3) : '季度须为 1-4';
}

/** The period after `span` of the same kind. */
function nextSpan(kind: TemplatePeriodKind, span: { from: string; to: string }): { from: string; to: string } {
  if (kind === 'range') return { from: addDays(span.to, 1), to: addDays(span.to, 1 + daysBetween(span.from, span.to)) };
  const months = { year: 12, half_year: 6, quarter: 3 }[kind];
  const start = addDays(span.to, 1);
  return monthsSpan(Number(start.slice(0, 4)), Number(start.slice(5, 7)), months);
}

/** The report's period with its labels and the next period, or a message saying why not. */
export function resolvePeriod(p: PeriodRequest): (PeriodFacts & { next: { from: string; to: string } }) | string {
  const span = spanOf(p);
  if (typeof span === 'string') return span;
  const next = nextSpan(p.kind, span);
  return {
    kind: p.kind,
    ...span,
    label: reportPeriodLabel(p.kind, span.from, span.to),
    year: Number(span.to.slice(0, 4)),
    nextLabel: reportPeriodLabel(p.kind, next.from, next.to),
    nextYear: Number(next.from.slice(0, 4)),
    next,
  };
}

/** The request that gives a stored period back (its kind, first and last day). */
export function periodRequestOf(kind: TemplatePeriodKind, from: string, to: string): PeriodRequest {
  const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  if (kind === 'year') return { kind, year };
  if (kind === 'half_year') return { kind, year, half: month <= 6 ? 1 : 2 };
  if (kind === 'quarter') return { kind, year, quarter: Math.ceil(month / 3) };
  return { kind, from, to };
}
