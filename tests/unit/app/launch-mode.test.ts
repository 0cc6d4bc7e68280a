import { EventEmitter } from 'node:events';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../../main/app/electron-binary';
import { launch, type LaunchEnvironment } from '../../../main/app/launch-mode';

const APP_ROOT = '/opt/ringscope';
const ELECTRON = '/opt/ringscope/node_modules/electron/dist/electron';

/** A launch environment whose Electron binary, files and display are set per test; records what it spawned and printed. */
function environment(overrides: { electron?: 'installed' | 'never-downloaded'; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}) {
  const spawned: { command: string; args: string[]; options: SpawnOptions }[] = [];
  const printed: string[] = [];
  const electron = overrides.electron ?? 'installed';
  const launchEnvironment: LaunchEnvironment = {
    appRoot: APP_ROOT,
    electronBinary: () => (electron === 'installed' ? ELECTRON : null),
    spawn: (command, args, options) => {
      spawned.push({ command, args, options });
      return new EventEmitter() as ChildProcess;
    },
    env: { DISPLAY: ':0', PATH: '/usr/bin', ...overrides.env },
    platform: overrides.platform ?? 'linux',
    nodePath: '/usr/bin/node',
    print: (message) => printed.push(message),
  };
  return { launchEnvironment, spawned, printed };
}

describe('npm start', () => {
  it('opens the desktop app with Electron on the app folder when the runtime is installed', () => {
    const { launchEnvironment, spawned, printed } = environment({ env: { ELECTRON_RUN_AS_NODE: '1' } });
    launch(launchEnvironment);
    expect(spawned).toHaveLength(1);
    expect(spawned[0].command).toBe(ELECTRON);
    expect(spawned[0].args).toEqual([APP_ROOT]);
    expect(spawned[0].options.stdio).toBe('inherit');
    expect(spawned[0].options.env).toMatchObject({ DISPLAY: ':0', PATH: '/usr/bin' });
    expect(spawned[0].options.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    expect(printed).toEqual([]);
  });

  it('starts browser mode and says why when the Electron runtime was never downloaded', () => {
    const { launchEnvironment, spawned, printed } = environment({ electron: 'never-downloaded' });
    launch(launchEnvironment);
    expect(spawned).toEqual([
      { command: '/usr/bin/node', args: [path.join(APP_ROOT, 'dist', 'main', 'server', 'cli.js')], options: { stdio: 'inherit', env: launchEnvironment.env } },
    ]);
    expect(printed.join('\n')).toContain('Electron runtime not installed');
    expect(printed.join('\n')).toContain('starting RingScope in browser mode instead');
    expect(printed.join('\n')).toContain('Open the URL printed below');
  });


  it('starts browser mode on a Linux machine with no graphical display', () => {
    const { launchEnvironment, spawned, printed } = environment({ env: { DISPLAY: '' } });
    launch(launchEnvironment);
    expect(spawned[0].command).toBe('/usr/bin/node');
    expect(printed[0]).toMatch(/No graphical display/);
  });

  it('opens the desktop app under Wayland or on macOS, which need no DISPLAY', () => {
    const wayland = environment({ env: { DISPLAY: '', WAYLAND_DISPLAY: 'wayland-0' } });
    launch(wayland.launchEnvironment);
    expect(wayland.spawned[0].command).toBe(ELECTRON);
    const mac = environment({ env: { DISPLAY: '' }, platform: 'darwin' });
    launch(mac.launchEnvironment);
    expect(mac.spawned[0].command).toBe(ELECTRON);
  });
});

describe('finding the installed Electron runtime', () => {
  /** An app folder with an electron package whose path.txt names `relative`; the binary exists if asked. */
  function appWithElectron(withBinary: boolean): { appRoot: string; binary: string } {
    const appRoot = mkdtempSync(path.join(os.tmpdir(), 'ringscope-electron-'));
    const packageDir = path.join(appRoot, 'node_modules', 'electron');
    mkdirSync(path.join(packageDir, 'dist'), { recursive: true });
    writeFileSync(path.join(appRoot, 'package.json'), '{"name":"app"}');
    writeFileSync(path.join(packageDir, 'package.json'), '{"name":"electron","main":"index.js"}');
    // Requiring the package would try to download the binary: the lookup must never load it.
    writeFileSync(path.join(packageDir, 'index.js'), 'throw new Error("tried to download Electron")');
    writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    const binary = path.join(packageDir, 'dist', 'electron');
    if (withBinary) writeFileSync(binary, '');
    return { appRoot, binary };
  }

  it('finds the binary the electron package names, without requiring the package', () => {
    const { appRoot, binary } = appWithElectron(true);
    expect(installedElectronBinary(appRoot, {})).toBe(binary);
  });

  it('answers null when the binary was never downloaded or electron is not installed at all', () => {
    expect(installedElectronBinary(appWithElectron(false).appRoot, {})).toBeNull();
    expect(installedElectronBinary(mkdtempSync(path.join(os.tmpdir(), 'ringscope-noelectron-')), {})).toBeNull();
  });
});
