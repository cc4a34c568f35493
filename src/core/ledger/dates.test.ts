import { describe, expect, it } from 'vitest';
import { isIsoDate, normalizeDateText } from './dates.ts';

describe('ledger dates', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(['2026-01-31', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-5', '26-01-05', '2026-01-05T00:00', ''].map(isIsoDate)).toEqual([false, false, false, false, false, false]);
  });

  it('reads the ways people type dates in a spreadsheet', () => {
    expect(['2026-3-5', '2026/03/05', '2026.3.5', '2026年3月5日', ' 2026 年 3 月 5 日 '].map(normalizeDateText)).toEqual(Array(5).fill('2026-03-05'));
    expect(['2026-2-30', '3/5/2026', '二〇二六年', '2026-03'].map(normalizeDateText)).toEqual([null, null, null, null]);
  });
});
