/**
 * Bench suite `canvas` (issue #9): the Explore canvas in headless Chromium. Builds a bare page with
 * the renderer's canvas modules (tests/bench/canvas-harness) and measures, in the same run:
 * - the force layout of a 1,000-node / 2,000-edge graph in the Web Worker and the longest
 *   main-thread task while it runs (the UI must stay responsive: target < 100 ms), then drawing
 *   its result (to the next frame) and the longest task doing so;
 * - first paint and time to interactive (the frame answering the first wheel zoom) of 10,000 nodes
 *   / 20,000 edges through RingScope's canvas vs plain Cytoscape with the same elements, positions
 *   and stylesheet (target ≤ 1.2×), and RingScope's first paint with Cytoscape's WebGL renderer (in
 *   a browser with the GPU allowed; headless it is SwiftShader, software, so the figure is a floor
 *   for how WebGL does without a graphics card);
 * - undo of a 1,000-node expand (target < 100 ms).
 */
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/support/chromium';
import { withHarnessPage } from './harness-page';
import type { BenchFigures } from './results';

const HARNESS_ROOT = path.resolve(__dirname, 'canvas-harness');
const RUNS = 3;

type PaintTimes = { firstPaintSeconds: number; interactiveSeconds: number };
type CanvasBench = {
  layout(nodes: number, edges: number): Promise<{ seconds: number; applyMs: number; maxTaskMs: number; maxApplyTaskMs: number; moved: number }>;
  ringscopeFirstPaint(nodes: number, edges: number, webgl?: boolean): Promise<PaintTimes>;
  plainFirstPaint(nodes: number, edges: number): Promise<PaintTimes>;
  webglRenderer(): string | null;
  undoExpand(added: number): Promise<number>;
};

/** A caller for the harness page's `canvasBench` functions. */
function benchOn(page: Page) {
  return <K extends keyof CanvasBench>(name: K, ...args: Parameters<CanvasBench[K]>) =>
    page.evaluate(({ name, args }) => (globalThis as unknown as { canvasBench: Record<string, (...a: unknown[]) => unknown> }).canvasBench[name](...args), { name, args }) as Promise<Awaited<ReturnType<CanvasBench[K]>>>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runCanvasBench(log: (line: string) => void): Promise<BenchFigures> {
  const seconds = (times: PaintTimes[], key: keyof PaintTimes) => times.map((time) => time[key].toFixed(2)).join(', ');
  const measured = await withHarnessPage(HARNESS_ROOT, 'canvasBench', log, async (page) => {
    const bench = benchOn(page);

    const layouts = [];
    for (let run = 0; run < RUNS; run++) layouts.push(await bench('layout', 1_000, 2_000));
    log(`1k/2k worker layout: ${layouts.map((run) => run.seconds.toFixed(3)).join(', ')} s; longest main-thread task meanwhile ${layouts.map((run) => run.maxTaskMs.toFixed(0)).join(', ')} ms; drawing the result ${layouts.map((run) => run.applyMs.toFixed(0)).join(', ')} ms, longest task ${layouts.map((run) => run.maxApplyTaskMs.toFixed(0)).join(', ')} ms`);

    const ringscope: PaintTimes[] = [];
    const plain: PaintTimes[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternated, so neither side always runs on a warmer page.
      plain.push(await bench('plainFirstPaint', 10_000, 20_000));
      ringscope.push(await bench('ringscopeFirstPaint', 10_000, 20_000, false));
    }
    log(`10k/20k first paint: RingScope ${seconds(ringscope, 'firstPaintSeconds')} s; plain Cytoscape ${seconds(plain, 'firstPaintSeconds')} s`);
    log(`10k/20k time to interactive: RingScope ${seconds(ringscope, 'interactiveSeconds')} s; plain Cytoscape ${seconds(plain, 'interactiveSeconds')} s`);

    const undos: number[] = [];
    for (let run = 0; run < RUNS; run++) undos.push(await bench('undoExpand', 1_000));
    log(`undo of a 1,000-node expand: ${undos.map((value) => value.toFixed(1)).join(', ')} ms`);

    return { layouts, ringscope, plain, undos };
  });

  // WebGL needs a browser with the GPU allowed (the e2e one runs with --disable-gpu), and a page of
  // its own: Cytoscape's WebGL renderer changes the canvas renderer's shared prototype.
  const launchWithWebgl = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--no-first-run'] });
  const { webglRenderer, webgl } = await withHarnessPage(HARNESS_ROOT, 'canvasBench', log, async (page) => {
    const bench = benchOn(page);
    const renderer = await bench('webglRenderer');
    const times: PaintTimes[] = [];
    if (renderer) for (let run = 0; run < RUNS; run++) times.push(await bench('ringscopeFirstPaint', 10_000, 20_000, true));
    return { webglRenderer: renderer, webgl: times };
  }, launchWithWebgl);
  log(`10k/20k first paint with WebGL (${webglRenderer ?? 'no WebGL'}): ${seconds(webgl, 'firstPaintSeconds')} s; interactive ${seconds(webgl, 'interactiveSeconds')} s`);

  const { layouts, ringscope, plain, undos } = measured;
  const firstPaint = (times: PaintTimes[]) => median(times.map((time) => time.firstPaintSeconds));
  const interactive = (times: PaintTimes[]) => median(times.map((time) => time.interactiveSeconds));
  return {
    layout1kSeconds: round(median(layouts.map((run) => run.seconds))),
    applyLayout1kMs: round(median(layouts.map((run) => run.applyMs)), 1),
    maxMainThreadTaskMsDuringLayout: round(Math.max(...layouts.map((run) => run.maxTaskMs)), 1),
    maxMainThreadTaskMsApplyingLayout: round(median(layouts.map((run) => run.maxApplyTaskMs)), 1),
    firstPaint10kSeconds: round(firstPaint(ringscope)),
    plainCytoscapeFirstPaint10kSeconds: round(firstPaint(plain)),
    firstPaint10kRatio: round(firstPaint(ringscope) / firstPaint(plain), 2),
    interactive10kSeconds: round(interactive(ringscope)),
    plainCytoscapeInteractive10kSeconds: round(interactive(plain)),
    interactive10kRatio: round(interactive(ringscope) / interactive(plain), 2),
    webglFirstPaint10kSeconds: webglRenderer ? round(firstPaint(webgl)) : null,
    webglInteractive10kSeconds: webglRenderer ? round(interactive(webgl)) : null,
    webglRenderer,
    undo1kExpandMs: round(median(undos), 1),
    runs: RUNS,
  };
}
