// Chinese numerals as outline markers use them: 一 … 十 … 九十九. Enough for 一、 （十一） 二十是.

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Characters a marker numeral may consist of, for regular expressions. */
export const NUMERAL_CHARS = '一二三四五六七八九十';

/** The value of 一 … 九十九, or null for anything else (零, 两 alone, 百 …). */
export function parseChineseNumeral(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS[tens]! : null;
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0);
}

/** 1 … 99 in Chinese numerals (十一, 二十), as Word's chineseCounting list numbering writes them; other values in digits. */
export function formatChineseNumeral(value: number): string {
  const digits = '〇一二三四五六七八九';
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  if (value < 10) return digits[value]!;
  const [tens, ones] = [Math.floor(value / 10), value % 10];
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
