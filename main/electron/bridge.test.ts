import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/contract.ts';
import type { AtlasEvent } from '../../shared/api/contract.ts';
import { createBridge } from './bridge.ts';
import type { BridgeIpc } from './bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }));
  const ipc: BridgeIpc = {
    invoke,
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'raw ipc event', ports: [] }, ...args);
  };
  const count = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { ipc, invoke, emit, count };
}

describe('createBridge', () => {
  it('exposes exactly one function per API method', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof bridge.api[method], method).toBe('function');
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent']);
  });

  it('sends method and params over the single call channel and returns the envelope unchanged', async () => {
    const { ipc, invoke } = fakeIpc();
    const bridge = createBridge(ipc);
    const envelope = await bridge.api['workspace.open']({ path: '/data/east.atlas', jobId: 'j1' });
    expect(invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'workspace.open', { path: '/data/east.atlas', jobId: 'j1' });
    expect(envelope).toEqual({
      ok: true,
      value: { channel: IPC_CALL_CHANNEL, args: ['workspace.open', { path: '/data/east.atlas', jobId: 'j1' }] },
    });
    await bridge.api['app.info'](undefined);
    expect(invoke).toHaveBeenLastCalledWith(IPC_CALL_CHANNEL, 'app.info', undefined);
  });

  it('passes error envelopes through as data', async () => {
    const { ipc } = fakeIpc();
    const error = { ok: false, error: { code: 'NO_WORKSPACE', message: 'No workspace is open', details: {} } };
    ipc.invoke = async () => error;
    await expect(createBridge(ipc).api['overview.get'](undefined)).resolves.toBe(error);
  });

  it('delivers only the event payload, never the raw IPC event, and unsubscribes once', () => {
    const { ipc, emit, count } = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => received.push(args));
    const event: AtlasEvent = { name: 'job.progress', payload: { jobId: 'j1', phase: 'demo.customers', done: 1, total: 4 } };
    emit(IPC_EVENT_CHANNEL, event);
    emit('some-other-channel', { name: 'x' });
    expect(received).toEqual([[event]]);
    expect(count(IPC_EVENT_CHANNEL)).toBe(1);
    unsubscribe();
    unsubscribe();
    expect(count(IPC_EVENT_CHANNEL)).toBe(0);
    emit(IPC_EVENT_CHANNEL, event);
    expect(received).toHaveLength(1);
  });

  it('keeps subscribers independent', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = bridge.onEvent(a);
    bridge.onEvent(b);
    offA();
    emit(IPC_EVENT_CHANNEL, { name: 'workspace.changed', payload: { workspace: null } });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
  });

  it('is frozen, so page scripts cannot swap the functions', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('rejects a non-function listener', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(() => bridge.onEvent('nope' as unknown as () => void)).toThrow(TypeError);
  });
});
