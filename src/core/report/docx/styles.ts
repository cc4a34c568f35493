import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { HeadingLevel } from '../document.ts';
import { BODY_FONTS, PAGE_NUMBER_FONTS, TITLE_FONTS, headingFonts } from './fonts.ts';
import { CHARACTER_SPACING, LINE_PITCH, SIZE, chars } from './layout.ts';

/**
 * Paragraph styles of the official layout. Formatting lives in styles rather than on each run, so a
 * user who edits the Word file keeps the layout by picking a style (the names are what Word shows).
 */
export const STYLE = {
  title: 'ReportTitle',
  addressee: 'ReportAddressee',
  attachment: 'ReportAttachment',
  signature: 'ReportSignature',
  pageNumber: 'ReportPageNumber',
} as const;

export function headingStyleId(level: HeadingLevel): string {
  return `ReportHeading${level}`;
}

/** No first-line indent; both attributes, or Word keeps Normal's 2-character indent. */
const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;

const LEVEL_NAMES: Record<HeadingLevel, string> = { 1: '一级标题', 2: '二级标题', 3: '三级标题', 4: '四级标题' };

const headingStyles: IParagraphStyleOptions[] = ([1, 2, 3, 4] as const).map((level) => ({
  id: headingStyleId(level),
  name: LEVEL_NAMES[level],
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: headingFonts(level), size: SIZE.body },
  // Outline levels give Word's navigation pane the report's structure; they change no layout.
  paragraph: { outlineLevel: level - 1 },
}));

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: {
        font: BODY_FONTS,
        size: SIZE.body,
        characterSpacing: CHARACTER_SPACING,
        language: { value: 'en-US', eastAsia: 'zh-CN' },
      },
      paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  },
  paragraphStyles: [
    {
      // 16 pt is load-bearing: the grid's charSpace is relative to Normal's font size.
      id: 'Normal',
      name: 'Normal',
      run: { font: BODY_FONTS, size: SIZE.body, characterSpacing: CHARACTER_SPACING },
      // firstLine in twips for readers that ignore firstLineChars (LibreOffice 7): two grid characters.
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: chars(2), firstLineChars: 200 } },
    },
    {
      id: STYLE.title,
      name: '公文标题',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: TITLE_FONTS, size: SIZE.title },
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, outlineLevel: 0, keepNext: true },
    },
    ...headingStyles,
    {
      id: STYLE.addressee,
      name: '主送机关',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT },
    },
    {
      id: STYLE.attachment,
      name: '附件说明',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.signature,
      name: '署名和成文日期',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT },
    },
    {
      id: STYLE.pageNumber,
      name: '页码',
      basedOn: 'Normal',
      run: { font: PAGE_NUMBER_FONTS, size: SIZE.pageNumber, characterSpacing: 0 },
      // Single spacing: the footer is outside the text block and its grid (see docx/patch.ts).
      paragraph: { indent: NO_INDENT, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};
