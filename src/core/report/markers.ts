import { NUMERAL_CHARS } from './numerals.ts';

// Heading markers at the start of a line, the four levels of REPORT-FORMAT.md. Pasted text mixes
// half- and full-width forms, so each level accepts both and names the marker in one canonical
// form: a template compares and prints markers without caring how the old file typed them.

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingMarker {
  level: HeadingLevel;
  /** Canonical: 一、 （一） 1. （1）. */
  marker: string;
  /** The line after the marker, spaces trimmed. */
  rest: string;
}

const N = `[${NUMERAL_CHARS}]{1,3}`;
const PATTERNS: ReadonlyArray<{ level: HeadingLevel; pattern: RegExp; canonical: (n: string) => string }> = [
  { level: 1, pattern: new RegExp(`^(${N})\\s*、`), canonical: (n) => `${n}、` },
  { level: 2, pattern: new RegExp(`^[（(]\\s*(${N})\\s*[）)]`), canonical: (n) => `（${n}）` },
  // "1.5万人" at a line start is a figure, not a heading: no digit may follow the point.
  { level: 3, pattern: /^(\d{1,2})\s*[.．、](?!\d)/, canonical: (n) => `${n}.` },
  { level: 4, pattern: /^[（(]\s*(\d{1,2})\s*[）)]/, canonical: (n) => `（${n}）` },
];

/** The heading marker a (trimmed) line starts with, or null. */
export function headingMarker(line: string): HeadingMarker | null {
  for (const { level, pattern, canonical } of PATTERNS) {
    const m = pattern.exec(line);
    if (m) return { level, marker: canonical(m[1]!), rest: line.slice(m[0].length).replace(/^[\s\u3000]+/, '') };
  }
  return null;
}
