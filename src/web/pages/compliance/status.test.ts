import { describe, expect, it } from 'vitest';
import type { MatrixCell } from './api.ts';
import { cellSentence, cellText, daysLeftText, DUE_SOON_DAYS, overrideText, percentText, rateColor, shortPeriodLabel, thresholdText, TONES, toneOf } from './status.ts';

const cell = (overrides: Partial<MatrixCell>): MatrixCell => ({ period: '2026-Q4', from: '2026-10-01', to: '2026-12-31', status: 'due', count: 0, ...overrides });

describe('status → tone, colour and label', () => {
  it('maps each server status to its label and tag colour', () => {
    expect(TONES[toneOf(cell({ status: 'met', count: 2 }), '2026-11-29')]).toMatchObject({ label: '已完成', tag: 'success' });
    expect(TONES[toneOf(cell({ status: 'overdue', to: '2026-09-30' }), '2026-11-29')]).toMatchObject({ label: '已逾期', tag: 'error' });
    expect(TONES[toneOf(cell({ status: 'upcoming' }), '2026-09-01')]).toMatchObject({ label: '未开始', tag: 'default' });
    expect(TONES[toneOf(cell({ status: 'not_applicable' }), '2026-11-29')]).toMatchObject({ label: '不适用', tag: 'default' });
  });

  it('shows a running period blue while there is time and orange in its last week', () => {
    const december = cell({ period: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(toneOf(december, '2026-12-01')).toBe('due');
    expect(TONES.due).toMatchObject({ label: '进行中', tag: 'processing' });
    expect(toneOf(december, '2026-12-23')).toBe('due');
    expect(toneOf(december, `2026-12-${31 - DUE_SOON_DAYS}`)).toBe('due_soon');
    expect(toneOf(december, '2026-12-31')).toBe('due_soon');
    expect(TONES.due_soon).toMatchObject({ label: '即将到期', tag: 'warning' });
  });

  it('turns orange when the reminders go out, with the lead time the system is set to', () => {
    const december = cell({ period: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(toneOf(december, '2026-12-10', 30)).toBe('due_soon');
    expect(toneOf(december, '2026-12-30', 0)).toBe('due');
    expect(toneOf(december, '2026-12-31', 0)).toBe('due_soon');
  });

  it('fills overdue cells strongest: red with white text', () => {
    expect(TONES.overdue).toMatchObject({ background: '#cf1322', color: '#ffffff' });
    // Met is green, upcoming and not applicable stay grey.
    expect(TONES.met.color).toBe('#237804');
    expect(TONES.upcoming.color).toBe('#8c8c8c');
    expect(TONES.not_applicable.background).toBe('#f5f5f5');
  });

  it('writes counts against the threshold in force where something is owed', () => {
    expect(cellText({ status: 'met', count: 3 }, 1)).toBe('3');
    expect(cellText({ status: 'overdue', count: 0 }, 2)).toBe('0/2');
    expect(cellText({ status: 'due', count: 1 }, 2)).toBe('1/2');
    expect(cellText({ status: 'upcoming', count: 0 }, 1)).toBe('');
    expect(cellText({ status: 'not_applicable', count: 0 }, 1)).toBe('—');
  });

  it('says in one sentence what a cell means', () => {
    expect(cellSentence(cell({ status: 'overdue', period: '2026-Q1', from: '2026-01-01', to: '2026-03-31' }), 1, '2026-11-29')).toBe(
      '2026年第一季度：已逾期，记录0次，要求至少1次，2026-03-31到期',
    );
    expect(cellSentence(cell({ count: 1 }), 2, '2026-11-29')).toBe('2026年第四季度：进行中，已记录1次，还差1次，2026-12-31到期（还剩32天）');
    expect(cellSentence(cell({ status: 'met', count: 2, period: '2026-H1' }), 1, '2026-11-29')).toBe('2026年上半年：已完成，记录2次（要求至少1次）');
  });

  it('names periods briefly for narrow cells', () => {
    expect(['2026-03', '2026-Q2', '2026-H2', '2026', '2026-W05'].map(shortPeriodLabel)).toEqual(['3月', '二季度', '下半年', '全年', '第5周']);
  });

  it('counts days to the due date', () => {
    expect(daysLeftText('2026-12-31', '2026-12-31')).toBe('今天到期');
    expect(daysLeftText('2026-12-28', '2026-12-31')).toBe('还剩3天');
    expect(daysLeftText('2027-01-02', '2026-12-31')).toBe('已过期2天');
  });
});

describe('overrides beside the threshold', () => {
  const own = { orgId: 'lib', orgName: '市图书馆', min: 2, enabled: true, reason: '省实施细则' };
  it('names the org that set it, and the threshold it set', () => {
    expect(overrideText(own, 'quarter', 1, 'lib')).toBe('本单位调整：每季度2次');
    expect(overrideText(own, 'quarter', 1, 'branch')).toBe('市图书馆调整：每季度2次');
    expect(overrideText({ ...own, min: null }, 'year', 3, 'lib')).toBe('本单位调整：每年3次');
  });

  it('says when a rule is switched off', () => {
    expect(overrideText({ ...own, enabled: false }, 'quarter', 1, 'lib')).toBe('本单位已停用');
    expect(overrideText({ ...own, enabled: false }, 'quarter', 1, 'branch')).toBe('市图书馆已停用');
  });

  it('words a threshold', () => {
    expect(thresholdText('half_year', 1)).toBe('每半年至少1次');
  });
});

describe('completion rates', () => {
  it('colours by band and writes percentages', () => {
    expect(rateColor(0.5)).toBe('#cf1322');
    expect(rateColor(0.6)).toBe('#d48806');
    expect(rateColor(0.9)).toBe('#389e0d');
    expect(rateColor(null)).toBe('#bfbfbf');
    expect(percentText(0.8333)).toBe('83.3%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
  });
});
