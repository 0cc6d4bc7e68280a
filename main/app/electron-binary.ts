import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The installed Electron runtime for the app at `appRoot`, or null when it was never downloaded.
 * Reads the electron package's path.txt instead of require('electron'): since Electron 41 that
 * require tries to download a missing binary, and RingScope must start without network access.
 */
export function installedElectronBinary(appRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    const packageDir = path.dirname(createRequire(path.join(appRoot, 'package.json')).resolve('electron/package.json'));
    const relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist'), relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
