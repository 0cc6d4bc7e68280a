import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './fake-electron';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ApiDispatcher } from '../../../main/core/dispatcher';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const core = vi.hoisted(() => ({ created: 0, closed: 0, dispatcher: null as unknown, options: null as unknown, failure: null as Error | null }));

vi.mock('../../../main/core/bootstrap', () => ({
  createRingScopeCore: async (options: unknown) => {
    if (core.failure) throw core.failure;
    core.created++;
    core.options = options;
    return { dispatcher: core.dispatcher, source: {}, close: async () => void core.closed++ };
  },
}));

const handlers = {
  system: { health: async () => ({ status: 'ok', version: 'test', source: { kind: 'embedded', name: 'Demo', accountCount: 1 } }) },
  graph: {
    expand: async (_input: unknown, { progress }: { progress: (done: number, total: number | null) => void }) => {
      progress(1, 2);
      return { centerId: 'account:U1', nodes: [], edges: [], totalNeighbours: 0, nextOffset: null };
    },
  },
} as unknown as ApiHandlers;
const originalPlatform = process.platform;

async function startApp(): Promise<void> {
  vi.resetModules();
  await import('../../../main/app/main');
  await vi.waitFor(() => expect(fakeElectron.Menu.applicationMenu).not.toBeNull());
}

function setPlatform(platform: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

describe('the desktop app lifecycle', () => {
  beforeEach(() => {
    resetFakeElectron();
    Object.assign(core, { created: 0, closed: 0, dispatcher: new ApiDispatcher(handlers), options: null, failure: null });
  });
  afterEach(() => setPlatform(originalPlatform));

  it('on start builds the core with the keychain password store, answers the Api over IPC, installs the menu and opens one sandboxed window', async () => {
    await startApp();
    expect(core.created).toBe(1);
    expect(core.options).toMatchObject({ version: '0.1.0-test', investigation: { dataDir: '/home/ana/.config/RingScope' } });
    // main.ts was imported after vi.resetModules, so compare against the class from that module graph.
    const { SafeStorageSecretStore } = await import('../../../main/app/credentials');
    expect((core.options as { secrets: unknown }).secrets).toBeInstanceOf(SafeStorageSecretStore);
    expect(fakeElectron.app.sandboxEnforced).toBe(true);
    expect(fakeElectron.protocol.privilegedSchemes).toHaveLength(1);
    expect(fakeElectron.protocol.handlers.has('app')).toBe(true);
    expect(fakeElectron.ipcMain.handlers.has('ringscope:system.health')).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const [window] = FakeBrowserWindow.created;
    expect(window.loadedUrl).toBe('app://ringscope/index.html');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, devTools: true, preload: expect.stringMatching(/preload\.js$/) });
  });

  it('quits at once when RingScope is already running, leaving the first instance alone', async () => {
    fakeElectron.app.gotInstanceLock = false;
    vi.resetModules();
    await import('../../../main/app/main');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(core.created).toBe(0);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('brings the existing window forward when the user starts RingScope again', async () => {
    await startApp();
    const [window] = FakeBrowserWindow.created;
    window.minimized = true;
    fakeElectron.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS where it reopens the window on activate', async () => {
    setPlatform('linux');
    await startApp();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(1);

    setPlatform('darwin');
    FakeBrowserWindow.created[0].close();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(1);
    fakeElectron.app.emit('activate');
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('stops sending progress to a closed window and refuses its stale calls', async () => {
    await startApp();
    const [window] = FakeBrowserWindow.created;
    window.close();
    const contents = window.webContents;
    const envelope = await fakeElectron.ipcMain.handlers.get('ringscope:system.health')!({ sender: contents, senderFrame: contents.mainFrame } as never);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await (core.dispatcher as ApiDispatcher).call('graph', 'expand', { nodeId: 'account:U1', taskId: 'after-close' }, { user: 'ana' });
    expect(contents.sent).toEqual([]);
  });

  it('shows why in a dialog and exits when the core cannot start', async () => {
    core.failure = new Error('Invalid investigation settings — RINGSCOPE_SCORING_URL: must be an http(s) URL');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.resetModules();
    await import('../../../main/app/main');
    await vi.waitFor(() => expect(fakeElectron.app.exitCode).toBe(1));
    expect(fakeElectron.dialog.errorBoxes).toEqual([{ title: 'RingScope could not start', content: core.failure.message }]);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    consoleError.mockRestore();
  });

  it('closes the core before the process exits', async () => {
    await startApp();
    expect(fakeElectron.app.emitPreventable('will-quit')).toBe(true);
    await vi.waitFor(() => expect(fakeElectron.app.exitCode).toBe(0));
    expect(core.closed).toBe(1);
  });
});
