/**
 * The renderer's own origin. The app is served from the privileged custom scheme
 * `atlas://app/…` (standard + secure), never from file:// or a web server, so its origin is
 * a fixed, unforgeable value the main process can check navigations and IPC senders against.
 */
export const APP_SCHEME = 'atlas';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL and returns it only when it belongs to the app's origin. */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return null;
  // Chromium lower-cases hosts of standard schemes; Node (non-special scheme) does not.
  if (parsed.hostname.toLowerCase() !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}
