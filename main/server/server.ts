/**
 * Browser mode: the same services the desktop app uses, served to a Chromium page on
 * 127.0.0.1. Calls are POSTs carrying a per-run token (injected into index.html, unreadable
 * to other origins); events are a Server-Sent Events stream. The Host header is checked so
 * a DNS-rebinding page cannot reach the API, and every response carries the app's CSP.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../security/csp.ts';
import { dispatchCall } from '../services/dispatch.ts';
import type { AtlasServices } from '../services/types.ts';
import { INDEX_FILE, resolveRendererPath, serveRendererFile } from '../node/renderer-files.ts';
import path from 'node:path';

const MAX_BODY = 4 * 1024 * 1024;

export interface ServerOptions {
  services: AtlasServices;
  rendererDir: string;
  port: number;
  /** Fixed token (tests); random per run otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const sseClients = new Set<http.ServerResponse>();
  let port = options.port;

  const unsubscribe = options.services.onEvent((event) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(data);
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveRenderer = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    const resolution = resolveRendererPath(options.rendererDir, pathname);
    const file = await serveRendererFile(options.rendererDir, resolution, req.method ?? 'GET');
    let body: Uint8Array | string | null = file.body;
    if (file.status === 200 && resolution.ok && path.basename(resolution.filePath) === INDEX_FILE && body !== null) {
      body = new TextDecoder().decode(body).replace('</head>', `<meta name="atlas-token" content="${token}">\n</head>`);
    } else if (file.status === 404 && resolution.ok && path.basename(resolution.filePath) === INDEX_FILE) {
      body = 'The renderer is not built: run npm run build';
    }
    res.writeHead(file.status, { ...file.headers, 'Cache-Control': 'no-store' });
    res.end(body ?? undefined);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      send(res, 403, 'Forbidden host', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
        return send(res, 403, 'Forbidden origin', 'text/plain; charset=utf-8');
      }
      if (!safeEqual(String(req.headers['x-atlas-token'] ?? ''), token)) {
        return send(res, 401, 'Missing or wrong token', 'text/plain; charset=utf-8');
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'Expected application/json', 'text/plain; charset=utf-8');
      }
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (error) {
        return send(res, 400, `Bad request: ${(error as Error).message}`, 'text/plain; charset=utf-8');
      }
      const call = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const envelope = await dispatchCall(options.services.api, call['method'], call['params']);
      return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/api/events') {
      if (!safeEqual(url.searchParams.get('token') ?? '', token)) {
        return send(res, 401, 'Missing or wrong token', 'text/plain; charset=utf-8');
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    await serveRenderer(req, res, url.pathname);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(error as Error).message}`, 'text/plain; charset=utf-8');
      else res.end();
    });
  });
  const keepAlive = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    async close() {
      clearInterval(keepAlive);
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
