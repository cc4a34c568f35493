import { describe, expect, it } from 'vitest';
import { widthInChars } from './layout.ts';
import { formatIssueDate, signatureLayout } from './signature.ts';

describe('formatIssueDate', () => {
  it('writes the year in full and month and day without leading zeros', () => {
    expect(formatIssueDate('2024-01-05')).toBe('2024年1月5日');
    expect(formatIssueDate('2023-12-31')).toBe('2023年12月31日');
    expect(formatIssueDate('2024-02-29')).toBe('2024年2月29日');
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2024-1-5', '2024/01/05', '2023-02-29', '2024-13-01', '', '2024-01-05T00:00']) {
      expect(() => formatIssueDate(bad), bad).toThrow(RangeError);
    }
  });
});

describe('signatureLayout (GB/T 9704-2012 7.3.5.2, unsealed)', () => {
  /** Where a line starts and ends, counted in characters from the left of a 28-character line. */
  const span = (placement: ReturnType<typeof signatureLayout>['name'], width: number) =>
    placement.align === 'right'
      ? { start: 28 - placement.rightChars - width, end: 28 - placement.rightChars }
      : { start: placement.leftChars, end: placement.leftChars + width };

  it('sets the name two characters from the right and starts the date two characters right of it', () => {
    const layout = signatureLayout(13, 6, 28);
    expect(span(layout.name, 13)).toEqual({ start: 13, end: 26 });
    expect(span(layout.date, 6).start).toBe(15);
  });

  it('gives a longer date the two-character indent and moves the name left', () => {
    const layout = signatureLayout(4, 6.5, 28);
    expect(span(layout.date, 6.5)).toEqual({ start: 19.5, end: 26 });
    expect(span(layout.name, 4).start).toBe(17.5);
  });

  it('treats a date exactly two characters shorter than the name as fitting', () => {
    const layout = signatureLayout(8.5, 6.5, 28);
    expect(span(layout.name, 8.5).end).toBe(26);
    expect(span(layout.date, 6.5)).toEqual({ start: 19.5, end: 26 });
  });
});

describe('widthInChars', () => {
  it('counts Chinese characters and full-width punctuation as one, Latin letters and digits as half', () => {
    expect(widthInChars('市城市管理局党组')).toBe(8);
    expect(widthInChars('2024年1月5日')).toBe(6);
    expect(widthInChars('1．')).toBe(1.5);
    expect(widthInChars('“一岗双责”')).toBe(6);
  });
});
