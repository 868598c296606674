/**
 * The atlas:// side of serving the renderer: only atlas://app/… URLs map to renderer files.
 */
import { resolveRendererPath, serveRendererFile } from '../node/renderer-files.ts';
import type { RendererResponse, Resolution } from '../node/renderer-files.ts';
import { parseAppUrl } from './app-origin.ts';

export { mimeTypeFor, resolveRendererPath } from '../node/renderer-files.ts';

/** Resolves a full request URL; only atlas://app/… is served. */
export function resolveRendererUrl(rootDir: string, url: string): Resolution {
  const parsed = parseAppUrl(url);
  if (parsed === null) return { ok: false, status: 404, reason: 'not an app URL' };
  // Chromium gives standard schemes at least '/'; Node's URL leaves a bare origin's path empty.
  return resolveRendererPath(rootDir, parsed.pathname === '' ? '/' : parsed.pathname);
}

export function serveRendererRequest(rootDir: string, request: { url: string; method: string }): Promise<RendererResponse> {
  return serveRendererFile(rootDir, resolveRendererUrl(rootDir, request.url), request.method);
}
