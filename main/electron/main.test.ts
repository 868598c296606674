/**
 * Wiring test of main.ts against a recording fake of the 'electron' module (the Electron
 * binary is not needed): checks what happens before 'ready', the session lockdown, the
 * protocol handler, the IPC sender check, event forwarding, navigation blocking, file
 * arguments and the flush-before-quit sequence. The services are a fake too; their own
 * tests live in main/services.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/contract.ts';
import type { AtlasEvent, WorkspaceInfo } from '../../shared/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../security/csp.ts';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    private readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
    count(name: string): number {
      return this.listeners.get(name)?.length ?? 0;
    }
  }

  const calls: string[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setPath: vi.fn((name: string, value: string) => void calls.push(`setPath:${name}:${value}`)),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    enableSandbox: vi.fn(() => void calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return true;
    }),
    whenReady: vi.fn(() => ready),
    quit: vi.fn(),
    exit: vi.fn(),
    getLocale: vi.fn(() => 'zh-CN'),
    getVersion: vi.fn(() => '9.9.9'),
    addRecentDocument: vi.fn(),
  });

  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => void calls.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    },
  };

  class WebContents extends Emitter {
    url = 'atlas://app/index.html';
    send = vi.fn();
    isDestroyed(): boolean {
      return false;
    }
    getURL(): string {
      return this.url;
    }
  }

  const windows: BrowserWindow[] = [];
  class BrowserWindow extends Emitter {
    static getAllWindows(): BrowserWindow[] {
      return windows;
    }
    readonly webContents = new WebContents();
    readonly options: unknown;
    title = '';
    loadURL = vi.fn(async (_url: string) => {});
    show = vi.fn();
    focus = vi.fn();
    setRepresentedFilename = vi.fn();
    setDocumentEdited = vi.fn();
    constructor(options: unknown) {
      super();
      this.options = options;
      windows.push(this);
    }
    setTitle(title: string): void {
      this.title = title;
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
  }

  const ipcMain = { handle: vi.fn() };
  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
  const dialog = { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };

  // The services: a recording fake of the contract.
  const serviceListeners: ((event: unknown) => void)[] = [];
  const api = {
    'settings.get': vi.fn(async () => ({ language: null })),
    'workspace.recent': vi.fn(async () => []),
    'workspace.open': vi.fn(async (params: unknown) => params),
    'app.info': vi.fn(async () => ({ name: 'Customer Atlas' })),
  };
  const services = {
    api,
    onEvent: vi.fn((listener: (event: unknown) => void) => {
      serviceListeners.push(listener);
      return () => {};
    }),
    start: vi.fn(async () => {}),
    dispose: vi.fn(async () => {}),
  };
  const createAtlasServices = vi.fn(async (_options: unknown) => services);

  process.env['ATLAS_DATA_DIR'] = '/tmp/atlas-main-test';
  return {
    calls,
    resolveReady: () => resolveReady(),
    app,
    protocol,
    session,
    BrowserWindow,
    WebContents,
    windows,
    ipcMain,
    Menu,
    dialog,
    api,
    services,
    serviceListeners,
    createAtlasServices,
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  protocol: fake.protocol,
  session: fake.session,
  BrowserWindow: fake.BrowserWindow,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  dialog: fake.dialog,
}));
vi.mock('../services/atlas-services.ts', () => ({ createAtlasServices: fake.createAtlasServices }));

function lastArg<T>(mock: { mock: { calls: unknown[][] } }, index = 0): T {
  const call = mock.mock.calls.at(-1);
  if (!call) throw new Error('not called');
  return call[index] as T;
}

const mainWindow = () => {
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  return window;
};

beforeAll(async () => {
  await import('./main.ts');
});

afterAll(() => {
  delete process.env['ATLAS_DATA_DIR'];
});

describe('before ready', () => {
  it('moves userData to ATLAS_DATA_DIR before taking the single-instance lock', () => {
    expect(fake.calls.indexOf(`setPath:userData:${path.resolve('/tmp/atlas-main-test')}`)).toBe(0);
    expect(fake.calls).toContain('requestSingleInstanceLock');
    expect(fake.calls.indexOf('requestSingleInstanceLock')).toBeGreaterThan(0);
  });

  it('enables the sandbox everywhere and registers atlas:// as a privileged standard scheme', () => {
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'atlas', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('registers the lifecycle handlers', () => {
    for (const name of ['before-quit', 'second-instance', 'open-file', 'web-contents-created', 'window-all-closed', 'activate']) {
      expect(fake.app.count(name), name).toBe(1);
    }
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });

  it('creates the services on the userData folder with native dialogs', () => {
    const options = lastArg<Record<string, unknown>>(fake.createAtlasServices);
    expect(options).toMatchObject({
      dataDir: '/fake/userData',
      host: { mode: 'electron', nativeDialogs: true },
      systemLocale: 'zh-CN',
      version: '9.9.9',
    });
    expect(String(options['workerUrl'])).toMatch(/^file:.*\/worker\.mjs$/);
    expect(fake.services.start).toHaveBeenCalledOnce();
  });

  it('opens the locked-down window on atlas://app/index.html with the preload', () => {
    const window = mainWindow();
    expect(window.loadURL).toHaveBeenCalledWith('atlas://app/index.html');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    const preload = (window.options as { webPreferences: { preload: string } }).webPreferences.preload;
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(window.title).toBe('Customer Atlas');
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('denies every permission and cancels remote requests', () => {
    const ses = fake.session.defaultSession;
    const onRequest = lastArg<(wc: unknown, permission: string, callback: (granted: boolean) => void) => void>(
      ses.setPermissionRequestHandler,
    );
    const granted = vi.fn();
    onRequest({}, 'media', granted);
    onRequest({}, 'notifications', granted);
    expect(granted.mock.calls).toEqual([[false], [false]]);
    const onCheck = lastArg<(wc: unknown, permission: string) => boolean>(ses.setPermissionCheckHandler);
    expect(onCheck(null, 'geolocation')).toBe(false);
    const onBefore = lastArg<(details: { url: string }, callback: (r: { cancel: boolean }) => void) => void>(
      ses.webRequest.onBeforeRequest,
    );
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      onBefore({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide('ws://127.0.0.1:1/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('atlas://app/assets/x.js')).toBe(false);
  });

  it('serves atlas:// with the security headers', async () => {
    const [scheme, handler] = fake.protocol.handle.mock.calls.at(-1) as [string, (request: unknown) => Promise<Response>];
    expect(scheme).toBe('atlas');
    const response = await handler({ url: 'atlas://app/..%2f..%2fpackage.json', method: 'GET' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers IPC calls only from the app’s own frames', async () => {
    const [channel, handler] = fake.ipcMain.handle.mock.calls.at(-1) as [
      string,
      (event: unknown, method: unknown, params: unknown) => Promise<unknown>,
    ];
    expect(channel).toBe(IPC_CALL_CHANNEL);
    await expect(handler({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await expect(handler({ senderFrame: null }, 'app.info', undefined)).resolves.toMatchObject({ ok: false });
    expect(fake.api['app.info']).not.toHaveBeenCalled();
    await expect(handler({ senderFrame: { url: 'atlas://app/index.html' } }, 'app.info', undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Customer Atlas' },
    });
    await expect(handler({ senderFrame: { url: 'atlas://app/index.html' } }, 'no.such', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('forwards service events to the window and names the workspace in the title', () => {
    const workspace: WorkspaceInfo = {
      path: '/data/east.atlas',
      name: 'east.atlas',
      schemaVersion: 1,
      isDemo: false,
      dirty: true,
      lastSavedAt: null,
    };
    const event: AtlasEvent = { name: 'workspace.changed', payload: { workspace } };
    for (const listener of fake.serviceListeners) listener(event);
    const window = mainWindow();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(window.title).toBe('east.atlas • — Customer Atlas');
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith('/data/east.atlas');
  });

  it('blocks navigation away from the app and every popup', () => {
    const contents = new fake.WebContents();
    const setWindowOpenHandler = vi.fn();
    Object.assign(contents, { setWindowOpenHandler });
    fake.app.emit('web-contents-created', {}, contents);
    const navigate = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit(name, event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(navigate('will-navigate', 'atlas://app/index.html')).toBe(false);
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    const openHandler = lastArg<() => unknown>(setWindowOpenHandler);
    expect(openHandler()).toEqual({ action: 'deny' });
  });

  it('opens a workspace passed to a second instance and focuses the window', async () => {
    fake.app.emit('second-instance', {}, ['/opt/atlas/customer-atlas', '--flag', 'west.atlas'], '/home/li');
    await vi.waitFor(() => expect(fake.api['workspace.open']).toHaveBeenCalledWith({ path: path.resolve('/home/li', 'west.atlas') }));
    expect(mainWindow().focus).toHaveBeenCalled();
  });

  it('flushes the services once before quitting', async () => {
    const first = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());
    expect(fake.services.dispose).toHaveBeenCalledOnce();
    const second = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(fake.services.dispose).toHaveBeenCalledOnce();
  });
});
