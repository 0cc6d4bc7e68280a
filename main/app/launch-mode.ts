/**
 * What `npm start` does: open the desktop app when the Electron runtime is installed and can show
 * a window, otherwise run the same product in browser mode (`npm run serve`) and say why.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import path from 'node:path';

export interface LaunchEnvironment {
  /** The repository (or unpacked app) root: package.json's folder. */
  appRoot: string;
  /** The installed Electron binary, or null when it was never downloaded (see electron-binary.ts). */
  electronBinary(): string | null;
  spawn(command: string, args: string[], options: SpawnOptions): ChildProcess;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Node's own binary, which runs the browser-mode server. */
  nodePath: string;
  print(message: string): void;
}

export type LaunchPlan =
  | { mode: 'desktop'; command: string; args: string[] }
  | { mode: 'browser'; reason: string; command: string; args: string[] };

const MISSING_RUNTIME = 'Electron runtime not installed (`npx install-electron` downloads it where the internet is reachable)';
const NO_DISPLAY = 'No graphical display (DISPLAY / WAYLAND_DISPLAY unset), so the desktop window cannot open';

/** Decides between the desktop app and browser mode without starting anything. */
export function planLaunch(environment: LaunchEnvironment): LaunchPlan {
  const browser = (reason: string): LaunchPlan => ({
    mode: 'browser',
    reason,
    command: environment.nodePath,
    args: [path.join(environment.appRoot, 'dist', 'main', 'server', 'cli.js')],
  });
  const electron = environment.electronBinary();
  if (!electron) return browser(MISSING_RUNTIME);
  if (environment.platform === 'linux' && !environment.env.DISPLAY && !environment.env.WAYLAND_DISPLAY) return browser(NO_DISPLAY);
  return { mode: 'desktop', command: electron, args: [environment.appRoot] };
}

/** Starts what planLaunch chose, with the terminal attached, and returns the child process. */
export function launch(environment: LaunchEnvironment): ChildProcess {
  const plan = planLaunch(environment);
  const env = { ...environment.env };
  if (plan.mode === 'browser') {
    environment.print(`${plan.reason} — starting RingScope in browser mode instead.`);
    environment.print('Open the URL printed below in your browser.');
  } else {
    // Set in a parent shell, this variable would make Electron run as plain Node without a window.
    delete env.ELECTRON_RUN_AS_NODE;
  }
  return environment.spawn(plan.command, plan.args, { stdio: 'inherit', env });
}
