/** Entry of `npm start` (dist/main/app/launcher.js): see launch-mode.ts. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { installedElectronBinary } from './electron-binary';
import { launch } from './launch-mode';

const appRoot = path.resolve(__dirname, '..', '..', '..');

const child = launch({
  appRoot,
  electronBinary: () => installedElectronBinary(appRoot),
  spawn,
  env: process.env,
  platform: process.platform,
  nodePath: process.execPath,
  print: (message) => console.log(message),
});

// Ctrl+C already reaches the child from the terminal (a second SIGINT would cut its clean shutdown
// short), so the launcher only outlives it; a SIGTERM aimed at the launcher alone is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('error', (error) => {
  console.error(`RingScope could not start: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
