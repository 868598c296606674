import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { buildRevenueChartOption } from './revenue-chart-option.ts';
import { useEChart } from '../../components/use-echart.ts';
import type { ReactNode } from 'react';
import type { Language } from '../../../shared/api/contract.ts';
import type { MonthlyRevenue } from '../../../shared/overview/overview.ts';
import type { RevenueChartLabels } from './revenue-chart-option.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export function RevenueChart(props: { data: MonthlyRevenue; language: Language; labels: RevenueChartLabels; ariaLabel: string }): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const chart = useEChart(container, { renderer: 'canvas' });

  const { data, language, labels } = props;
  useEffect(() => {
    chart.current?.setOption(buildRevenueChartOption(data, language, labels), { notMerge: true });
  }, [data, language, labels]);

  return <div className="chart" ref={container} role="img" aria-label={props.ariaLabel} data-testid="overview-chart" />;
}
