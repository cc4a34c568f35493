import { describe, expect, it } from 'vitest';
import type { Dashboard, UnitCompletion } from '../compliance/api.ts';
import { completionChart, headline, monthlyChart, overdueChart } from './chartOptions.ts';

const unit = (orgId: string, orgName: string, rate: number | null, overdue = 0, depth = 1): UnitCompletion => ({
  orgId, orgName, depth, rate, overdue, met: 0, due: 0, applicable: rate === null ? 0 : 10,
});

/** The first series' data of a built option. */
const seriesData = (option: unknown) => ((option as { series: { data: unknown[] }[] }).series[0]!.data);
const categories = (option: unknown, axis: 'xAxis' | 'yAxis') => (option as Record<string, { data: string[] }>)[axis]!.data;

describe('completion per unit', () => {
  const units = [unit('root', '市文旅局党组', 0.8, 1, 0), unit('lib', '市图书馆', 0.25, 3), unit('new', '新设单位', null), unit('art', '艺术科', 1)];

  it('sorts lowest first, leaves out units that owe nothing, and maps every bar to its unit', () => {
    const chart = completionChart(units);
    expect(categories(chart.option, 'yAxis')).toEqual(['市图书馆', '市文旅局党组', '艺术科']);
    expect(chart.targets).toEqual(['lib', 'root', 'art']);
    expect(seriesData(chart.option)).toEqual([
      { value: 25, itemStyle: { color: '#cf1322', borderRadius: [0, 3, 3, 0] } },
      { value: 80, itemStyle: { color: '#d48806', borderRadius: [0, 3, 3, 0] } },
      { value: 100, itemStyle: { color: '#389e0d', borderRadius: [0, 3, 3, 0] } },
    ]);
    // The lowest at the top: a horizontal bar chart's category axis runs upwards unless inverted.
    expect((chart.option as { yAxis: { inverse: boolean } }).yAxis.inverse).toBe(true);
    expect(chart.description).toBe('各单位完成率（低的在前）：市图书馆25%，市文旅局党组80%，艺术科100%。');
  });

  it('keeps the chart to the worst units and says how many were left out', () => {
    const many = Array.from({ length: 20 }, (_, i) => unit(`u${i}`, `单位${i}`, i / 20));
    const chart = completionChart(many, { limit: 15 });
    expect(chart.targets).toHaveLength(15);
    expect(chart.targets[0]).toBe('u0');
    expect(chart.hidden).toBe(5);
    expect(chart.height).toBe(15 * 30 + 40);
  });

  it('gives an empty chart when no unit owes anything yet', () => {
    expect(completionChart([unit('new', '新设单位', null)]).targets).toEqual([]);
  });
});

describe('records per month', () => {
  const months: Dashboard['recordsByMonth'] = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, count: i + 1 }));

  it('labels months in Chinese, stresses this month and draws nothing for months ahead', () => {
    const chart = monthlyChart(months, '2026-03-15');
    expect(categories(chart.option, 'xAxis').slice(0, 3)).toEqual(['1月', '2月', '3月']);
    const data = seriesData(chart.option) as { value: number | string; itemStyle?: { color: string } }[];
    expect(data[0]).toMatchObject({ value: 1, itemStyle: { color: '#e8a09a' } });
    expect(data[2]).toMatchObject({ value: 3, itemStyle: { color: '#c0392b' } });
    expect(data[3]).toEqual({ value: '-' });
    expect(chart.targets[2]).toBe('2026-03');
    expect(chart.description).toBe('每月台账记录数：1月1条，2月2条，3月3条。');
  });

  it('writes bare month numbers on phones, naming the unit once', () => {
    const chart = monthlyChart(months, '2026-03-15', { compact: true });
    expect(categories(chart.option, 'xAxis').slice(9)).toEqual(['10', '11', '12']);
    expect((chart.option as { xAxis: { name: string } }).xAxis.name).toBe('月');
  });
});

describe('overdue by rule', () => {
  it('puts the most overdue rule on top, red, and maps bars to rules', () => {
    const chart = overdueChart([
      { ruleId: 'IW-02', name: '每季度开展意识形态领域形势分析研判', overdue: 2 },
      { ruleId: 'IW-01', name: '党委（党组）每季度专题研究意识形态工作', overdue: 5 },
      { ruleId: 'IW-09', name: '零', overdue: 0 },
    ]);
    expect(chart.targets).toEqual(['IW-01', 'IW-02']);
    expect(categories(chart.option, 'yAxis')).toEqual(['党委（党组）每季度专题研究意识…', '每季度开展意识形态领域形势分析…']);
    expect(seriesData(chart.option)).toEqual([
      { value: 5, itemStyle: { color: '#cf1322', borderRadius: [0, 3, 3, 0] } },
      { value: 2, itemStyle: { color: '#cf1322', borderRadius: [0, 3, 3, 0] } },
    ]);
  });

  it('shortens names further on phones', () => {
    const chart = overdueChart([{ ruleId: 'IW-01', name: '党委（党组）每季度专题研究意识形态工作', overdue: 1 }], { compact: true });
    expect(categories(chart.option, 'yAxis')).toEqual(['党委（党组）每季…']);
  });
});

describe('headline', () => {
  const tally = { applicable: 40, met: 30, due: 4, overdue: 6, rate: 0.75 };
  it('says the rate, what is overdue and where', () => {
    const text = headline('市文旅局党组', 2026, tally, {
      overdueByRule: [{ ruleId: 'IW-01', name: '每季度专题研究', overdue: 4 }, { ruleId: 'IW-02', name: '分析研判', overdue: 2 }],
      completionByUnit: [unit('lib', '市图书馆', 0.5, 4), unit('root', '市文旅局党组', 0.9, 2, 0)],
    });
    expect(text).toBe('市文旅局党组2026年度应完成40项，已完成30项，完成率75%，已逾期6项，逾期最多的是“每季度专题研究”（4项），逾期最多的单位是市图书馆（4项）。');
  });

  it('says so when nothing is overdue or nothing is owed yet', () => {
    expect(headline('艺术科', 2026, { ...tally, overdue: 0 }, { overdueByRule: [], completionByUnit: [] })).toContain('没有逾期未完成的要求');
    expect(headline('新设单位', 2027, { applicable: 0, met: 0, due: 0, overdue: 0, rate: null }, { overdueByRule: [], completionByUnit: [] })).toBe(
      '新设单位2027年度暂无到期应完成的要求。',
    );
  });
});
