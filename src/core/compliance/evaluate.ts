import { periodRange } from './period.ts';
import { coversKind, type RuleInEffect } from './rules.ts';

/**
 * The state of one rule for one org and period:
 * - `met`: enough records, whenever they were entered (a met period stays met);
 * - `due`: the period is running and not yet met;
 * - `overdue`: the period has ended without being met;
 * - `upcoming`: the period has not started (a year's later quarters); nothing is owed yet;
 * - `not_applicable`: the rule does not bind this org (kind not covered, or switched off).
 * Completion rates count only met, due and overdue: upcoming and not-applicable cells owe nothing.
 */
export const STATUSES = ['met', 'due', 'overdue', 'upcoming', 'not_applicable'] as const;
export type ComplianceStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ComplianceStatus, string> = {
  met: '已完成',
  due: '进行中',
  overdue: '已逾期',
  upcoming: '未开始',
  not_applicable: '不适用',
};

/**
 * Evaluates one cell. `today` is the business date (period.chinaToday): the last day of a period
 * is still `due`, the next day it is `overdue`.
 */
export function evaluate(rule: Pick<RuleInEffect, 'rule' | 'min' | 'enabled'>, orgKind: string, periodKey: string, count: number, today: string): ComplianceStatus {
  if (!rule.enabled || !coversKind(rule.rule, orgKind)) return 'not_applicable';
  if (count >= rule.min) return 'met';
  const { start, end } = periodRange(periodKey);
  if (today < start) return 'upcoming';
  return today <= end ? 'due' : 'overdue';
}

export interface Cell {
  period: string;
  /** First and last day of the period. */
  from: string;
  to: string;
  status: ComplianceStatus;
  /** Records of the org that count toward the rule in the period. */
  count: number;
}

/** The cells of one rule for one org over `periods`; `countOf` gives the records per period. */
export function ruleCells(
  rule: RuleInEffect,
  orgKind: string,
  periods: readonly string[],
  countOf: (period: string) => number,
  today: string,
): Cell[] {
  return periods.map((period) => {
    const { start, end } = periodRange(period);
    const count = countOf(period);
    return { period, from: start, to: end, status: evaluate(rule, orgKind, period, count, today), count };
  });
}

export interface Tally {
  /** met + due + overdue: the cells that owe something. */
  applicable: number;
  met: number;
  due: number;
  overdue: number;
  /** met / applicable, 4 decimals; null when nothing applies. */
  rate: number | null;
}

export const emptyTally = (): Tally => ({ applicable: 0, met: 0, due: 0, overdue: 0, rate: null });

/** Adds statuses to a tally (in place) and recomputes its rate. */
export function addToTally(tally: Tally, statuses: Iterable<ComplianceStatus>): Tally {
  for (const s of statuses) {
    if (s === 'met' || s === 'due' || s === 'overdue') {
      tally[s] += 1;
      tally.applicable += 1;
    }
  }
  tally.rate = completionRate(tally.met, tally.applicable);
  return tally;
}

export function mergeTallies(into: Tally, other: Tally): Tally {
  into.applicable += other.applicable;
  into.met += other.met;
  into.due += other.due;
  into.overdue += other.overdue;
  into.rate = completionRate(into.met, into.applicable);
  return into;
}

export function completionRate(met: number, applicable: number): number | null {
  return applicable === 0 ? null : Math.round((met / applicable) * 10_000) / 10_000;
}

const SEVERITY: Record<ComplianceStatus, number> = { overdue: 0, due: 1, upcoming: 2, met: 3, not_applicable: 4 };

/** Orders rows worst first: most overdue cells, then most due, then the given order. */
export function worstFirst<T extends { cells: readonly Pick<Cell, 'status'>[] }>(rows: readonly T[]): T[] {
  const score = (row: T) => {
    const n = (s: ComplianceStatus) => row.cells.filter((c) => c.status === s).length;
    return [-n('overdue'), -n('due'), Math.min(5, ...row.cells.map((c) => SEVERITY[c.status]))];
  };
  const scored = rows.map((row, i) => ({ row, key: [...score(row), i] }));
  scored.sort((a, b) => {
    for (let k = 0; k < a.key.length; k++) if (a.key[k] !== b.key[k]) return a.key[k]! - b.key[k]!;
    return 0;
  });
  return scored.map((s) => s.row);
}
