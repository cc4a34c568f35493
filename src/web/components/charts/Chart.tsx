import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

/**
 * A chart, with ECharts fetched the first time one is shown (its own chunk). `label` names the chart
 * for screen readers; the option's aria description reads out its figures.
 */
export function Chart({ label, ...props }: EChartProps & { label: string }) {
  return (
    <div role="figure" aria-label={label} style={{ minHeight: props.height }}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
        <EChart {...props} />
      </Suspense>
    </div>
  );
}
