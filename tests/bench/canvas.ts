/**
 * Bench suite `canvas` (issue #9): the Explore canvas in headless Chromium. Builds a bare page with
 * the renderer's canvas modules (tests/bench/canvas-harness) and measures, in the same run:
 * - the force layout of a 1,000-node / 2,000-edge graph in the Web Worker, and the longest
 *   main-thread task while it runs (the UI must stay responsive: target < 100 ms);
 * - first paint of 10,000 nodes / 20,000 edges through RingScope's canvas vs plain Cytoscape with
 *   the same elements, positions and stylesheet (target ≤ 1.2×);
 * - undo of a 1,000-node expand (target < 100 ms).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../e2e/support/chromium';
import type { BenchFigures } from './results';

const HARNESS_ROOT = path.resolve(__dirname, 'canvas-harness');
const RUNS = 3;
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

type CanvasBench = {
  layout(nodes: number, edges: number): Promise<{ seconds: number; maxTaskMs: number; moved: number }>;
  ringscopeFirstPaint(nodes: number, edges: number): Promise<number>;
  plainFirstPaint(nodes: number, edges: number): Promise<number>;
  undoExpand(added: number): Promise<number>;
};

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runCanvasBench(log: (line: string) => void): Promise<BenchFigures> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-canvas-bench-'));
  let server: Server | null = null;
  const browser = await launchChromium();
  try {
    log('building the canvas harness');
    await build({ root: HARNESS_ROOT, base: './', logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, modulePreload: { polyfill: false } } });
    server = await serve(outDir);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.waitForFunction(() => 'canvasBench' in globalThis);
    const bench = <K extends keyof CanvasBench>(name: K, ...args: Parameters<CanvasBench[K]>) =>
      page.evaluate(({ name, args }) => ((globalThis as unknown as { canvasBench: Record<string, (...a: unknown[]) => unknown> }).canvasBench[name](...args)), { name, args }) as Promise<Awaited<ReturnType<CanvasBench[K]>>>;

    const layouts = [];
    for (let run = 0; run < RUNS; run++) layouts.push(await bench('layout', 1_000, 2_000));
    log(`1k/2k worker layout: ${layouts.map((run) => run.seconds.toFixed(3)).join(', ')} s; longest main-thread task ${layouts.map((run) => run.maxTaskMs.toFixed(0)).join(', ')} ms`);

    const ringscope: number[] = [];
    const plain: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternated, so neither side always runs on a warmer page.
      plain.push(await bench('plainFirstPaint', 10_000, 20_000));
      ringscope.push(await bench('ringscopeFirstPaint', 10_000, 20_000));
    }
    log(`10k/20k first paint: RingScope ${ringscope.map((value) => value.toFixed(2)).join(', ')} s; plain Cytoscape ${plain.map((value) => value.toFixed(2)).join(', ')} s`);

    const undos: number[] = [];
    for (let run = 0; run < RUNS; run++) undos.push(await bench('undoExpand', 1_000));
    log(`undo of a 1,000-node expand: ${undos.map((value) => value.toFixed(1)).join(', ')} ms`);

    return {
      layout1kSeconds: round(median(layouts.map((run) => run.seconds))),
      maxMainThreadTaskMsDuringLayout: round(Math.max(...layouts.map((run) => run.maxTaskMs)), 1),
      firstPaint10kSeconds: round(median(ringscope)),
      plainCytoscapeFirstPaint10kSeconds: round(median(plain)),
      firstPaint10kRatio: round(median(ringscope) / median(plain), 2),
      undo1kExpandMs: round(median(undos), 1),
      runs: RUNS,
    };
  } finally {
    await browser.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
