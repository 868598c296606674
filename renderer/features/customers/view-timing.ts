/**
 * Timing marks for the views benchmark (bench/views.bench.ts drives Chromium and reads them):
 * when the last worker answer arrived, and when a page had painted everything it shows for
 * it (two animation frames after React committed, so ECharts has drawn its canvases). Costs
 * two numbers per answer; nothing is shown.
 */
import { useEffect } from 'react';

interface ViewTimes {
  lastAnswerAt: number;
  settled: { page: string; answeredAt: number; paintedAt: number }[];
}

function times(): ViewTimes {
  const w = window as unknown as { __atlasViewTimes?: ViewTimes };
  w.__atlasViewTimes ??= { lastAnswerAt: 0, settled: [] };
  return w.__atlasViewTimes;
}

export function noteAnswer(): void {
  times().lastAnswerAt = performance.now();
}

/** Records that `page` painted what it shows once `ready`, each time `stamp` changes. */
export function useSettled(page: string, ready: boolean, stamp: unknown): void {
  useEffect(() => {
    if (!ready) return;
    const answeredAt = times().lastAnswerAt;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const list = times().settled;
        list.push({ page, answeredAt, paintedAt: performance.now() });
        if (list.length > 200) list.splice(0, list.length - 200);
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [page, ready, stamp]);
}
