import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetFakeElectron } from './fake-electron';
import { CONTENT_SECURITY_POLICY } from '../../../main/api/security';
import { APP_ENTRY_URL } from '../../../main/app/app-protocol';
import { createMainWindow } from '../../../main/app/window';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const settings = { preloadPath: '/app/dist/main/app/preload.js', preloadArguments: ['--ringscope-api-methods=system.health'], devTools: false };

function openWindow() {
  createMainWindow(settings);
  const window = FakeBrowserWindow.created.at(-1)!;
  return { window, contents: window.webContents, session: window.webContents.session };
}

describe('the RingScope window', () => {
  beforeEach(() => resetFakeElectron());

  it('runs the page isolated and sandboxed, with no Node, webviews or insecure content', () => {
    const { window } = openWindow();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: settings.preloadPath,
      additionalArguments: settings.preloadArguments,
    });
  });

  it('loads the app from its own app:// origin and shows the window only once it has painted', () => {
    const { window } = openWindow();
    expect(window.loadedUrl).toBe('app://ringscope/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('adds the strict Content-Security-Policy to every response, keeping the other headers', () => {
    const { session } = openWindow();
    const callback = vi.fn();
    session.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } } as never, callback as never);
    const headers = callback.mock.calls[0][0].responseHeaders;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });

  it('blocks navigation to another origin but lets the app move within its own pages', () => {
    const { contents } = openWindow();
    expect(contents.emitPreventable('will-navigate', { url: 'https://evil.example/phish' })).toBe(true);
    expect(contents.emitPreventable('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(contents.emitPreventable('will-navigate', { url: 'app://other-host/index.html' })).toBe(true);
    expect(contents.emitPreventable('will-navigate', { url: APP_ENTRY_URL })).toBe(false);
  });

  it('refuses every window.open and every <webview>', () => {
    const { contents } = openWindow();
    expect(contents.windowOpenHandler!({ url: 'https://example.com' } as never)).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: APP_ENTRY_URL } as never)).toEqual({ action: 'deny' });
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('denies browser permissions such as camera, location and notifications', () => {
    const { contents, session } = openWindow();
    contents.mainFrame.url = APP_ENTRY_URL;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!(contents as never, permission as never, callback as never);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!(contents as never, permission as never, 'app://ringscope' as never), permission).toBe(false);
    }
  });

  it('lets only the app itself write to the clipboard', () => {
    const { contents, session } = openWindow();
    const request = (url: string) => {
      contents.mainFrame.url = url;
      const callback = vi.fn();
      session.permissionRequestHandler!(contents as never, 'clipboard-sanitized-write' as never, callback as never);
      return callback.mock.calls[0][0];
    };
    expect(request(APP_ENTRY_URL)).toBe(true);
    expect(request('https://evil.example/')).toBe(false);
    expect(session.permissionCheckHandler!(contents as never, 'clipboard-sanitized-write' as never, 'app://ringscope' as never)).toBe(true);
    expect(session.permissionCheckHandler!(contents as never, 'clipboard-sanitized-write' as never, 'https://evil.example' as never)).toBe(false);
  });

  it('keeps developer tools for development builds only', () => {
    createMainWindow({ ...settings, devTools: true });
    expect(FakeBrowserWindow.created[0].options.webPreferences).toMatchObject({ devTools: true });
  });
});
