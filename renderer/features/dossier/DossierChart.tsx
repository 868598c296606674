/**
 * An ECharts chart for the dossier and its printout, drawn with the SVG renderer so the PDF
 * holds vector shapes and real text (crisp at any zoom). No animation: the print page waits
 * for `onRendered` (ECharts' 'finished') before it tells the printer it is ready.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { DOSSIER_FONT } from './dossier-format.ts';
import { useEChart } from '../../components/use-echart.ts';

echarts.use([BarChart, LineChart, PieChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export interface DossierChartProps {
  option: EChartsCoreOption;
  ariaLabel: string;
  height: number;
  testId?: string;
  /** Called once the chart has been drawn with this option. */
  onRendered?: () => void;
}

export function DossierChart(props: DossierChartProps): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const chart = useEChart(container, { renderer: 'svg' });
  const onRendered = useRef(props.onRendered);
  onRendered.current = props.onRendered;

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const done = () => {
      instance.off('finished', done);
      onRendered.current?.();
    };
    instance.on('finished', done);
    instance.setOption({ animation: false, textStyle: { fontFamily: DOSSIER_FONT }, ...props.option }, { notMerge: true });
    return () => {
      instance.off('finished', done);
    };
  }, [props.option]);

  return (
    <div
      ref={container}
      className="dossier-chart"
      role="img"
      aria-label={props.ariaLabel}
      style={{ width: '100%', height: props.height }}
      data-testid={props.testId}
    />
  );
}
