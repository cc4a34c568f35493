/**
 * The document model of a report as it leaves lvzhi: what the official Word layout needs to know and
 * nothing more. Drafting fills it; src/core/report/docx.ts lays it out (GB/T 9704-2012).
 *
 * Text may be a plain string or a list of runs. Runs exist so that drafting can attach data to parts
 * of a sentence (e.g. the records a figure counts) later; the layout joins them without changing how
 * the text looks, so splitting a string into runs never changes the page.
 */

/** A stretch of text inside a paragraph. Optional fields may be added by drafting (e.g. provenance). */
export interface Run {
  text: string;
}

/** Paragraph text: a string, or runs whose texts are joined in order. */
export type Inline = string | readonly Run[];

/** Outline levels of GB/T 9704: 一、 / （一） / 1. / （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingBlock {
  kind: 'heading';
  level: HeadingLevel;
  /** The numbering as it is printed, e.g. "一、", "（二）", "3.", "（4）". */
  marker: string;
  /** The heading text without its marker. */
  text: Inline;
  /**
   * Run-in heading: the body text that continues in the same paragraph after the heading
   * ("（一）加强组织领导。把意识形态工作……"). The heading is set in its level's font, the body in 仿宋.
   * The heading should end with 。; the layout adds one when it ends without punctuation.
   */
  body?: Inline | null;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: Inline;
}

export type Block = HeadingBlock | ParagraphBlock;

export interface Signature {
  /** 发文机关署名 (or, for a duty report, "title name"); null leaves only the date. */
  org: string | null;
  /** 成文日期 as YYYY-MM-DD; printed as 2024年1月5日. */
  date: string;
}

export interface ReportDocument {
  /** The title; "\n" breaks it into lines (GB/T 9704 arranges long titles as a trapezoid or diamond). */
  title: string | null;
  /** 主送机关, printed flush left with a full-width colon. */
  addressee?: string | null;
  blocks: Block[];
  /** 附件说明: the attachments' names, in order. */
  attachments?: string[];
  signature?: Signature | null;
  /** A duty report (述职) is a personal report; both lay out the same way today. */
  kind?: 'report' | 'duty_report';
}

/** The text of an inline value, runs joined. */
export function inlineText(value: Inline): string {
  return typeof value === 'string' ? value : value.map((run) => run.text).join('');
}

/** The runs of an inline value (a string is one run). */
export function inlineRuns(value: Inline): readonly Run[] {
  return typeof value === 'string' ? [{ text: value }] : value;
}
