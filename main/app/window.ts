import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/security';
import { APP_ENTRY_URL, isAppUrl } from './app-protocol';

export interface MainWindowSettings {
  preloadPath: string;
  /** Extra argv for the renderer, read by the preload (the Api's method list). */
  preloadArguments: string[];
  /** DevTools only in development builds. */
  devTools: boolean;
}

/** The window's options: every renderer privilege off except the narrow preload bridge. */
export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'RingScope',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#0b1a2e',
    webPreferences: {
      preload: settings.preloadPath,
      additionalArguments: settings.preloadArguments,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: settings.devTools,
    },
  };
}

/** Opens the RingScope window on the app:// renderer, with navigation and permissions locked down. */
export function createMainWindow(settings: MainWindowSettings): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(settings));
  lockDownWebContents(window.webContents);
  lockDownSession(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** The page may only move within the app; new windows and <webview>s are refused outright. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * CSP on every response (app:// responses carry it already; this covers anything else) and no
 * browser permissions, except writing text to the clipboard from the app's own page, which
 * "copy id" buttons need and which reveals nothing to the page.
 */
export function lockDownSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin);
  });
}
