/**
 * The renderer's only way to the services. It picks the transport once — the Electron
 * preload's `window.atlas` if present, else HTTP to the browser-mode server — and turns
 * envelopes back into values or thrown AtlasErrors. Stores and components import this,
 * never a transport.
 */
import { AtlasError } from '../../shared/api/errors.ts';
import { createHttpBridge } from './http-bridge.ts';
import type { ApiMethod, ApiParams, ApiResult, AtlasBridge, AtlasEvent, EventName, EventSpec } from '../../shared/api/contract.ts';
import type { Envelope } from '../../shared/api/errors.ts';

let bridge: AtlasBridge | null = null;

function readToken(): string | null {
  const meta = document.querySelector('meta[name="atlas-token"]');
  const token = meta?.getAttribute('content') ?? '';
  return token === '' ? null : token;
}

function getBridge(): AtlasBridge {
  if (bridge !== null) return bridge;
  const preload = (window as Window & { atlas?: AtlasBridge }).atlas;
  if (preload !== undefined) {
    bridge = preload;
    return bridge;
  }
  const token = readToken();
  if (token === null) {
    throw new AtlasError('UNSUPPORTED', 'No Customer Atlas host: neither the desktop app nor the browser-mode server served this page.', {
      why: 'no host',
    });
  }
  bridge = createHttpBridge({ token });
  return bridge;
}

/** Lets tests and stories run the UI over a bridge of their own. */
export function setBridge(next: AtlasBridge): void {
  bridge = next;
}

/** Methods whose parameters are `undefined` may be called without them. */
type ParamsArgs<M extends ApiMethod> = undefined extends ApiParams<M> ? [params?: ApiParams<M>] : [params: ApiParams<M>];

/** Calls a service method; resolves with its result or throws the AtlasError it reported. */
export async function call<M extends ApiMethod>(method: M, ...args: ParamsArgs<M>): Promise<ApiResult<M>> {
  const fn = getBridge().api[method] as (params: ApiParams<M>) => Promise<Envelope<ApiResult<M>>>;
  const envelope = await fn(args[0] as ApiParams<M>);
  if (envelope.ok) return envelope.value;
  throw AtlasError.fromData(envelope.error);
}

/** Subscribes to every pushed event; returns the unsubscribe function. */
export function onEvent(listener: (event: AtlasEvent) => void): () => void {
  return getBridge().onEvent(listener);
}

/** Subscribes to one event by name, with its payload typed. */
export function onNamedEvent<E extends EventName>(name: E, listener: (payload: EventSpec[E]) => void): () => void {
  return onEvent((event) => {
    if (event.name === name) listener(event.payload as EventSpec[E]);
  });
}
