import type { PeriodKind } from '../pack/schema.ts';
import { chineseNumber, periodKeyLabel, type PlanEntry, type ProblemFact, type RecordItem, type RuleFact } from './draftFacts.ts';

// How ledger facts read in a report's sentences: figures in Arabic numerals (GB/T 15835), record
// titles in quotes, a rule's status over the period, unmet rules as problems, plan items.

/** A figure as printed: whole numbers as they are, others with at most two decimals. */
export function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Quotes inside a quoted title become single quotes: “‘文化润城’主题宣讲”; a document's title goes in 《》. */
const quote = (title: string, book: boolean) =>
  book ? `《${title.replace(/^《|》$/g, '').replace(/《/g, '〈').replace(/》/g, '〉')}》` : `“${title.replace(/“/g, '‘').replace(/”/g, '’')}”`;

/** Up to `limit` different titles, in date order, each quoted: “A”“B”“C” or 《A》《B》. */
export function quotedTitles(items: readonly RecordItem[], limit: number, book = false): string {
  const titles = [...new Set(items.map((i) => i.title.trim()).filter((t) => t !== ''))];
  return titles.slice(0, limit).map((t) => quote(t, book)).join('');
}

const UNIT_WORD: Record<PeriodKind, string> = { week: '周', month: '个月', quarter: '个季度', half_year: '个半年度', year: '年' };

/** Period keys as one list: 第二、三季度 is written 第二季度、第三季度 to stay unambiguous. */
const periodList = (keys: readonly string[], year: number) => keys.map((k) => periodKeyLabel(k, year)).join('、');

/**
 * A rule's status over the report's period, for "{{rule:IW-01}}": 4个季度均已按要求完成 /
 * 已完成3个季度，第三季度未完成 / 已按要求完成 / 未完成. Null when nothing is owed in the period.
 */
export function ruleStatusText(rule: RuleFact, year: number): string | null {
  const owed = rule.cells.filter((c) => c.status === 'met' || c.status === 'due' || c.status === 'overdue');
  if (owed.length === 0) return null;
  const met = owed.filter((c) => c.status === 'met');
  const overdue = owed.filter((c) => c.status === 'overdue').map((c) => c.period);
  const due = owed.filter((c) => c.status === 'due').map((c) => c.period);
  if (owed.length === 1) return met.length === 1 ? '已按要求完成' : due.length === 1 ? '正在推进' : '未按期完成';
  if (met.length === owed.length) return `${owed.length}${UNIT_WORD[rule.period]}均已按要求完成`;
  const parts: string[] = [];
  if (met.length > 0) parts.push(`已完成${met.length}${UNIT_WORD[rule.period]}`);
  if (overdue.length > 0) parts.push(`${periodList(overdue, year)}未按期完成`);
  if (due.length > 0) parts.push(`${periodList(due, year)}正在推进`);
  return parts.join('，');
}

/** Up to three unit names, with 等 when there are more. */
const someUnits = (names: readonly string[]) => `${names.slice(0, 3).join('、')}${names.length > 3 ? '等' : ''}`;

/** One problem as an item's text (without its marker or final punctuation). */
export function problemText(p: ProblemFact, year: number): string {
  const rule = `“${p.ruleName}”`;
  if (p.periods.length > 0) {
    const own = `${rule}的要求落实不到位，${periodList(p.periods, year)}未按期完成`;
    return p.units.length > 0 ? `${own}，所属${p.units.length}个单位也存在未按期完成的情况` : own;
  }
  return `所属${p.units.length}个单位未按期落实${rule}的要求（${someUnits(p.units)}）`;
}

/** Numbering, parentheses and end punctuation a plan item carries in the ledger's text. */
const ITEM_NUMBER = /^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[）)]|[（(]?[一二三四五六七八九十]{1,3}[）)、]|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，、,])\s*/;

/** The items of a plan's text: one per line or per ；, numbering and end punctuation removed. */
export function planItems(text: string): string[] {
  return text
    .split(/[\n；;]+/)
    .map((part) => part.replace(ITEM_NUMBER, '').replace(/[\s。．.，,]+$/, '').trim())
    .filter((part) => part !== '');
}

/** The plan items of the entries, in order, each once; a plan without items stands as its title in 《》. */
export function planLines(entries: readonly PlanEntry[], limit: number): string[] {
  const lines = entries.flatMap((e) => (e.items.length > 0 ? e.items : [`落实《${e.title.trim()}》各项部署`]));
  return [...new Set(lines)].slice(0, limit);
}

/** Items inline in one sentence: （…） notes dropped, joined with 、. */
export const inlineList = (lines: readonly string[]): string => lines.map((l) => l.replace(/[（(][^（）()]*[）)]/g, '').trim()).join('、');

/** 一是, 二是 … for the n-th item (from 1). */
export const itemMarker = (n: number): string => `${chineseNumber(n)}是`;
