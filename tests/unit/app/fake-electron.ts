/**
 * A stand-in for the 'electron' module (whose runtime binary is not installed here): each API the
 * shell uses records what it was given, so tests can assert on window options, handlers and menus.
 * Use with `vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron)`.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Listener = (...args: never[]) => unknown;

export class FakeWebFrame {
  constructor(public url: string) {}
}

export class FakeSession {
  headersListener: Listener | null = null;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: Listener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeWebFrame('');
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: Listener | null = null;
  destroyed = false;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.mainFrame.url;
  }
  /** Emits a webContents event the way Electron does, returning whether a handler prevented it. */
  emitPreventable(eventName: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false;
    this.emit(eventName, { ...details, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents(fakeElectron.session.defaultSession);
  loadedUrl: string | null = null;
  shown = false;
  minimized = false;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused = true;
  }
  /** Test helper: the user closes the window. */
  close() {
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show() {
    this.shown = true;
  }
}

/**
 * safeStorage with a toy cipher (XOR, prefixed like Chromium's "v10"); behaviour set per test. Only
 * the asynchronous API exists here, so any use of the deprecated synchronous one fails the tests.
 */
export class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  /** Makes the next decrypt report a rotated key. */
  keyRotated = false;
  readonly calls: string[] = [];

  static cipher(text: string): Buffer {
    return Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').map((byte) => byte ^ 0xa5)]);
  }
  private static decipher(encrypted: Buffer): string {
    if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    return Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0xa5)).toString('utf8');
  }
  async isAsyncEncryptionAvailable() {
    this.calls.push('isAsyncEncryptionAvailable');
    return this.available;
  }
  async encryptStringAsync(plainText: string) {
    this.calls.push('encryptStringAsync');
    if (!this.available) throw new Error('Encryption is not available.');
    return FakeSafeStorage.cipher(plainText);
  }
  async decryptStringAsync(encrypted: Buffer) {
    this.calls.push('decryptStringAsync');
    const result = { result: FakeSafeStorage.decipher(encrypted), shouldReEncrypt: this.keyRotated };
    this.keyRotated = false;
    return result;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
}

function createFakeElectron() {
  const ipcRendererEmitter = new EventEmitter();
  return {
    app: Object.assign(new EventEmitter(), {
      isPackaged: false,
      aboutPanelOptions: null as Record<string, unknown> | null,
      /** Whether this process wins the single-instance lock. */
      gotInstanceLock: true,
      sandboxEnforced: false,
      quitCalls: 0,
      exitCode: null as number | null,
      ready: Promise.resolve(),
      getVersion: () => '0.1.0-test',
      getPath: (name: string) => `/home/ana/.config/RingScope${name === 'userData' ? '' : `/${name}`}`,
      setAboutPanelOptions(options: Record<string, unknown>) {
        this.aboutPanelOptions = options;
      },
      requestSingleInstanceLock() {
        return this.gotInstanceLock;
      },
      enableSandbox() {
        this.sandboxEnforced = true;
      },
      whenReady() {
        return this.ready;
      },
      quit() {
        this.quitCalls++;
      },
      exit(code: number) {
        this.exitCode = code;
      },
      /** Test helper: emits an app event with a preventable Electron-style event object. */
      emitPreventable(eventName: string, ...args: unknown[]): boolean {
        let prevented = false;
        (this as unknown as EventEmitter).emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
        return prevented;
      },
    }),
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: new FakeSession() },
    ipcMain: {
      handlers: new Map<string, Listener>(),
      handle(channel: string, handler: Listener) {
        // Electron throws on a second handler for one channel; so does the fake.
        if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        this.handlers.set(channel, handler);
      },
    },
    ipcRenderer: {
      invocations: [] as { channel: string; args: unknown[] }[],
      async invoke(channel: string, ...args: unknown[]) {
        this.invocations.push({ channel, args });
        return { ok: true, value: { answeredOn: channel } };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => ipcRendererEmitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => ipcRendererEmitter.removeListener(channel, listener),
      /** Test helper: a message from the main process arriving on a channel. */
      deliver: (channel: string, payload: unknown) => ipcRendererEmitter.emit(channel, { sender: null }, payload),
      listenerCount: (channel: string) => ipcRendererEmitter.listenerCount(channel),
    },
    contextBridge: {
      exposed: new Map<string, unknown>(),
      exposeInMainWorld(key: string, api: unknown) {
        this.exposed.set(key, api);
      },
    },
    Menu: {
      applicationMenu: null as { template: unknown[] } | null,
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu(menu: { template: unknown[] }) {
        this.applicationMenu = menu;
      },
    },
    protocol: {
      privilegedSchemes: [] as unknown[],
      handlers: new Map<string, (request: Request) => Promise<Response>>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response>) {
        this.handlers.set(scheme, handler);
      },
    },
    net: {
      /** Like Electron's net.fetch for file:// URLs: the file's bytes, or a rejection when missing. */
      async fetch(url: string) {
        const body = await readFile(fileURLToPath(url));
        return new Response(body, { status: 200, headers: { 'Content-Type': url.endsWith('.html') ? 'text/html' : 'application/octet-stream' } });
      },
    },
    safeStorage: new FakeSafeStorage(),
    dialog: {
      errorBoxes: [] as { title: string; content: string }[],
      showErrorBox(title: string, content: string) {
        this.errorBoxes.push({ title, content });
      },
      /** What each save or open dialog was shown with, and the path the "user" picks next (null: cancels). */
      shown: [] as { kind: 'save' | 'open'; window: unknown; options: Record<string, unknown> }[],
      nextPath: null as string | null,
      async showSaveDialog(window: unknown, options: Record<string, unknown>) {
        this.shown.push({ kind: 'save', window, options });
        return this.nextPath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: this.nextPath };
      },
      async showOpenDialog(window: unknown, options: Record<string, unknown>) {
        this.shown.push({ kind: 'open', window, options });
        return this.nextPath === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [this.nextPath] };
      },
    },
  };
}

type FakeElectron = ReturnType<typeof createFakeElectron>;

// Kept on globalThis so that a test which re-imports the app (vi.resetModules) and so gets a new
// instance of this module still records into the object the test is looking at.
const shared = globalThis as { ringscopeFakeElectron?: FakeElectron };
export const fakeElectron: FakeElectron = (shared.ringscopeFakeElectron ??= createFakeElectron());

/** Fresh records for the next test; the mocked module keeps pointing at the same object. */
export function resetFakeElectron(): void {
  Object.assign(fakeElectron, createFakeElectron());
  fakeElectron.BrowserWindow.created.length = 0;
}
