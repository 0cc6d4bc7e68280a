/**
 * Child process of packaged-app.test.ts: starts the main process of a packaged RingScope (argv[2]:
 * the resources/ folder of a staged install) in plain Node against the fake 'electron' module, uses
 * it as its window would, and prints one JSON line: { failures: string[] } (empty when it works).
 * Plain JavaScript on purpose: the app under test must load exactly as the packaged files are, with
 * no TypeScript hooks active; only the fake electron module goes through tsx.
 */
import childProcess from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { require as requireTypeScript } from 'tsx/cjs/api';

const { fakeElectron, FakeBrowserWindow } = requireTypeScript('../fake-electron.ts', import.meta.url);
const require = createRequire(import.meta.url);
const [resourcesDir, dataDir] = process.argv.slice(2);
const appDir = path.join(resourcesDir, 'app.asar');
const failures = [];

// The packaged app's own 'electron' import, and only that, gets the fake.
const electronModule = new Module('electron');
electronModule.exports = fakeElectron;
electronModule.loaded = true;
require.cache.electron = electronModule;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  return request === 'electron' ? 'electron' : resolveFilename.call(this, request, ...rest);
};
fakeElectron.app.isPackaged = true;
fakeElectron.app.getPath = () => dataDir;

// The runAsNode fuse is off in the packaged binary: running its own executable as Node (fork, or
// spawning process.execPath) would start a second RingScope window instead.
for (const name of ['fork', 'spawn', 'execFile']) {
  const original = childProcess[name];
  childProcess[name] = function recordSelfLaunch(command, ...rest) {
    if (name === 'fork' || command === process.execPath) failures.push(`the app starts its own executable as Node (child_process.${name}), which the runAsNode fuse forbids`);
    return original.call(this, command, ...rest);
  };
}

async function waitFor(what, condition, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function check(name, run) {
  try {
    await run();
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
  require(path.join(appDir, manifest.main));
  await waitFor('the window or a start failure', () => FakeBrowserWindow.created.length > 0 || fakeElectron.app.exitCode !== null);
  if (fakeElectron.app.exitCode !== null) {
    const shown = fakeElectron.dialog.errorBoxes.map((box) => box.content).join('; ');
    throw new Error(`the app exited with code ${fakeElectron.app.exitCode} before opening its window: ${shown}`);
  }
  const [window] = FakeBrowserWindow.created;
  const serve = fakeElectron.protocol.handlers.get('app');
  const invoke = async (method, input) => {
    const envelope = await fakeElectron.ipcMain.handlers.get(`ringscope:${method}`)({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, input);
    if (!envelope.ok) throw new Error(`${method} answered ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };

  await check('the window', async () => {
    if (!window.loadedUrl?.startsWith('app://')) throw new Error(`loads ${window.loadedUrl} instead of an app:// page`);
    // Electron, not Node, loads the preload: only its presence in the package can be checked here.
    const { preload, devTools } = window.options.webPreferences;
    if (!fs.existsSync(preload)) throw new Error(`its preload ${path.relative(resourcesDir, preload)} is not in the package`);
    if (devTools) throw new Error('DevTools are enabled in the packaged app');
  });
  await check('the renderer over app://', async () => {
    if (!serve) throw new Error('no app:// protocol handler is registered');
    const page = await serve({ url: window.loadedUrl });
    if (page.status !== 200) throw new Error(`${window.loadedUrl} answered ${page.status}`);
    const html = await page.text();
    const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    if (!script) throw new Error('index.html names no script');
    const asset = await serve({ url: `app://ringscope/${script}` });
    const bytes = asset.status === 200 ? (await asset.arrayBuffer()).byteLength : 0;
    if (bytes === 0) throw new Error(`app://ringscope/${script} answered ${asset.status} with ${bytes} bytes`);
  });
  await check('system.health over IPC', async () => {
    const health = await invoke('system.health', {});
    if (health.status !== 'ok') throw new Error(`status ${health.status}`);
  });
  await check('ring detection on its worker thread', async () => {
    await invoke('rings.detect', {});
  });
  await check('an evidence package (PDF report drawn with pdfkit)', async () => {
    const [cluster] = (await invoke('rings.list', {})).clusters;
    if (!cluster) throw new Error('ring detection flagged no cluster to open a case on');
    const detail = await invoke('rings.get', { clusterId: cluster.clusterId });
    const { nodes } = await invoke('graph.subgraph', { nodeIds: detail.memberIds });
    const accounts = nodes.filter((node) => node.kind === 'account').map((node) => ({ nodeId: node.id, userId: node.key }));
    const created = await invoke('cases.create', { title: 'Packaged app check', cluster: { origin: 'ring', ringId: detail.clusterId, accounts } });
    const { savedPath } = await invoke('evidence.export', { caseId: created.id });
    if (!fs.statSync(savedPath).size) throw new Error(`${savedPath} is empty`);
  });

  if (!fakeElectron.app.emitPreventable('will-quit')) failures.push('quitting does not wait for the core to close');
  await waitFor('the app to exit after closing its core', () => fakeElectron.app.exitCode !== null, 20_000);
}

main()
  .catch((error) => failures.push(error instanceof Error ? error.message : String(error)))
  .finally(() => {
    process.stdout.write(`${JSON.stringify({ failures })}\n`);
    // Open handles of a half-started app must not keep the child alive.
    process.exit(0);
  });
