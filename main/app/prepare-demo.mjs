#!/usr/bin/env node
// First half of `npm run demo`: installs the dependencies and builds, each only when its inputs
// changed since the last time, so a second start takes seconds instead of a full `npm ci` + build.
// Plain Node with no dependencies: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALL_STAMP = path.join(appRoot, 'node_modules', '.ringscope-install-stamp');
const BUILD_STAMP = path.join(appRoot, 'dist', '.ringscope-build-stamp');
// Everything the build reads besides node_modules (whose state the install stamp covers).
const BUILD_INPUTS = ['main', 'renderer', 'graph-queries', 'resources', 'package-lock.json', 'package.json', 'esbuild.config.mjs', 'vite.config.mts', 'tsconfig.base.json'];

function filesUnder(relative) {
  const absolute = path.join(appRoot, relative);
  if (!fs.existsSync(absolute)) return [];
  if (fs.statSync(absolute).isFile()) return [relative];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(appRoot, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A content hash (not mtimes: a fresh clone or a branch switch touches every file). */
function fingerprint(relativePaths, extra) {
  const hash = createHash('sha256').update(extra);
  for (const relative of relativePaths) hash.update(relative).update('\0').update(fs.readFileSync(path.join(appRoot, relative)));
  return hash.digest('hex');
}

const readStamp = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: appRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const installInputs = fingerprint(['package-lock.json'], `${process.version} ${process.platform} ${process.arch}`);
if (readStamp(INSTALL_STAMP) === installInputs) {
  console.log('Dependencies are up to date (package-lock.json unchanged): skipping npm ci.');
} else {
  run(npm, ['ci', '--no-audit', '--no-fund']);
  fs.writeFileSync(INSTALL_STAMP, installInputs);
}

const buildInputs = fingerprint(BUILD_INPUTS.flatMap(filesUnder), installInputs);
if (readStamp(BUILD_STAMP) === buildInputs && fs.existsSync(path.join(appRoot, 'dist', 'main', 'app', 'launcher.js'))) {
  console.log('The build is up to date (sources unchanged): skipping npm run build.');
} else {
  run(npm, ['run', 'build']);
  fs.writeFileSync(BUILD_STAMP, buildInputs);
}
