/**
 * GB/T 9704-2012 in Word units (see shared domain REPORT-FORMAT.md). Twips are 1/20 pt, sizes are
 * half-points. Every number of the official layout lives here so that tests and code agree.
 */

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm: a 156 × 225 mm text block (8844 × 12756 twips).
 * `footer` is the distance from the paper's bottom edge to the footer's bottom: 1431 twips (25.2 mm)
 * puts the page number's dashes 7.0 mm below the text block (28.0 mm above the paper's edge), as
 * measured on LibreOffice's PDF with the stand-in fonts (docs/operations.md, "PDF export").
 */
export const MARGIN = { top: 2098, left: 1588, right: 1474, bottom: 1984, header: 851, footer: 1431 } as const;

export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** 22 lines × 28.95 pt fill the 12756-twip text block. */
export const LINE_PITCH = 579;

/** 28 characters per line. */
export const CHARS_PER_LINE = 28;

/**
 * The grid's character pitch relative to the Normal style's font size, in 1/4096 pt:
 * (8844 / 28 / 20 − 16) × 4096 ≈ −849. It only holds while Normal is 16 pt. Written into the grid
 * so that switching Word's page set-up to "lines and characters" gives 28 characters, but the grid
 * is a lines-only grid (see GRID_TYPE).
 */
export const CHAR_SPACE = -849;

/**
 * A lines-only grid, with the 28 characters per line made by CHARACTER_SPACING instead of a
 * character grid. Measured: LibreOffice 7.4 lays a `linesAndChars` grid with charSpace −849 out at
 * 14 characters per line (each 16 pt glyph takes two 15.74 pt cells), and turning snap-to-grid off
 * per paragraph still gave 27; a lines grid with condensed runs gives 28 there, as in Word and WPS.
 */
export const GRID_TYPE = 'lines' as const;

/**
 * Character spacing of all text, in twips: −5 (condensed 0.25 pt) makes a 16 pt character 15.75 pt
 * wide, so 28 fit the 442.2 pt line (−4 would leave 442.4 pt, one too many) and justification
 * spreads them to the full width.
 */
export const CHARACTER_SPACING = -5;

/** One grid character in twips (≈ 315.9): the unit of indents that must land on the grid. */
export const CHAR = TEXT_WIDTH / CHARS_PER_LINE;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;

/**
 * The office font names, kept as Windows offices have them so Word and WPS there use the real fonts;
 * a Linux server maps them to free stand-ins by fontconfig (packaging/fontconfig/).
 */
export const FONT = {
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  songti: '宋体',
  /** Latin letters and digits in body text and headings, as offices set them. */
  latin: 'Times New Roman',
} as const;

/** One 4号 character: the page number's indent from the outer edge. */
export const PAGE_NUMBER_INDENT = 280;

/** Twips of `n` grid characters, rounded. */
export function chars(n: number): number {
  return Math.round(n * CHAR);
}

/**
 * The width of a text in grid characters, for aligning lines against each other: Chinese characters
 * and full-width punctuation take one, Latin letters and digits half of one.
 */
export function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return width;
}
