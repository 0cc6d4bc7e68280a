/**
 * The text of `graph-queries/<name>.cypher`. From source (tsx, vitest) it is read from beside this
 * module; the esbuild bundle replaces this module with one holding every text inlined
 * (esbuild.config.mjs), so the desktop app and `npm run serve` need no .cypher file on disk.
 */
import fs from 'node:fs';
import path from 'node:path';

export function readQueryFile(name: string): string {
  return fs.readFileSync(path.join(__dirname, `${name}.cypher`), 'utf8');
}
