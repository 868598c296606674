import { describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../shared/api/contract.ts';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, parseAppUrl } from './app-origin.ts';
import {
  GRANTED_PERMISSIONS,
  WINDOW_TITLE,
  createWindowOptions,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  windowOpenDecision,
  windowTitle,
} from './window-options.ts';

describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/out/main/preload.cjs');
  const web = options.webPreferences ?? {};

  it('isolates the renderer completely from Node and Electron', () => {
    expect(web.preload).toBe('/app/out/main/preload.cjs');
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
  });

  it('keeps web security on and every risky feature off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableWebSQL).toBe(false);
    expect(web.plugins).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.safeDialogs).toBe(true);
    expect(web.spellcheck).toBe(false);
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.additionalArguments).toBeUndefined();
  });

  it('opens a laptop-sized, hidden-until-ready window titled Customer Atlas', () => {
    expect(options).toMatchObject({ width: 1366, height: 860, minWidth: 1100, minHeight: 700 });
    expect(options.title).toBe('Customer Atlas');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('returns a fresh object each time (callers may not share mutable options)', () => {
    expect(createWindowOptions('x')).not.toBe(createWindowOptions('x'));
  });
});

describe('app origin', () => {
  it('is atlas://app with index.html as entry', () => {
    expect(APP_ORIGIN).toBe('atlas://app');
    expect(APP_ENTRY_URL).toBe('atlas://app/index.html');
    expect(parseAppUrl('atlas://app/assets/x.js?v=1#top')?.pathname).toBe('/assets/x.js');
  });

  it('accepts hosts in any case, as Chromium lower-cases them', () => {
    expect(isAppUrl('atlas://APP/index.html')).toBe(true);
  });

  it('rejects look-alikes', () => {
    for (const url of [
      'atlas://evil/index.html',
      'atlas://app@evil/index.html',
      'atlas://user:pw@app/index.html',
      'atlas://app:8080/index.html',
      'atlas://app.evil.com/',
      'atlasx://app/index.html',
      'http://app/index.html',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app’s own pages', () => {
    expect(isAllowedNavigation('atlas://app/index.html')).toBe(true);
    expect(isAllowedNavigation('atlas://app/index.html#/customers')).toBe(true);
    expect(isAllowedNavigation('atlas://app/')).toBe(true);
  });

  it('blocks every other destination', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/index.html',
      'file:///etc/passwd',
      'file:///C:/Windows/win.ini',
      'data:text/html,<script>alert(1)</script>',
      'blob:atlas://app/1234',
      'javascript:alert(1)',
      'about:blank',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'atlas://other/index.html',
      'atlas://app@evil.com/',
      'mailto:a@b.c',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('isAllowedRequest', () => {
  it('lets the app load its own files, inline data and blobs, and the devtools', () => {
    for (const url of [
      'atlas://app/assets/index.js',
      'data:image/png;base64,AAAA',
      'blob:atlas://app/0d5b7c1e',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
  });

  it('cancels anything remote or from the local file system', () => {
    for (const url of [
      'http://example.com/x.js',
      'https://cdn.example.com/lib.js',
      'ws://127.0.0.1:9222/',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'atlas://evil/x.js',
      'chrome-extension://abc/x.js',
      'garbage',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('permissions and popups', () => {
  it('grants no permission at all', () => {
    expect(GRANTED_PERMISSIONS).toEqual([]);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'display-capture',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });

  it('denies every window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('windowTitle', () => {
  const workspace: WorkspaceInfo = {
    path: '/home/li/东区.atlas',
    name: '东区.atlas',
    schemaVersion: 1,
    isDemo: false,
    dirty: false,
    lastSavedAt: null,
  };

  it('names the workspace and the app', () => {
    expect(windowTitle(null)).toBe(WINDOW_TITLE);
    expect(windowTitle(workspace)).toBe('东区.atlas — Customer Atlas');
    expect(windowTitle({ ...workspace, dirty: true })).toBe('东区.atlas • — Customer Atlas');
  });
});
