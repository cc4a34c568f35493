import type { IFontAttributesProperties } from 'docx';
import type { HeadingLevel } from '../document.ts';
import { FONT } from './layout.ts';

/**
 * Run fonts per element. Chinese text takes the element's CJK font (eastAsia). Latin letters and
 * digits in body and headings take Times New Roman, as offices set them; the title and the page
 * number keep their CJK font for digits too (GB/T 9704 asks for 宋体 numerals in the page number,
 * and Times New Roman beside 小标宋 reads too light).
 * `hint: eastAsia` makes Word set characters both scripts share (“ ” ‘ ’ — …) in the Chinese font,
 * full width, as Chinese typesetting requires.
 */
function fonts(eastAsia: string, latin: string = FONT.latin): IFontAttributesProperties {
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' };
}

export const BODY_FONTS = fonts(FONT.fangsong);
export const TITLE_FONTS = fonts(FONT.xiaobiaosong, FONT.xiaobiaosong);
export const PAGE_NUMBER_FONTS = fonts(FONT.songti, FONT.songti);

const HEADING_EAST_ASIA: Record<HeadingLevel, string> = {
  1: FONT.heiti,
  2: FONT.kaiti,
  3: FONT.fangsong,
  4: FONT.fangsong,
};

export function headingFonts(level: HeadingLevel): IFontAttributesProperties {
  return fonts(HEADING_EAST_ASIA[level]);
}
