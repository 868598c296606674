/**
 * Builds the object preload exposes as `window.atlas`. Kept free of Electron at runtime (the
 * IPC functions are passed in) so it is unit-tested with a fake. The renderer receives named
 * functions and plain event objects only: never ipcRenderer, never an IpcRendererEvent.
 */
import { API_METHODS, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/contract.ts';
import type { ApiMethod, AtlasBridge, AtlasEvent, EnvelopeApi } from '../../shared/api/contract.ts';

/** The slice of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type UntypedCall = (params?: unknown) => Promise<unknown>;

export function createBridge(ipc: BridgeIpc): AtlasBridge {
  const calls: Partial<Record<ApiMethod, UntypedCall>> = {};
  for (const method of API_METHODS) {
    // The envelope comes back as is: errors travel as data, never as rejections.
    calls[method] = (params?: unknown) => ipc.invoke(IPC_CALL_CHANNEL, method, params);
  }
  // API_METHODS is checked complete against ApiSpec in the contract, and main validates
  // every call, so the typed view of these uniform functions is sound.
  const api = Object.freeze(calls) as EnvelopeApi;

  const bridge = {
    api,
    onEvent(listener: (event: AtlasEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
      const relay = (_ipcEvent: unknown, event: unknown): void => {
        listener(event as AtlasEvent);
      };
      ipc.on(IPC_EVENT_CHANNEL, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(IPC_EVENT_CHANNEL, relay);
      };
    },
  } satisfies AtlasBridge;
  return Object.freeze(bridge);
}
