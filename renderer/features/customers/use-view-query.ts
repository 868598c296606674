/**
 * One hook for every view's data: calls `method` with `params` whenever they change (compared
 * by JSON) or the workspace changes; an older answer never overwrites a newer one, and the
 * previous data stays on screen while the next answer is on its way. `ms` is how long the
 * last answer took (shown for the benchmark, handy for the e2e timing).
 */
import { useEffect, useRef, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { noteAnswer } from './view-timing.ts';
import { toErrorData, type AtlasErrorData } from '../../../shared/api/errors.ts';
import type { ApiMethod, ApiParams, ApiResult } from '../../../shared/api/contract.ts';

export interface ViewQuery<R> {
  status: 'loading' | 'ready' | 'failed';
  data: R | null;
  error: AtlasErrorData | null;
  ms: number;
}

export function useViewQuery<M extends ApiMethod>(method: M, params: ApiParams<M> | null): ViewQuery<ApiResult<M>> {
  const [state, setState] = useState<ViewQuery<ApiResult<M>>>({ status: 'loading', data: null, error: null, ms: 0 });
  const [version, setVersion] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(params);

  useEffect(() => onNamedEvent('workspace.changed', () => setVersion((v) => v + 1)), []);

  useEffect(() => {
    if (params === null) return;
    seq.current += 1;
    const mine = seq.current;
    const started = performance.now();
    setState((s) => ({ ...s, status: s.data === null ? 'loading' : s.status, error: null }));
    const send = call as (m: M, p: ApiParams<M>) => Promise<ApiResult<M>>;
    send(method, params).then(
      (data) => {
        if (mine !== seq.current) return;
        noteAnswer();
        setState({ status: 'ready', data, error: null, ms: performance.now() - started });
      },
      (error: unknown) => {
        if (mine === seq.current) setState({ status: 'failed', data: null, error: toErrorData(error), ms: 0 });
      },
    );
  }, [method, key, version]);

  return state;
}
