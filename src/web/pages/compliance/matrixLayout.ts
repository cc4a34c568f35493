import { worstFirst } from '../../../core/compliance/evaluate.ts';
import { parsePeriod } from '../../../core/compliance/period.ts';
import type { MatrixRule } from './api.ts';

// The matrix is laid on twelve month columns: a month cell takes one, a quarter three, a half-year
// six, a year all twelve, so a row reads as the year's timeline whatever the rule's period. Weekly
// rules do not fit months; they get a strip of small cells across the row instead.

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Where a cell sits: first month column (1–12) and how many it spans; null for weeks. */
export function cellColumns(periodKey: string): { start: number; span: number } | null {
  const p = parsePeriod(periodKey);
  if (!p) return null;
  switch (p.kind) {
    case 'month':
      return { start: p.index, span: 1 };
    case 'quarter':
      return { start: (p.index - 1) * 3 + 1, span: 3 };
    case 'half_year':
      return { start: (p.index - 1) * 6 + 1, span: 6 };
    case 'year':
      return { start: 1, span: 12 };
    case 'week':
      return null;
  }
}

export type MatrixFilter = 'all' | 'open' | 'overdue';

const hasStatus = (rule: MatrixRule, ...statuses: string[]) => rule.cells.some((c) => statuses.includes(c.status));

/**
 * The rows to show, worst first: most overdue periods, then most running ones, then the pack's
 * order (the server sends them so; sorting again keeps the promise whatever arrives). `open` keeps
 * rules with something overdue or running, `overdue` only those with something overdue.
 */
export function matrixRows(rules: readonly MatrixRule[], filter: MatrixFilter = 'all'): MatrixRule[] {
  const kept = rules.filter((rule) => {
    if (filter === 'overdue') return hasStatus(rule, 'overdue');
    if (filter === 'open') return hasStatus(rule, 'overdue', 'due');
    return true;
  });
  return worstFirst(kept);
}

/** How many rules have something overdue, something running and not yet met, or are switched off. */
export function matrixCounts(rules: readonly MatrixRule[]): { overdue: number; open: number; all: number } {
  return {
    overdue: rules.filter((r) => hasStatus(r, 'overdue')).length,
    open: rules.filter((r) => hasStatus(r, 'overdue', 'due')).length,
    all: rules.length,
  };
}
