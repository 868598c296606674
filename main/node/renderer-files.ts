/**
 * Serves the built renderer (out/renderer), for Electron's atlas:// protocol and for the
 * browser-mode server alike: maps a URL path to a file strictly inside the renderer folder
 * and answers with the security headers on every response, errors included.
 */
// fs.promises through node:fs: Electron patches that object for reading inside app.asar.
import fs from 'node:fs';
import path from 'node:path';
import { SECURITY_HEADERS } from '../security/csp.ts';

export const INDEX_FILE = 'index.html';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolution =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 404; reason: string };

/** A decoded path segment may not be empty, a dot segment, or carry a separator or drive. */
const FORBIDDEN_IN_SEGMENT = /[/\\:\0-\x1f\x7f]/;

/**
 * Maps a URL path ('/assets/app.js', percent-encoded) to a file under rootDir. '/' serves
 * index.html, and so does any extension-less or folder path (client-side routes survive a
 * reload); a missing file with an extension is a plain 404.
 */
export function resolveRendererPath(rootDir: string, pathname: string): Resolution {
  if (!pathname.startsWith('/')) return { ok: false, status: 400, reason: 'path must be absolute' };
  const trailingSlash = pathname.length > 1 && pathname.endsWith('/');
  const raw = pathname.slice(1, trailingSlash ? -1 : undefined);
  const segments: string[] = [];
  if (raw !== '') {
    for (const encoded of raw.split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(encoded);
      } catch {
        return { ok: false, status: 400, reason: 'malformed percent-encoding' };
      }
      if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) {
        return { ok: false, status: 400, reason: `forbidden path segment ${JSON.stringify(segment)}` };
      }
      segments.push(segment);
    }
  }
  const last = segments.at(-1);
  if (trailingSlash || last === undefined || !last.includes('.')) {
    segments.length = 0;
    segments.push(INDEX_FILE);
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!isInside(root, filePath)) return { ok: false, status: 400, reason: 'path escapes the renderer folder' };
  return { ok: true, filePath };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD requests. */
  body: Uint8Array | null;
}

function textResponse(status: number, message: string, extra: Record<string, string> = {}): RendererResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
    body: new TextEncoder().encode(message),
  };
}

/** Reads the file a resolution names; every answer, including errors, carries SECURITY_HEADERS. */
export async function serveRendererFile(
  rootDir: string,
  resolution: Resolution,
  requestMethod: string,
): Promise<RendererResponse> {
  const method = requestMethod.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  if (!resolution.ok) return textResponse(resolution.status, resolution.status === 400 ? 'Bad request' : 'Not found');
  let data: Uint8Array;
  try {
    // Symlinks inside the folder must not lead outside it.
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(rootDir), fs.promises.realpath(resolution.filePath)]);
    if (!isInside(realRoot, realFile)) return textResponse(404, 'Not found');
    const stat = await fs.promises.stat(realFile);
    if (!stat.isFile()) return textResponse(404, 'Not found');
    data = method === 'HEAD' ? new Uint8Array(0) : await fs.promises.readFile(realFile);
  } catch {
    return textResponse(404, 'Not found');
  }
  return {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeFor(resolution.filePath),
      // Local files change only with an app update; revalidation is free.
      'Cache-Control': 'no-cache',
    },
    body: method === 'HEAD' ? null : data,
  };
}
