import { describe, expect, it } from 'vitest';
import { createHttpBridge } from './http-bridge.ts';
import type { EventSourceLike } from './http-bridge.ts';
import type { AtlasEvent } from '../../shared/api/contract.ts';

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(respond: () => Response | Promise<Response>): { fetch: typeof fetch; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const fn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    return Promise.resolve(respond());
  };
  return { fetch: fn as typeof fetch, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createHttpBridge calls', () => {
  it('posts method and params with the token and returns the envelope', async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, value: { cancelled: true } }));
    const bridge = createHttpBridge({ token: 't0k', fetch });
    const result = await bridge.api['jobs.cancel']({ jobId: 'j1' });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/call');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(calls[0]!.init?.headers).toEqual({ 'content-type': 'application/json', 'x-atlas-token': 't0k' });
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ method: 'jobs.cancel', params: { jobId: 'j1' } });
  });

  it('passes error envelopes through, whatever the status', async () => {
    const error = { code: 'NO_WORKSPACE', message: 'No workspace is open.', details: {} };
    const { fetch } = fakeFetch(() => json({ ok: false, error }, 409));
    const bridge = createHttpBridge({ token: 't', fetch });
    expect(await bridge.api['overview.get'](undefined)).toEqual({ ok: false, error });
  });

  it('turns network failures and foreign bodies into INTERNAL envelopes', async () => {
    const failing = createHttpBridge({ token: 't', fetch: (() => Promise.reject(new Error('refused'))) as typeof fetch });
    const down = await failing.api['app.info'](undefined);
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.error.code).toBe('INTERNAL');

    const html = createHttpBridge({ token: 't', fetch: fakeFetch(() => new Response('<html>', { status: 502 })).fetch });
    const bad = await html.api['app.info'](undefined);
    expect(bad.ok).toBe(false);

    const odd = createHttpBridge({ token: 't', fetch: fakeFetch(() => json({ hello: 1 })).fetch });
    const weird = await odd.api['app.info'](undefined);
    expect(weird.ok).toBe(false);
  });
});

describe('createHttpBridge events', () => {
  it('opens one stream on first subscription and dispatches parsed events', () => {
    const opened: { url: string; source: EventSourceLike }[] = [];
    const bridge = createHttpBridge({
      token: 'a b',
      fetch: fakeFetch(() => json({})).fetch,
      openEvents: (url) => {
        const source: EventSourceLike = { onmessage: null, close: () => undefined };
        opened.push({ url, source });
        return source;
      },
    });
    expect(opened).toHaveLength(0);
    const seen: AtlasEvent[] = [];
    const seen2: AtlasEvent[] = [];
    const off = bridge.onEvent((event) => seen.push(event));
    bridge.onEvent((event) => seen2.push(event));
    expect(opened).toHaveLength(1);
    expect(opened[0]!.url).toBe('/api/events?token=a%20b');

    const event: AtlasEvent = { name: 'job.progress', payload: { jobId: 'j', phase: 'p', done: 1, total: 2 } };
    const send = (data: string): void => opened[0]!.source.onmessage?.({ data } as MessageEvent<string>);
    send(JSON.stringify(event));
    send('not json');
    send(JSON.stringify({ nope: true }));
    expect(seen).toEqual([event]);

    off();
    send(JSON.stringify(event));
    expect(seen).toHaveLength(1);
    expect(seen2).toHaveLength(2);
  });
});
