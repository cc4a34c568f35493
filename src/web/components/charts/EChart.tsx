import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import type { ChartOption } from './types.ts';

// The only module that imports ECharts: loaded on demand by Chart.tsx, so ECharts stays out of the
// first bundle and out of every page without a chart. Register here what the option builders use.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** Called with the data index of a clicked bar or point. */
  onPick?: (dataIndex: number) => void;
}

export default function EChart({ option, height, onPick }: EChartProps) {
  const onEvents = useMemo(
    () => (onPick ? { click: (params: { dataIndex?: number }) => params.dataIndex !== undefined && onPick(params.dataIndex) } : undefined),
    [onPick],
  );
  return <EChartsReactCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} onEvents={onEvents} opts={{ renderer: 'canvas' }} />;
}
