/**
 * The browser-mode transport: the same AtlasBridge the Electron preload exposes, carried over
 * HTTP to the local server that served this page. Calls are `POST /api/call` with the page's
 * token; pushed events arrive as Server-Sent Events on `GET /api/events`. Transport failures
 * become error envelopes, so callers see one kind of failure whatever went wrong.
 */
import { API_METHODS } from '../../shared/api/contract.ts';
import { isErrorData } from '../../shared/api/errors.ts';
import type { ApiMethod, AtlasBridge, AtlasEvent, EnvelopeApi } from '../../shared/api/contract.ts';
import type { Envelope } from '../../shared/api/errors.ts';

/** The parts of EventSource the bridge uses, so tests can pass a fake. */
export interface EventSourceLike {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  close(): void;
}

export interface HttpBridgeOptions {
  token: string;
  /** Prefix for /api/…; '' (same origin as the page) unless a test says otherwise. */
  baseUrl?: string;
  fetch?: typeof fetch;
  openEvents?: (url: string) => EventSourceLike;
}

function transportError(why: string): Envelope<never> {
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Customer Atlas server unreachable: ${why}`, details: { why } },
  };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v['ok'] === true) return 'value' in v;
  return v['ok'] === false && isErrorData(v['error']);
}

function isAtlasEvent(value: unknown): value is AtlasEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['name'] === 'string' && 'payload' in v;
}

export function createHttpBridge(options: HttpBridgeOptions): AtlasBridge {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url));

  async function post(method: ApiMethod, params: unknown): Promise<Envelope<unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-atlas-token': options.token },
        body: JSON.stringify({ method, params }),
      });
    } catch (error) {
      return transportError(error instanceof Error ? error.message : String(error));
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return transportError(`HTTP ${response.status} without a JSON body`);
    }
    // The server answers errors with an envelope too; anything else is a transport fault.
    if (isEnvelope(body)) return body;
    return transportError(`HTTP ${response.status} with an unexpected body`);
  }

  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (params: unknown) => post(method, params)]),
  ) as unknown as EnvelopeApi;

  const listeners = new Set<(event: AtlasEvent) => void>();
  let source: EventSourceLike | null = null;

  function dispatch(message: MessageEvent<string>): void {
    let event: unknown;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!isAtlasEvent(event)) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('atlas event listener failed', error);
      }
    }
  }

  return {
    api,
    onEvent(listener) {
      listeners.add(listener);
      // One stream for every listener, opened on first use; EventSource reconnects by itself.
      if (source === null) {
        source = openEvents(`${baseUrl}/api/events?token=${encodeURIComponent(options.token)}`);
        source.onmessage = dispatch;
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
