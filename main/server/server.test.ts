import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { createAtlasServices } from '../services/atlas-services.ts';
import type { AtlasServices } from '../services/types.ts';
import { WorkerClient } from '../services/worker-client.ts';
import { startServer } from './server.ts';
import type { RunningServer } from './server.ts';
import { rendererDir } from '../node/runtime-paths.ts';
import fs from 'node:fs';

let temp: { dir: string; cleanup: () => void };
let services: AtlasServices;
let server: RunningServer;

beforeAll(async () => {
  temp = makeTempDir('server');
  const file = path.join(temp.dir, 'empty.atlas');
  const worker = new WorkerClient();
  await worker.call('create', { path: file, demo: false });
  await worker.terminate();
  services = await createAtlasServices({
    dataDir: path.join(temp.dir, 'data'),
    host: { mode: 'browser', nativeDialogs: false, chooseFile: () => Promise.resolve(null) },
    systemLocale: 'en-US',
    version: '0.0.0-test',
    initialWorkspace: file,
  });
  await services.start();
  server = await startServer({ services, rendererDir: rendererDir(), port: 0, token: 'test-token' });
});

afterAll(async () => {
  await server.close();
  await services.dispose();
  temp.cleanup();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, method, path: urlPath, headers: { host: url.host, ...headers } },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const call = (method: string, params?: unknown, token = 'test-token') =>
  request('POST', '/api/call', { 'content-type': 'application/json', 'x-atlas-token': token }, JSON.stringify({ method, params }));

describe('browser-mode server', () => {
  it('answers contract calls with envelopes', async () => {
    const reply = await call('app.info');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'browser', nativeDialogs: false } });
    expect(JSON.parse((await call('overview.get')).body)).toMatchObject({ ok: true, value: { counts: { customers: 0 } } });
  });

  it('returns validation failures and unknown methods as error data', async () => {
    expect(JSON.parse((await call('workspace.open', { path: '' })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await call('__proto__')).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses calls without the token, from another origin, or through a rebinding host name', async () => {
    expect((await call('app.info', undefined, 'wrong')).status).toBe(401);
    expect((await request('POST', '/api/call', { 'content-type': 'application/json' }, '{}')).status).toBe(401);
    const foreignOrigin = await request(
      'POST',
      '/api/call',
      { 'content-type': 'application/json', 'x-atlas-token': 'test-token', origin: 'http://evil.example' },
      JSON.stringify({ method: 'app.info' }),
    );
    expect(foreignOrigin.status).toBe(403);
    const rebinding = await request('GET', '/', { host: 'attacker.example:80' });
    expect(rebinding.status).toBe(403);
    expect((await request('GET', '/api/call')).status).toBe(405);
    expect((await call('app.info', undefined, 'test-token')).status).toBe(200);
    const textPost = await request('POST', '/api/call', { 'content-type': 'text/plain', 'x-atlas-token': 'test-token' }, '{}');
    expect(textPost.status).toBe(415);
  });

  it('serves the renderer with the CSP and the token, and nothing outside it', async () => {
    const hasRenderer = fs.existsSync(path.join(rendererDir(), 'index.html'));
    const index = await request('GET', '/');
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    if (hasRenderer) expect(index.body).toContain('<meta name="atlas-token" content="test-token">');
    for (const attempt of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      // URL normalisation may turn these into /etc/passwd, which is a client route: index.html.
      const reply = await request('GET', attempt);
      expect(reply.body).not.toContain('root:');
      if (reply.status === 200 && hasRenderer) expect(reply.body).toContain('atlas-token');
    }
    expect((await request('GET', '/assets/..%2f..%2fpackage.json')).status).toBe(400);
    expect((await request('GET', '/no-such-file.js')).status).toBe(404);
    expect((await request('DELETE', '/index.html')).status).toBe(405);
  });

  it('streams events to subscribers who hold the token', async () => {
    const url = new URL(server.url);
    expect((await request('GET', '/api/events?token=nope')).status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: url.port, path: '/api/events?token=test-token', headers: { host: url.host } },
        (res) => {
          let data = '';
          res.on('data', (d: Buffer) => {
            data += d.toString();
            if (data.includes('workspace.changed')) {
              req.destroy();
              resolve(data);
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
    });
    await new Promise((r) => setTimeout(r, 100));
    await call('workspace.save');
    const stream = await received;
    const line = stream.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice(6))).toMatchObject({ name: 'workspace.changed', payload: { workspace: { name: 'empty.atlas' } } });
  });
});
