/**
 * A plain ECharts chart for the views' bar, treemap, scatter and heatmap charts: one instance per
 * mount, resized with its container, option replaced on change (notMerge), clicks reported, and
 * a PNG exporter handed to ChartCard through `exportRef`. The option's tooltip formatters must
 * escape imported text themselves (shared/format escapeHtml) and use classes, not inline styles
 * (the CSP blocks style attributes in tooltip HTML).
 */
import { useEffect, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart, TreemapChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartExporter } from './chart-export.ts';
import { useEChart } from './use-echart.ts';
import { CHART_FONT } from './chart-theme.ts';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  HeatmapChart,
  TreemapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  VisualMapComponent,
  MarkLineComponent,
  // Series `labelLayout` (the segment map hides overlapping segment names) is a no-op without it.
  LabelLayout,
  CanvasRenderer,
]);

/** The parts of an ECharts mouse event the views use. */
export interface ChartClick {
  componentType: string;
  seriesIndex: number | undefined;
  dataIndex: number | undefined;
  name: string;
  data: unknown;
}

export interface EChartProps {
  option: EChartsCoreOption;
  ariaLabel: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
  exportRef?: RefObject<ChartExporter | null>;
  testId?: string;
}

export function EChart(props: EChartProps): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;
  const chart = useEChart(container, {
    renderer: 'canvas',
    exportRef: props.exportRef,
    setup: (instance) =>
      instance.on('click', (params: { componentType?: string; seriesIndex?: number; dataIndex?: number; name?: string; data?: unknown }) => {
        onClick.current?.({
          componentType: params.componentType ?? '',
          seriesIndex: params.seriesIndex,
          dataIndex: params.dataIndex,
          name: params.name ?? '',
          data: params.data,
        });
      }),
  });

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, ...props.option }, { notMerge: true });
  }, [props.option]);

  return (
    <div
      ref={container}
      className="echart"
      role="img"
      aria-label={props.ariaLabel}
      style={{ width: '100%', height: props.height ?? 320 }}
      data-testid={props.testId ?? 'echart'}
    />
  );
}
