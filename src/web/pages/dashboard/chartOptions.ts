import type { ChartOption } from '../../components/charts/types.ts';
import type { Dashboard, Tally, UnitCompletion } from '../compliance/api.ts';
import { percentText, rateColor } from '../compliance/status.ts';

// Pure builders from the dashboard's API data to ECharts options. Each returns the option, the chart's
// height and the id behind every bar (`targets[dataIndex]`), which is where a click drills down to.
// Figures are the server's; the builders only sort, cut and label them.

export interface BuiltChart<T> {
  option: ChartOption;
  height: number;
  targets: T[];
  /** Items left out to keep the chart readable (shown in full elsewhere). */
  hidden: number;
  /** The figures in words, for screen readers. */
  description: string;
}

const BRAND = '#c0392b';
const FONT = { fontSize: 12, color: 'rgba(0,0,0,0.65)' };
/** Rows of a horizontal bar chart. */
const ROW = 30;

const truncateName = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

export interface CompletionOptions {
  /** How many units to show; the lowest rates come first. */
  limit?: number;
  /** Phones: shorter labels. */
  compact?: boolean;
}

/**
 * Completion rate per unit as horizontal bars, lowest first (at the top), coloured by band. Units
 * that owe nothing yet (rate null) are left out: there is no rate to compare.
 */
export function completionChart(units: readonly UnitCompletion[], { limit = 15, compact = false }: CompletionOptions = {}): BuiltChart<string> {
  const rated = units
    .map((unit, i) => ({ unit, i }))
    .filter(({ unit }) => unit.rate !== null)
    .sort((a, b) => a.unit.rate! - b.unit.rate! || a.unit.depth - b.unit.depth || a.i - b.i)
    .map(({ unit }) => unit);
  const shown = rated.slice(0, limit);
  const nameWidth = compact ? 84 : 150;
  return {
    targets: shown.map((u) => u.orgId),
    hidden: rated.length - shown.length,
    height: Math.max(120, shown.length * ROW + 40),
    description: `各单位完成率（低的在前）：${shown.map((u) => `${u.orgName}${percentText(u.rate)}`).join('，')}。`,
    option: {
      aria: { enabled: true, label: { enabled: false } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const u = shown[(p as { dataIndex: number }).dataIndex];
          return u ? `${u.orgName}<br/>完成率 ${percentText(u.rate)}<br/>已完成 ${u.met} / 应完成 ${u.applicable}，已逾期 ${u.overdue}<br/>点击查看落实情况` : '';
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...FONT, formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((u) => u.orgName),
        axisLabel: { ...FONT, width: nameWidth, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          cursor: 'pointer',
          data: shown.map((u) => ({ value: Math.round(u.rate! * 1000) / 10, itemStyle: { color: rateColor(u.rate), borderRadius: [0, 3, 3, 0] } })),
          label: { show: true, position: 'right', formatter: '{c}%', ...FONT },
        },
      ],
    },
  };
}

const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

/**
 * Records per month of the year as bars; the current month stands out, months still ahead show no
 * bar. `today` is the server's business date.
 */
export function monthlyChart(months: Dashboard['recordsByMonth'], today: string, { compact = false }: { compact?: boolean } = {}): BuiltChart<string> {
  const thisMonth = today.slice(0, 7);
  const past = months.filter((m) => m.month <= thisMonth);
  return {
    targets: months.map((m) => m.month),
    hidden: 0,
    height: 240,
    description: `每月台账记录数：${past.map((m) => `${monthLabel(m.month)}${m.count}条`).join('，')}。`,
    option: {
      aria: { enabled: true, label: { enabled: false } },
      // Room on the right for the axis name on phones (containLabel does not cover it).
      grid: { left: 8, right: compact ? 24 : 8, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const m = months[(p as { dataIndex: number }).dataIndex];
          return m ? `${monthLabel(m.month)}：${m.count}条台账记录<br/>点击查看记录` : '';
        },
      },
      // Phones: bare numbers under the bars, "月" once at the end of the axis.
      xAxis: {
        type: 'category',
        data: months.map((m) => (compact ? String(Number(m.month.slice(5, 7))) : monthLabel(m.month))),
        name: compact ? '月' : undefined,
        nameGap: 4,
        nameTextStyle: FONT,
        axisLabel: { ...FONT, interval: 0 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: FONT, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          cursor: 'pointer',
          data: months.map((m) =>
            m.month > thisMonth
              ? { value: '-' }
              : { value: m.count, itemStyle: { color: m.month === thisMonth ? BRAND : '#e8a09a', borderRadius: [3, 3, 0, 0] } },
          ),
          label: { show: true, position: 'top', ...FONT, formatter: (p: unknown) => { const v = (p as { value: unknown }).value; return typeof v === 'number' && v > 0 ? String(v) : ''; } },
        },
      ],
    },
  };
}

/** Overdue periods per rule as horizontal bars, most first (at the top). */
export function overdueChart(rules: Dashboard['overdueByRule'], { limit = 10, compact = false }: { limit?: number; compact?: boolean } = {}): BuiltChart<string> {
  const sorted = [...rules].filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue || a.ruleId.localeCompare(b.ruleId));
  const shown = sorted.slice(0, limit);
  const max = compact ? 9 : 16;
  return {
    targets: shown.map((r) => r.ruleId),
    hidden: sorted.length - shown.length,
    height: Math.max(120, shown.length * ROW + 40),
    description: `各要求逾期项数（多的在前）：${shown.map((r) => `${r.name}${r.overdue}项`).join('，')}。`,
    option: {
      aria: { enabled: true, label: { enabled: false } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const r = shown[(p as { dataIndex: number }).dataIndex];
          return r ? `${r.name}<br/>逾期 ${r.overdue} 项（单位 × 周期）<br/>点击查看是哪些单位` : '';
        },
      },
      xAxis: { type: 'value', minInterval: 1, axisLabel: FONT, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((r) => truncateName(r.name, max)),
        axisLabel: FONT,
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          cursor: 'pointer',
          data: shown.map((r) => ({ value: r.overdue, itemStyle: { color: '#cf1322', borderRadius: [0, 3, 3, 0] } })),
          label: { show: true, position: 'right', ...FONT },
        },
      ],
    },
  };
}

/**
 * The dashboard's first sentence, for a leader who reads nothing else: the rate, what is overdue
 * and where most of it lies.
 */
export function headline(orgName: string, year: number, total: Tally, d: Pick<Dashboard, 'overdueByRule' | 'completionByUnit'>): string {
  if (total.applicable === 0) return `${orgName}${year}年度暂无到期应完成的要求。`;
  const parts = [`${orgName}${year}年度应完成${total.applicable}项，已完成${total.met}项，完成率${percentText(total.rate)}`];
  if (total.overdue === 0) {
    parts.push('没有逾期未完成的要求');
  } else {
    parts.push(`已逾期${total.overdue}项`);
    const worstRule = [...d.overdueByRule].sort((a, b) => b.overdue - a.overdue)[0];
    if (worstRule) parts.push(`逾期最多的是“${worstRule.name}”（${worstRule.overdue}项）`);
    const worstUnit = d.completionByUnit.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue)[0];
    if (worstUnit) parts.push(`逾期最多的单位是${worstUnit.orgName}（${worstUnit.overdue}项）`);
  }
  return `${parts.join('，')}。`;
}
