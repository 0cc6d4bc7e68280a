/**
 * Lays out, in a folder of its own, the files electron-builder would put into RingScope's installer,
 * as they sit in an installed app's resources/: app.asar (here a plain folder) with the files its
 * `files` patterns select plus the production node_modules, and app.asar.unpacked with what its
 * `asarUnpack` patterns take out of the archive (only there, so code that looks for them inside
 * the asar fails as it would in the real app).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { Minimatch } from 'minimatch';
import { z } from 'zod';

const PackagingConfig = z.looseObject({
  files: z.array(z.string()).min(1),
  asar: z.boolean(),
  asarUnpack: z.array(z.string()).default([]),
  electronFuses: z.record(z.string(), z.boolean()),
});
export type PackagingConfig = z.infer<typeof PackagingConfig>;

export function readPackagingConfig(repoRoot: string): PackagingConfig {
  return PackagingConfig.parse(load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')));
}

/**
 * Whether electron-builder's patterns select a path: its rule (app-builder-lib's minimatchAll,
 * minimatch with dot files) — in order, a pattern includes or, negated, excludes again.
 */
export function matchesPatterns(relativePath: string, patterns: readonly string[]): boolean {
  let selected = false;
  for (const pattern of patterns.map((text) => new Minimatch(text, { dot: true }))) {
    if (selected !== pattern.negate) continue;
    selected = pattern.match(relativePath);
  }
  return selected;
}

/** The repository's files (outside node_modules, which electron-builder adds by itself) that the patterns select. */
export function selectAppFiles(repoRoot: string, patterns: readonly string[]): string[] {
  const selected: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, relativeDir), { withFileTypes: true })) {
      const relative = path.posix.join(relativeDir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', '.git', 'release'].includes(relative)) walk(relative);
      } else if (matchesPatterns(relative, patterns)) selected.push(relative);
    }
  };
  walk('');
  return selected.sort();
}

/** Folders (relative to the repo) of the production dependency closure, which electron-builder always packages. */
export function productionModuleDirs(repoRoot: string): string[] {
  const listing = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repoRoot, encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => path.relative(repoRoot, line.trim()))
    .filter((relative) => relative.startsWith('node_modules'));
}

/** Files electron-builder would unpack on its own because they are native code (its unpackDetector's rule). */
export function nativeBinaries(files: readonly string[]): string[] {
  return files.filter((file) => /\.(dll|exe|dylib|so|node)$/.test(file));
}

export interface StagedApp {
  /** The staged resources/ folder: app.asar/ and app.asar.unpacked/. */
  resourcesDir: string;
  /** Every staged file, relative to app.asar (unpacked ones included). */
  files: string[];
}

/** Copies the packaged file set into target/resources; `leaveOut` drops app files, as a broken configuration would. */
export function stagePackagedApp(repoRoot: string, target: string, config: PackagingConfig, leaveOut: (file: string) => boolean = () => false): StagedApp {
  const resourcesDir = path.join(target, 'resources');
  const asarDir = path.join(resourcesDir, 'app.asar');
  const unpackedDir = path.join(resourcesDir, 'app.asar.unpacked');
  const appFiles = selectAppFiles(repoRoot, config.files).filter((file) => !leaveOut(file));
  for (const file of appFiles) {
    const into = matchesPatterns(file, config.asarUnpack) ? unpackedDir : asarDir;
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(into, file));
  }
  const moduleFiles: string[] = [];
  for (const dir of productionModuleDirs(repoRoot)) {
    cpSync(path.join(repoRoot, dir), path.join(asarDir, dir), { recursive: true });
    moduleFiles.push(...readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.posix.join(dir, file)));
  }
  return { resourcesDir, files: [...appFiles, ...moduleFiles] };
}
