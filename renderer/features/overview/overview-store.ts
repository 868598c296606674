/**
 * The Overview page's data. Loads are numbered so a slow answer for an older workspace can
 * never overwrite a newer one; a reload keeps the previous figures on screen meanwhile.
 */
import { create } from 'zustand';
import { call } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { Overview } from '../../../shared/overview/overview.ts';

interface OverviewState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  overview: Overview | null;
  error: AtlasErrorData | null;
}

const useOverviewStore = create<OverviewState>()(() => ({ status: 'idle', overview: null, error: null }));

export const useOverviewState = (): OverviewState => useOverviewStore((s) => s);

let seq = 0;

export async function loadOverview(): Promise<void> {
  seq += 1;
  const mine = seq;
  useOverviewStore.setState((s) => ({ status: s.overview === null ? 'loading' : s.status, error: null }));
  try {
    const overview = await call('overview.get');
    if (mine === seq) useOverviewStore.setState({ status: 'ready', overview, error: null });
  } catch (error) {
    if (mine === seq) useOverviewStore.setState({ status: 'failed', overview: null, error: toErrorData(error) });
  }
}
