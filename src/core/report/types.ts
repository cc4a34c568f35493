// The shapes an old report is read into: its outline, its placeholders and its frame (title,
// signature). `lvzhi template import --json` prints an ImportedTemplate as it is; templates and
// drafts build on these types.

/**
 * One numbered heading or inline enumeration item, nested as the document nests it.
 * `marker` is the canonical form of its numbering: 一、 （一） 1. （1） for the four heading levels
 * (half-width "(一)", "1．", "1、" are read and written canonically), 一是 二是 …, 第一 第二 …,
 * 首先 其次 再次 最后 for inline items ("四要" where "四是" was meant is written 四是).
 */
export interface Node {
  marker: string;
  /** The heading text without its marker, up to the first 。 when it runs into its paragraph. */
  heading: string;
  children: Node[];
}

export type PlaceholderKind = 'number' | 'name';

/** A stand-in left where a figure (`**次`) or an anonymized name (`**区`, `邱**`) was. */
export interface Placeholder {
  /** As written: "**", "X", "xx", "××", "＊" … */
  text: string;
  kind: PlaceholderKind;
  /** The measure word after a figure as written ("次", "余篇", "万人", "条（篇）"); null for names. */
  unit: string | null;
  /** The sentence around it, up to the enclosing 。 or ；, without a heading marker. */
  context: string;
  /** The pack metric the figure stands for, when its context names one; null otherwise. */
  metric: string | null;
}

/** The closing block (落款): the organization's name and the date of issue, as written. */
export interface Signature {
  org: string | null;
  date: string | null;
}

/** An old report read as a template. */
export interface ImportedTemplate {
  /** The title line, when the text has one (many start straight with the opening paragraph). */
  title: string | null;
  sections: Node[];
  /** Every placeholder in document order. */
  placeholders: Placeholder[];
  signature: Signature;
}
