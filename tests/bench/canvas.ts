/**
 * Bench suite `canvas` (issue #9): the Explore canvas in headless Chromium. Builds a bare page with
 * the renderer's canvas modules (tests/bench/canvas-harness) and measures, in the same run:
 * - the force layout of a 1,000-node / 2,000-edge graph in the Web Worker, and the longest
 *   main-thread task while it runs (the UI must stay responsive: target < 100 ms);
 * - first paint of 10,000 nodes / 20,000 edges through RingScope's canvas vs plain Cytoscape with
 *   the same elements, positions and stylesheet (target ≤ 1.2×);
 * - undo of a 1,000-node expand (target < 100 ms).
 */
import path from 'node:path';
import { withHarnessPage } from './harness-page';
import type { BenchFigures } from './results';

const HARNESS_ROOT = path.resolve(__dirname, 'canvas-harness');
const RUNS = 3;

type CanvasBench = {
  layout(nodes: number, edges: number): Promise<{ seconds: number; maxTaskMs: number; moved: number }>;
  ringscopeFirstPaint(nodes: number, edges: number): Promise<number>;
  plainFirstPaint(nodes: number, edges: number): Promise<number>;
  undoExpand(added: number): Promise<number>;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runCanvasBench(log: (line: string) => void): Promise<BenchFigures> {
  return withHarnessPage(HARNESS_ROOT, 'canvasBench', log, async (page) => {
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
  });
}
