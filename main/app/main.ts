/**
 * Electron main process: one instance per user; on ready it builds the core, answers the Api over
 * IPC and opens the window. Everything the window may do is decided in window.ts and ipc.ts.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createRingScopeCore } from '../core/bootstrap';
import { resolveInvestigationConfig } from '../core/config';
import { registerAppScheme, serveRendererOverAppProtocol } from './app-protocol';
import { SafeStorageSecretStore } from './credentials';
import { registerFileDialogs } from './file-dialogs';
import { forwardProgress, preloadArguments, registerApiHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { createMainWindow } from './window';

// dist/main/app → the built preload beside this file, the built renderer in dist/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.js');
const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');

registerAppScheme();
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    // Started from a desktop icon there is no terminal to read, hence the dialog.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`RingScope could not start: ${reason}`);
    dialog.showErrorBox('RingScope could not start', reason);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  serveRendererOverAppProtocol(RENDERER_DIR);
  const userData = app.getPath('userData');
  const core = await createRingScopeCore({
    version: app.getVersion(),
    // Cases, tags and reviews live in the per-user data folder (~/.config/RingScope on Linux).
    investigation: resolveInvestigationConfig(process.env, { dataDir: userData }),
    // Saved Neo4j passwords only through the OS keychain (safeStorage), never in plain text.
    secrets: new SafeStorageSecretStore(path.join(userData, 'credentials.json')),
    log: (message) => console.error(message),
  });
  app.once('will-quit', (event) => {
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });
  registerApiHandlers(core.dispatcher, { user: core.currentUser, appWebContents: () => mainWindow?.webContents ?? null });
  registerFileDialogs({ appWindow: () => mainWindow, evidencePackagePath: (fileName) => core.evidence.packagePath(fileName) });
  installApplicationMenu();

  const openWindow = () => {
    const window = createMainWindow({
      preloadPath: PRELOAD_PATH,
      preloadArguments: preloadArguments(),
      devTools: !app.isPackaged,
    });
    const stopProgress = forwardProgress(core.dispatcher, window.webContents);
    window.on('closed', () => {
      stopProgress();
      mainWindow = null;
    });
    mainWindow = window;
  };
  openWindow();
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
}
