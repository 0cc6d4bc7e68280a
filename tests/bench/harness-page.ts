/**
 * Browser bench suites (canvas, timeline) build a bare page from a harness folder with Vite, serve
 * it on 127.0.0.1 and drive it in Debian Chromium through a global the harness publishes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../e2e/support/chromium';

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const file = path.join(root, path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = readFileSync(file.endsWith(path.sep) ? path.join(file, 'index.html') : file);
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Builds and opens the harness in `harnessRoot`, waits for its global `name`, runs `use`, and cleans
 * up. The browser is the e2e one unless `launch` starts another (e.g. with the GPU allowed).
 */
export async function withHarnessPage<T>(harnessRoot: string, name: string, log: (line: string) => void, use: (page: Page) => Promise<T>, launch: () => Promise<Browser> = launchChromium): Promise<T> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-bench-harness-'));
  let server: Server | null = null;
  const browser = await launch();
  try {
    log(`building ${path.basename(harnessRoot)}`);
    await build({ root: harnessRoot, base: './', logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, modulePreload: { polyfill: false } } });
    server = await serve(outDir);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.waitForFunction((global) => global in globalThis, name);
    return await use(page);
  } finally {
    await browser.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
