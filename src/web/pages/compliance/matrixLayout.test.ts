import { describe, expect, it } from 'vitest';
import type { MatrixCell, MatrixRule } from './api.ts';
import { cellColumns, matrixCounts, matrixRows } from './matrixLayout.ts';

const cells = (...statuses: MatrixCell['status'][]): MatrixCell[] =>
  statuses.map((status, i) => ({ period: `2026-Q${i + 1}`, from: '2026-01-01', to: '2026-03-31', status, count: 0 }));

const rule = (ruleId: string, statuses: MatrixCell['status'][], period: MatrixRule['period'] = 'quarter'): MatrixRule => ({
  ruleId, name: ruleId, basis: '', recordType: 'topic_meeting', period, dutyRole: 'primary', min: 1, effectiveMin: 1, enabled: true, override: null,
  cells: cells(...statuses),
});

describe('matrix ordering', () => {
  const rules = [
    rule('all-met', ['met', 'met', 'met', 'due']),
    rule('one-overdue', ['overdue', 'met', 'met', 'due']),
    rule('off', ['not_applicable', 'not_applicable', 'not_applicable', 'not_applicable']),
    rule('two-overdue', ['overdue', 'overdue', 'met', 'due']),
    rule('upcoming', ['met', 'met', 'met', 'upcoming']),
  ];

  it('puts rules with the most overdue periods first, then running ones, then the rest in pack order', () => {
    expect(matrixRows(rules).map((r) => r.ruleId)).toEqual(['two-overdue', 'one-overdue', 'all-met', 'upcoming', 'off']);
  });

  it('keeps the order even when the server sent it otherwise', () => {
    expect(matrixRows([...rules].reverse())[0]!.ruleId).toBe('two-overdue');
  });

  it('narrows to what is open or overdue', () => {
    expect(matrixRows(rules, 'overdue').map((r) => r.ruleId)).toEqual(['two-overdue', 'one-overdue']);
    expect(matrixRows(rules, 'open').map((r) => r.ruleId)).toEqual(['two-overdue', 'one-overdue', 'all-met']);
    expect(matrixCounts(rules)).toEqual({ overdue: 2, open: 3, all: 5 });
  });
});

describe('matrix columns', () => {
  it('lays every period on the twelve months it covers', () => {
    expect(cellColumns('2026-03')).toEqual({ start: 3, span: 1 });
    expect(cellColumns('2026-Q2')).toEqual({ start: 4, span: 3 });
    expect(cellColumns('2026-H2')).toEqual({ start: 7, span: 6 });
    expect(cellColumns('2026')).toEqual({ start: 1, span: 12 });
    expect(cellColumns('2026-W05')).toBeNull();
  });
});
