import { STATUS_LABELS, type ComplianceStatus } from '../../../core/compliance/evaluate.ts';
import { daysBetween, parsePeriod, periodLabel, PERIOD_KIND_LABELS, type PeriodKind } from '../../../core/compliance/period.ts';
import type { AppliedOverride, MatrixCell } from './api.ts';

// How a compliance status looks: the server's five statuses, with "due" split by urgency so that a
// period about to end stands out (orange) from one with time left (blue). Colour is never the only
// signal: every cell carries a label and a sentence for screen readers and tooltips.

/** A running period ending within this many days is 即将到期: the reminders' default lead time, until the setting is loaded. */
export const DUE_SOON_DAYS = 7;

export type Tone = 'met' | 'due' | 'due_soon' | 'overdue' | 'upcoming' | 'not_applicable';

export interface ToneStyle {
  label: string;
  /** antd Tag colour preset. */
  tag: string;
  /** Cell fill, border and text: strong for overdue, quiet for what owes nothing. */
  background: string;
  border: string;
  color: string;
}

export const TONES: Record<Tone, ToneStyle> = {
  overdue: { label: STATUS_LABELS.overdue, tag: 'error', background: '#cf1322', border: '#a8071a', color: '#ffffff' },
  due_soon: { label: '即将到期', tag: 'warning', background: '#ffd591', border: '#fa8c16', color: '#873800' },
  due: { label: STATUS_LABELS.due, tag: 'processing', background: '#e6f4ff', border: '#69b1ff', color: '#0958d9' },
  met: { label: STATUS_LABELS.met, tag: 'success', background: '#d9f7be', border: '#73d13d', color: '#237804' },
  upcoming: { label: STATUS_LABELS.upcoming, tag: 'default', background: '#fafafa', border: '#d9d9d9', color: '#8c8c8c' },
  not_applicable: { label: STATUS_LABELS.not_applicable, tag: 'default', background: '#f5f5f5', border: '#f0f0f0', color: '#bfbfbf' },
};

/** The legend's order: what needs action first. */
export const TONE_ORDER: readonly Tone[] = ['overdue', 'due_soon', 'due', 'met', 'upcoming', 'not_applicable'];

/**
 * The tone of a cell on `today` (YYYY-MM-DD, the server's business date). `dueSoonDays` is the
 * reminders' lead time (GET /api/reminders/settings), so a cell turns orange when its reminder goes out.
 */
export function toneOf(cell: Pick<MatrixCell, 'status' | 'to'>, today: string, dueSoonDays = DUE_SOON_DAYS): Tone {
  if (cell.status === 'due' && daysBetween(today, cell.to) <= dueSoonDays) return 'due_soon';
  return cell.status;
}

export const statusLabel = (status: ComplianceStatus): string => STATUS_LABELS[status];

const QUARTERS = ['一', '二', '三', '四'];

/** A period's name without its year, for narrow cells: 3月, 一季度, 上半年, 全年, 第5周. */
export function shortPeriodLabel(key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  switch (p.kind) {
    case 'week':
      return `第${p.index}周`;
    case 'month':
      return `${p.index}月`;
    case 'quarter':
      return `${QUARTERS[p.index - 1]}季度`;
    case 'half_year':
      return p.index === 1 ? '上半年' : '下半年';
    case 'year':
      return '全年';
  }
}

/** What a cell shows: met cells their count, owing cells count/threshold, the rest a dash. */
export function cellText(cell: Pick<MatrixCell, 'status' | 'count'>, min: number): string {
  switch (cell.status) {
    case 'met':
      return String(cell.count);
    case 'due':
    case 'overdue':
      return `${cell.count}/${min}`;
    case 'upcoming':
      return cell.count > 0 ? `${cell.count}/${min}` : '';
    case 'not_applicable':
      return '—';
  }
}

/** "还剩3天" / "今天到期" / "已过期5天". */
export function daysLeftText(today: string, due: string): string {
  const left = daysBetween(today, due);
  if (left === 0) return '今天到期';
  return left > 0 ? `还剩${left}天` : `已过期${-left}天`;
}

/** A whole sentence on a cell: the tooltip and the screen-reader label. */
export function cellSentence(cell: MatrixCell, min: number, today: string, dueSoonDays = DUE_SOON_DAYS): string {
  const label = periodLabel(cell.period);
  const tone = TONES[toneOf(cell, today, dueSoonDays)].label;
  switch (cell.status) {
    case 'met':
      return `${label}：${tone}，记录${cell.count}次（要求至少${min}次）`;
    case 'overdue':
      return `${label}：${tone}，记录${cell.count}次，要求至少${min}次，${cell.to}到期`;
    case 'due':
      return `${label}：${tone}，已记录${cell.count}次，还差${min - cell.count}次，${cell.to}到期（${daysLeftText(today, cell.to)}）`;
    case 'upcoming':
      return `${label}：${tone}（${cell.from}开始，${cell.to}到期）`;
    case 'not_applicable':
      return `${label}：${tone}`;
  }
}

/** "每季度至少1次". */
export const thresholdText = (period: PeriodKind, min: number): string => `${PERIOD_KIND_LABELS[period]}至少${min}次`;

/**
 * The override beside a rule's threshold, naming who set it: "本单位调整：每季度2次", "市文旅局党组调整：…",
 * "本单位已停用" / "市文旅局党组已停用". `orgId` is the org being looked at; `packMin` stands in when
 * the override keeps the pack's threshold (it switched a rule on, or back on).
 */
export function overrideText(override: AppliedOverride, period: PeriodKind, packMin: number, orgId: string): string {
  const own = override.orgId === orgId;
  if (!override.enabled) return own ? '本单位已停用' : `${override.orgName}已停用`;
  const who = own ? '本单位调整' : `${override.orgName}调整`;
  return `${who}：${PERIOD_KIND_LABELS[period]}${override.min ?? packMin}次`;
}

/** Completion bands, shared by the bars of the rollup and the dashboard: red below 60 %, orange below 90 %. */
export const RATE_BANDS = { low: 0.6, high: 0.9 } as const;

export function rateColor(rate: number | null): string {
  if (rate === null) return '#bfbfbf';
  if (rate < RATE_BANDS.low) return '#cf1322';
  return rate < RATE_BANDS.high ? '#d48806' : '#389e0d';
}

/** 0.8333 → "83.3%", 1 → "100%", null → "—". */
export function percentText(rate: number | null): string {
  if (rate === null) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}
