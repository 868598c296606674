import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../shared/api/errors.ts';
import { call, onNamedEvent, setBridge } from './client.ts';
import type { AtlasBridge, AtlasEvent, EnvelopeApi } from '../../shared/api/contract.ts';

function fakeBridge(api: Partial<EnvelopeApi>): { bridge: AtlasBridge; emit: (event: AtlasEvent) => void } {
  const listeners = new Set<(event: AtlasEvent) => void>();
  const bridge: AtlasBridge = {
    api: api as EnvelopeApi,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, emit: (event) => listeners.forEach((l) => l(event)) };
}

describe('client', () => {
  it('unwraps values and rethrows errors as AtlasError', async () => {
    const { bridge } = fakeBridge({
      'jobs.cancel': ({ jobId }) => Promise.resolve({ ok: true, value: { cancelled: jobId === 'a' } }),
      'overview.get': () =>
        Promise.resolve({ ok: false, error: { code: 'NO_WORKSPACE', message: 'No workspace is open', details: {} } }),
    });
    setBridge(bridge);
    expect(await call('jobs.cancel', { jobId: 'a' })).toEqual({ cancelled: true });
    const failure = await call('overview.get').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AtlasError);
    expect((failure as AtlasError).code).toBe('NO_WORKSPACE');
  });

  it('delivers named events with their payload only', () => {
    const { bridge, emit } = fakeBridge({});
    setBridge(bridge);
    const seen: unknown[] = [];
    const off = onNamedEvent('workspace.changed', (payload) => seen.push(payload));
    emit({ name: 'job.progress', payload: { jobId: 'j', phase: 'p', done: 0, total: 1 } });
    emit({ name: 'workspace.changed', payload: { workspace: null } });
    off();
    emit({ name: 'workspace.changed', payload: { workspace: null } });
    expect(seen).toEqual([{ workspace: null }]);
  });
});
