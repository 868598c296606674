/**
 * The Electron layer: a thin shell that wires Electron's events to plain, tested modules.
 * It serves the renderer from atlas://app (privileged custom scheme, security headers on
 * every response), locks the window down (no navigation, no popups, no permissions, no
 * remote requests), carries API calls from preload to the shared services, forwards their
 * events, and flushes autosave before quitting.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session } from 'electron';
import { createElectronPdfPrinter } from './electron-pdf-printer.ts';
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/contract.ts';
import type { AtlasEvent, FilePurpose, Language, WorkspaceInfo } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { Envelope } from '../../shared/api/errors.ts';
import { languageForLocale } from '../../shared/i18n/index.ts';
import { createAtlasServices } from '../services/atlas-services.ts';
import { utilityReader } from './utility-reader.ts';
import { dispatchCall } from '../services/dispatch.ts';
import type { AtlasServices } from '../services/types.ts';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './app-origin.ts';
import { dialogResultPath, workspaceDialog } from './file-dialogs.ts';
import { dataDirOverride, findWorkspaceArgument, isDevelopmentRun } from './launch.ts';
import { createMenuCommands } from './menu-commands.ts';
import { buildMenuTemplate } from './menu-template.ts';
import type { MenuCommands } from './menu-template.ts';
import { createQuitGuard } from './quit-guard.ts';
import { serveRendererRequest } from './renderer-files.ts';
import {
  createWindowOptions,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  windowOpenDecision,
  windowTitle,
} from './window-options.ts';

// ---------------------------------------------------------------------------------------
// Before 'ready': this must all run synchronously at the top level of the entry module.

/** This bundle is out/main/electron.mjs; its siblings are the preload and the worker. */
const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(bundleDir, '..', 'renderer');
const preloadPath = path.join(bundleDir, 'preload.cjs');
const workerUrl = pathToFileURL(path.join(bundleDir, 'worker.mjs'));

// ATLAS_DATA_DIR moves all state (settings, demo workspace and Chromium's profile) elsewhere;
// it must be set before the single-instance lock, which lives in userData.
const dataDir = dataDirOverride(process.env);
if (dataDir !== null) app.setPath('userData', dataDir);

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const isDev = isDevelopmentRun(app.isPackaged, process.env);
let services: AtlasServices | null = null;
let commands: MenuCommands | null = null;
let mainWindow: BrowserWindow | null = null;
let currentWorkspace: WorkspaceInfo | null = null;
let language: Language = 'en';
/** A workspace to open once the services run (command line, or macOS 'open-file' early). */
let pendingOpen: string | null = findWorkspaceArgument(process.argv);

if (!app.requestSingleInstanceLock()) {
  // Another Customer Atlas owns this data folder; it gets our arguments via 'second-instance'.
  app.quit();
} else {
  registerAppHandlers();
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => fatal(error));
}

// ---------------------------------------------------------------------------------------

