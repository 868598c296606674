/**
 * The main window's options and the security policies applied to every web contents, as
 * plain data and pure functions so they are unit-tested without Electron. main.ts only wires
 * them to Electron's events.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WorkspaceInfo } from '../../shared/api/contract.ts';
import { isAppUrl } from './app-origin.ts';

export const WINDOW_TITLE = 'Customer Atlas';
export const WINDOW_BACKGROUND = '#f4f6f9';

export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    title: WINDOW_TITLE,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      plugins: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/** The window may only ever show the app's own pages (reloads, in-app links). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Schemes the renderer may request. Everything else — http, https, ws, wss, ftp, file — is
 * cancelled, so no remote or local-file content can load even if the CSP were bypassed.
 * devtools: serves the developer tools' own frontend.
 */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['atlas:', 'data:', 'blob:', 'devtools:']);

export function isAllowedRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'atlas:') return isAppUrl(url);
  return ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}

/** Permissions the app grants to web content: none (camera, geolocation, notifications …). */
export const GRANTED_PERMISSIONS: readonly string[] = [];

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission);
}

/** Every window.open / target=_blank is refused; the app never opens a second renderer. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** "Name — Customer Atlas", with a bullet while changes wait for autosave. */
export function windowTitle(workspace: WorkspaceInfo | null): string {
  if (workspace === null) return WINDOW_TITLE;
  return `${workspace.name}${workspace.dirty ? ' •' : ''} — ${WINDOW_TITLE}`;
}
