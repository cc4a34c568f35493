import type { ComplianceStatus } from '../compliance/evaluate.ts';
import type { PeriodKind } from '../pack/schema.ts';
import type { TemplatePeriodKind } from './templateModel.ts';

// What drafting reads: the figures, lists and statuses the ledger gives for one org and period,
// loaded by the server (modules/report/report.facts.ts) for exactly the slots a template uses.
// Plain data, so the engine stays pure and tests build facts by hand.

export interface PeriodFacts {
  kind: TemplatePeriodKind;
  /** First and last day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** As reports write it: 2026年, 2026年上半年, 2026年第三季度, 2026年3月1日至5月31日. */
  label: string;
  year: number;
  /** The period after this one (for 下一步工作打算): its label and year. */
  nextLabel: string;
  nextYear: number;
}

export interface MetricFact {
  /** The metric's name in the pack (provenance shows it). */
  name: string;
  value: number;
  unit: string;
  /** The records the value rests on. */
  recordIds: string[];
}

export interface RecordItem {
  id: string;
  title: string;
  occurredOn: string;
}

export interface RuleCellFact {
  /** Period key: 2026-Q3, 2026-08, 2026-H1 … */
  period: string;
  status: ComplianceStatus;
  count: number;
}

export interface RuleFact {
  name: string;
  period: PeriodKind;
  /** The org's own cells of the periods ending within the report's period. */
  cells: RuleCellFact[];
}

/** A rule with overdue periods in the report's period: the org's own, or its units'. */
export interface ProblemFact {
  ruleId: string;
  ruleName: string;
  /** The org's own overdue period keys. */
  periods: string[];
  /** Names of units below the org with an overdue period of the rule. */
  units: string[];
}

export interface PlanEntry {
  id: string;
  title: string;
  /** The items of its plan field, one per line or ；, without their numbering; empty when it has none. */
  items: string[];
}

export interface DraftFacts {
  org: { id: string; name: string };
  period: PeriodFacts;
  /** 成文日期, YYYY-MM-DD. */
  issueDate: string;
  /** By metric id. */
  metrics: Record<string, MetricFact>;
  /** By slot key (templateSlots.slotKey): the record type's name and the matching records, oldest first. */
  records: Record<string, { name: string; items: RecordItem[] }>;
  /** By rule id; absent when the rule does not bind the org. */
  rules: Record<string, RuleFact>;
  /** Worst first. */
  problems: ProblemFact[];
  /** By slot key: the record type's name and its records dated in the next period, oldest first. */
  plans: Record<string, { name: string; entries: PlanEntry[] }>;
  /** By duty role: who holds it in the org in the period's year. */
  people: Record<string, { name: string }>;
}

const CN = '〇一二三四五六七八九';
/** 1 … 99 in Chinese numerals: 一, 十, 十二, 二十三. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n]!;
  const [tens, ones] = [Math.floor(n / 10), n % 10];
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

/** 2026-03-05 → 2026年3月5日 (GB/T 9704: no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A period key as a report names it: 第三季度, 上半年, 8月, 第5周, 全年 — with its year in front when
 * it is not `withinYear`.
 */
export function periodKeyLabel(key: string, withinYear?: number): string {
  const year = Number(key.slice(0, 4));
  const prefix = year === withinYear ? '' : `${year}年`;
  const rest = key.slice(5);
  if (rest === '') return year === withinYear ? '全年' : `${year}年`;
  if (rest.startsWith('Q')) return `${prefix}第${chineseNumber(Number(rest.slice(1)))}季度`;
  if (rest.startsWith('H')) return `${prefix}${rest === 'H1' ? '上半年' : '下半年'}`;
  if (rest.startsWith('W')) return `${prefix}第${Number(rest.slice(1))}周`;
  return `${prefix}${Number(rest)}月`;
}

/** The label of a report period. */
export function reportPeriodLabel(kind: TemplatePeriodKind, from: string, to: string): string {
  const year = Number(from.slice(0, 4));
  switch (kind) {
    case 'year':
      return `${year}年`;
    case 'half_year':
      return `${year}年${from.slice(5, 7) === '01' ? '上半年' : '下半年'}`;
    case 'quarter':
      return `${year}年第${chineseNumber(Math.ceil(Number(from.slice(5, 7)) / 3))}季度`;
    case 'range': {
      const end = chineseDate(to);
      return `${chineseDate(from)}至${to.slice(0, 4) === from.slice(0, 4) ? end.slice(5) : end}`;
    }
  }
}
