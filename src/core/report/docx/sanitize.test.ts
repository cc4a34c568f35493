import { describe, expect, it } from 'vitest';
import { cleanRuns, cleanText } from './sanitize.ts';

describe('cleanText', () => {
  it('removes characters XML 1.0 cannot hold and keeps the rest, markup included', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\u007Fg\u0085h\uFFFEi\uFFFF')).toBe('abcdefghi');
    expect(cleanText('<script>&amp;</script>')).toBe('<script>&amp;</script>');
  });

  it('keeps surrogate pairs and drops lone surrogates', () => {
    expect(cleanText('𠀀字\uD800\uDC00')).toBe('𠀀字𐀀');
    expect(cleanText('x\uD800y\uDC00z')).toBe('xyz');
  });

  it('turns tabs and line breaks into single spaces', () => {
    expect(cleanText('a\tb\r\nc\nd\re\u2028f')).toBe('a b c d e f');
  });
});

describe('cleanRuns', () => {
  it('trims the paragraph edges across runs, ideographic spaces included, keeping run count', () => {
    expect(cleanRuns(['\u3000 ', '\u3000开头', '中间 ', ' 结尾\u3000', ' '])).toEqual(['', '开头', '中间 ', ' 结尾', '']);
  });

  it('empties a paragraph of only spaces', () => {
    expect(cleanRuns([' ', '\u3000\t'])).toEqual(['', '']);
  });
});
