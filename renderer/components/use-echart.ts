/**
 * One ECharts instance for a component's life: created on the container, resized with the
 * container (the sidebar or a banner change its size, not only the window; once per frame),
 * disposed on unmount. `setup` wires events on the new instance; `exportRef` receives a PNG
 * exporter while the chart exists. The renderers and charts used must be registered
 * (echarts.use) by the component.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import * as echarts from 'echarts/core';
import { chartPng, type ChartExporter } from './chart-export.ts';

export interface EChartOptions {
  renderer: 'canvas' | 'svg';
  exportRef?: RefObject<ChartExporter | null> | undefined;
  /** Called once with each new instance (read when the instance is created). */
  setup?: (instance: echarts.ECharts) => void;
}

export function useEChart(container: RefObject<HTMLDivElement | null>, options: EChartOptions): RefObject<echarts.ECharts | null> {
  const chart = useRef<echarts.ECharts | null>(null);
  const setup = useRef(options.setup);
  setup.current = options.setup;
  const { renderer, exportRef } = options;

  useEffect(() => {
    const el = container.current;
    if (el === null) return;
    const instance = echarts.init(el, null, { renderer });
    chart.current = instance;
    if (exportRef) exportRef.current = () => chartPng(chart.current);
    setup.current?.(instance);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      if (exportRef) exportRef.current = null;
      instance.dispose();
      chart.current = null;
    };
  }, [container, renderer, exportRef]);

  return chart;
}
