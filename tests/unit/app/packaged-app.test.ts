/**
 * The installer's file set starts the app: what electron-builder.yml packages (after `npm run
 * build`, which `npm test` runs first) is copied outside the repository and its main process is
 * started from there, in a child Node process against the fake electron module.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nativeBinaries, readPackagingConfig, stagePackagedApp, type PackagingConfig } from './packaging/stage-packaged-app';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const childScript = path.join(__dirname, 'packaging', 'start-packaged-app.mjs');
const config = readPackagingConfig(repoRoot);
const folders: string[] = [];

/** Stages the packaged app in a fresh temporary folder, starts it, and returns what did not work. */
async function startPackagedApp(stagingConfig: PackagingConfig, leaveOut?: (file: string) => boolean): Promise<{ failures: string[]; files: string[] }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ringscope-packaged-'));
  folders.push(folder);
  const { resourcesDir, files } = stagePackagedApp(repoRoot, path.join(folder, 'RingScope'), stagingConfig, leaveOut);
  const { NODE_OPTIONS: _nodeOptions, NODE_PATH: _nodePath, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, [childScript, resourcesDir, path.join(folder, 'data')], {
    cwd: folder,
    env: { ...env, RINGSCOPE_DEMO_ACCOUNTS: '1500', RINGSCOPE_DATA_DIR: path.join(folder, 'elsewhere') },
    timeout: 90_000,
  });
  return { failures: (JSON.parse(stdout.trim().split('\n').at(-1)!) as { failures: string[] }).failures, files };
}

describe('the packaged app', () => {
  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist', 'main', 'app', 'main.js'))) throw new Error('No build to package: run `npm run build` first (npm test does).');
  });
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('starts from exactly the files electron-builder packages: window, renderer over app://, the Api over IPC, ring detection, evidence export', async () => {
    const { failures, files } = await startPackagedApp(config);
    expect(failures).toEqual([]);
    // Sources, tests and source maps stay out of the installer.
    expect(files.filter((file) => /^(main|renderer|tests|graph-queries)\//.test(file) || /^dist\/.*\.map$/.test(file))).toEqual([]);
    // electron-builder would move a native module out of the asar on its own; this staging does not model that.
    expect(nativeBinaries(files)).toEqual([]);
  }, 120_000);

  it('fails, naming what broke, when the installer lacks the built renderer', async () => {
    const { failures } = await startPackagedApp(config, (file) => file.startsWith('dist/renderer/'));
    expect(failures).toEqual([expect.stringMatching(/^the renderer over app:\/\/: app:\/\/ringscope\/index\.html answered 404$/)]);
  }, 120_000);

  it('fails, naming the file, when the installer lacks the window’s preload', async () => {
    const { failures } = await startPackagedApp(config, (file) => file === 'dist/main/app/preload.js');
    expect(failures).toEqual(['the window: its preload app.asar/dist/main/app/preload.js is not in the package']);
  }, 120_000);

  it('fails ring detection when its worker stays inside the asar, where worker threads cannot load it', async () => {
    const { failures } = await startPackagedApp({ ...config, asarUnpack: [] });
    expect(failures).toEqual([
      expect.stringMatching(/^ring detection on its worker thread: .*pipeline-worker\.js/),
      expect.stringMatching(/^an evidence package .*: ring detection flagged no cluster/),
    ]);
  }, 120_000);

  it('keeps the fuses it relies on: app code only from an asar, no run-as-Node, no NODE_OPTIONS or inspector', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
