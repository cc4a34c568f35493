import { describe, expect, it } from 'vitest';
import { addToTally, emptyTally, evaluate, mergeTallies, ruleCells, worstFirst } from './evaluate.ts';
import type { PackRule, RuleInEffect } from './rules.ts';

const rule = (over: Partial<PackRule> = {}, min = 1, enabled = true): RuleInEffect => ({
  rule: { id: 'R', name: '规则', basis: '', recordType: 't', where: [], period: 'quarter', min, orgKinds: null, dutyRole: 'primary', enabled: true, ...over },
  min,
  enabled,
  override: null,
});

describe('rule evaluation', () => {
  it('is due on the last day of a quarter and overdue the next day', () => {
    const r = rule();
    expect(evaluate(r, 'branch', '2026-Q1', 0, '2025-12-31')).toBe('upcoming');
    expect(evaluate(r, 'branch', '2026-Q1', 0, '2026-01-01')).toBe('due');
    expect(evaluate(r, 'branch', '2026-Q1', 0, '2026-03-31')).toBe('due');
    expect(evaluate(r, 'branch', '2026-Q1', 0, '2026-04-01')).toBe('overdue');
  });

  it('stays met once enough records exist, whenever they are looked at', () => {
    const r = rule({}, 2, true);
    expect(evaluate(r, 'branch', '2026-Q1', 1, '2026-04-01')).toBe('overdue');
    for (const today of ['2025-12-31', '2026-03-31', '2026-04-01', '2030-01-01']) expect(evaluate(r, 'branch', '2026-Q1', 2, today)).toBe('met');
    expect(evaluate(r, 'branch', '2026-Q1', 7, '2026-02-01')).toBe('met');
  });

  it('turns overdue at the boundary of weeks, months, half-years and years', () => {
    const cases: [RuleInEffect['rule']['period'], string, string, string][] = [
      ['week', '2026-W01', '2026-01-04', '2026-01-05'],
      ['month', '2024-02', '2024-02-29', '2024-03-01'],
      ['half_year', '2026-H1', '2026-06-30', '2026-07-01'],
      ['year', '2026', '2026-12-31', '2027-01-01'],
    ];
    for (const [period, key, lastDay, nextDay] of cases) {
      const r = rule({ period });
      expect(evaluate(r, 'branch', key, 0, lastDay), key).toBe('due');
      expect(evaluate(r, 'branch', key, 0, nextDay), key).toBe('overdue');
    }
  });

  it('is not applicable to other org kinds or when switched off, even with records', () => {
    expect(evaluate(rule({ orgKinds: ['party_group'] }), 'branch', '2026-Q1', 0, '2026-05-01')).toBe('not_applicable');
    expect(evaluate(rule({ orgKinds: ['party_group'] }), 'party_group', '2026-Q1', 0, '2026-05-01')).toBe('overdue');
    expect(evaluate(rule({}, 1, false), 'branch', '2026-Q1', 5, '2026-05-01')).toBe('not_applicable');
  });

  it('builds cells with their dates and counts', () => {
    const cells = ruleCells(rule(), 'branch', ['2026-Q1', '2026-Q2', '2026-Q3'], (p) => (p === '2026-Q2' ? 1 : 0), '2026-05-01');
    expect(cells).toEqual([
      { period: '2026-Q1', from: '2026-01-01', to: '2026-03-31', status: 'overdue', count: 0 },
      { period: '2026-Q2', from: '2026-04-01', to: '2026-06-30', status: 'met', count: 1 },
      { period: '2026-Q3', from: '2026-07-01', to: '2026-09-30', status: 'upcoming', count: 0 },
    ]);
  });

  it('rates completion over what applies only', () => {
    const t = addToTally(emptyTally(), ['met', 'met', 'due', 'overdue', 'upcoming', 'not_applicable']);
    expect(t).toEqual({ applicable: 4, met: 2, due: 1, overdue: 1, rate: 0.5 });
    expect(addToTally(emptyTally(), ['upcoming', 'not_applicable']).rate).toBeNull();
    expect(mergeTallies(addToTally(emptyTally(), ['met']), addToTally(emptyTally(), ['overdue', 'overdue'])).rate).toBe(0.3333);
  });

  it('sorts rules with overdue cells first, then due ones', () => {
    const row = (name: string, statuses: string[]) => ({ name, cells: statuses.map((status) => ({ status: status as 'met' })) });
    const sorted = worstFirst([row('a', ['met']), row('b', ['due']), row('c', ['overdue', 'met']), row('d', ['overdue', 'overdue']), row('e', ['not_applicable'])]);
    expect(sorted.map((r) => r.name)).toEqual(['d', 'c', 'b', 'a', 'e']);
  });
});