function registerAppHandlers(): void {
  const quitGuard = createQuitGuard({
    dispose: () => services?.dispose() ?? Promise.resolve(),
    quit: () => app.quit(),
    onError: (error) => console.error('Customer Atlas: saving before quit failed:', error),
  });
  app.on('before-quit', (event) => quitGuard.handleBeforeQuit(event));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = findWorkspaceArgument(argv, workingDirectory);
    if (file !== null) requestOpen(file);
    focusMainWindow();
  });

  // macOS delivers double-clicked files as events, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    requestOpen(file);
  });

  // Every web contents, present or future (including devtools), gets the same lockdown.
  app.on('web-contents-created', (_event, contents) => {
    const blockNavigation = (event: { url: string; preventDefault(): void }): void => {
      // The developer tools (dev runs only) manage their own frames.
      if (contents.getURL().startsWith('devtools:')) return;
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    };
    contents.on('will-navigate', blockNavigation);
    contents.on('will-frame-navigate', blockNavigation);
    contents.on('will-redirect', blockNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => windowOpenDecision());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (services !== null && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

async function onReady(): Promise<void> {
  lockDownSession();
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveRendererRequest(rendererDir, request);
    return new Response(response.body === null ? null : Buffer.from(response.body), {
      status: response.status,
      headers: response.headers,
    });
  });

  language = languageForLocale(app.getLocale());
  const created = await createAtlasServices({
    dataDir: app.getPath('userData'),
    host: {
      mode: 'electron',
      nativeDialogs: true,
      chooseFile,
      chooseImportFiles,
      chooseReportPath,
      chooseDossierPath,
      createPdfPrinter: () => createElectronPdfPrinter(preloadPath),
    },
    systemLocale: app.getLocale(),
    version: app.getVersion(),
    workerUrl,
    readerLauncher: utilityReader,
  });
  services = created;
  const menuCommands = createMenuCommands({
    api: created.api,
    language: () => language,
    showError: (message) => dialog.showErrorBox('Customer Atlas', message),
  });
  commands = menuCommands;
  ipcMain.handle(IPC_CALL_CHANNEL, handleCall);
  created.onEvent(forwardEvent);

  try {
    await created.start();
  } catch (error) {
    console.error('Customer Atlas: could not open the initial workspace:', error);
  }
  await refreshMenu();
  mainWindow = createMainWindow();

  const file = pendingOpen;
  pendingOpen = null;
  if (file !== null) await menuCommands.openRecent(file);
}

/** No permissions, no remote requests: the renderer can only reach atlas://app. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(preloadPath));
  window.setTitle(windowTitle(currentWorkspace));
  // The title names the open workspace; the page does not override it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.webContents.once('did-fail-load', (_event, code, description, url) => {
    console.error(`Customer Atlas: failed to load ${url}: ${description} (${code})`);
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Customer Atlas: loadURL failed:', error));
  return window;
}

async function handleCall(event: IpcMainInvokeEvent, method: unknown, params: unknown): Promise<Envelope<unknown>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(senderUrl)) {
    const error = new AtlasError('INVALID_INPUT', 'API calls are accepted only from the Customer Atlas window', {
      sender: senderUrl.slice(0, 200),
    });
    return { ok: false, error: error.toData() };
  }
  if (services === null) {
    return { ok: false, error: new AtlasError('BUSY', 'Customer Atlas is still starting').toData() };
  }
  const envelope = await dispatchCall(services.api, method, params);
  if (method === 'settings.setLanguage' && envelope.ok) await refreshMenu();
  return envelope;
}

function forwardEvent(event: AtlasEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (window.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(IPC_EVENT_CHANNEL, event);
  }
  if (event.name === 'workspace.changed') onWorkspaceChanged(event.payload.workspace);
}

function onWorkspaceChanged(workspace: WorkspaceInfo | null): void {
  const previousPath = currentWorkspace?.path ?? null;
  currentWorkspace = workspace;
  const window = mainWindow;
  if (window !== null && !window.isDestroyed()) {
    window.setTitle(windowTitle(workspace));
    if (process.platform === 'darwin') {
      window.setRepresentedFilename(workspace?.path ?? '');
      window.setDocumentEdited(workspace?.dirty ?? false);
    }
  }
  if (workspace !== null && !workspace.isDemo && workspace.path !== previousPath) app.addRecentDocument(workspace.path);
  void refreshMenu();
}

let menuGeneration = 0;

/** Rebuilds the menu (language, recent list, Save enabled); never throws. */
async function refreshMenu(): Promise<void> {
  const current = services;
  const menuCommands = commands;
  if (current === null || menuCommands === null) return;
  const generation = ++menuGeneration;
  try {
    const [settings, recent] = await Promise.all([current.api['settings.get'](undefined), current.api['workspace.recent'](undefined)]);
    if (generation !== menuGeneration) return;
    language = settings.language ?? languageForLocale(app.getLocale());
    const template = buildMenuTemplate({
      platform: process.platform,
      language,
      isDev,
      hasWorkspace: currentWorkspace !== null,
      recent,
      commands: menuCommands,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  } catch (error) {
    console.error('Customer Atlas: could not build the menu:', error);
  }
}

async function chooseFile(purpose: FilePurpose, suggestedDir: string): Promise<string | null> {
  const spec = workspaceDialog(purpose, suggestedDir, language);
  const parent = mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
  if (spec.kind === 'open') {
    const result = parent ? await dialog.showOpenDialog(parent, spec.options) : await dialog.showOpenDialog(spec.options);
    return dialogResultPath('open', result);
  }
  const result = parent ? await dialog.showSaveDialog(parent, spec.options) : await dialog.showSaveDialog(spec.options);
  return dialogResultPath('save', result);
}

/** Import files: several at once, spreadsheets and delimited text. */
async function chooseImportFiles(suggestedDir: string): Promise<string[] | null> {
  const options: OpenDialogOptions = {
    defaultPath: suggestedDir,
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'xls', 'ods', 'csv', 'txt', 'tsv'] }],
  };
  const parent = mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/** Report files: one .xlsx or .csv to write. */
async function chooseReportPath(suggestedPath: string, format: 'xlsx' | 'csv'): Promise<string | null> {
  const options = {
    defaultPath: suggestedPath,
    filters: [format === 'xlsx' ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }],
  };
  const parent = mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** A dossier PDF or a visit-list workbook to write. */
async function chooseDossierPath(suggestedPath: string, format: 'pdf' | 'xlsx'): Promise<string | null> {
  const options = {
    defaultPath: suggestedPath,
    filters: [format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Excel', extensions: ['xlsx'] }],
  };
  const parent = mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function requestOpen(file: string): void {
  if (commands === null) {
    pendingOpen = file;
    return;
  }
  void commands.openRecent(file);
}

function focusMainWindow(): void {
  const window = mainWindow;
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error('Customer Atlas failed to start:', error);
  dialog.showErrorBox('Customer Atlas failed to start', message);
  app.exit(1);
}
