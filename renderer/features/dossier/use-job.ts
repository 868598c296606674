/**
 * A long call with a job id (printing, exporting): follows its progress events, offers cancel,
 * keeps the result or the error for the component to show.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';

export interface JobState<R> {
  running: boolean;
  phase: string | null;
  done: number;
  total: number;
  result: R | null;
  error: AtlasErrorData | null;
  cancelled: boolean;
}

let counter = 0;
const newJobId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

export function useJob<R>(prefix: string): { state: JobState<R>; run: (start: (jobId: string) => Promise<R>) => Promise<void>; cancel: () => void; reset: () => void } {
  const [state, setState] = useState<JobState<R>>({ running: false, phase: null, done: 0, total: 0, result: null, error: null, cancelled: false });
  const jobRef = useRef<string | null>(null);

  useEffect(
    () =>
      onNamedEvent('job.progress', (p) => {
        if (p.jobId === jobRef.current) setState((s) => ({ ...s, phase: p.phase, done: p.done, total: p.total }));
      }),
    [],
  );

  const run = useCallback(
    async (start: (jobId: string) => Promise<R>) => {
      if (jobRef.current !== null) return;
      const jobId = newJobId(prefix);
      jobRef.current = jobId;
      setState({ running: true, phase: null, done: 0, total: 0, result: null, error: null, cancelled: false });
      try {
        const result = await start(jobId);
        setState((s) => ({ ...s, running: false, result }));
      } catch (error) {
        const data = toErrorData(error);
        setState((s) => ({ ...s, running: false, error: data.code === 'CANCELLED' ? null : data, cancelled: data.code === 'CANCELLED' }));
      } finally {
        jobRef.current = null;
      }
    },
    [prefix],
  );

  const cancel = useCallback(() => {
    const jobId = jobRef.current;
    if (jobId) void call('jobs.cancel', { jobId });
  }, []);

  const reset = useCallback(() => setState({ running: false, phase: null, done: 0, total: 0, result: null, error: null, cancelled: false }), []);

  return { state, run, cancel, reset };
}
