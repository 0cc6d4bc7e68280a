/**
 * Bench suite `timeline` (issue #10): the timeline's brush on a canvas with 20,000 money links in
 * headless Chromium (tests/bench/timeline-harness). On a dense canvas the money links are drawn on a
 * layer of their own (renderer/graph/money-link-layer.ts); setting the first window draws its
 * backdrop of faded links, measured on its own; each brush move then filters the links by the window (binary search over each drawn
 * edge's sorted times), redraws the layer's links inside the window and waits for the painted frame.
 * Figure: the 95th percentile over a bounded number of moves (target < 100 ms), against the same
 * moves on plain Cytoscape with the same elements and stylesheet, links greyed by class (what a
 * brush costs when Cytoscape draws the links), in the same run.
 */
import path from 'node:path';
import { withHarnessPage } from './harness-page';
import type { BenchFigures } from './results';
import type { TimelineBench } from './timeline-harness/api';

const HARNESS_ROOT = path.resolve(__dirname, 'timeline-harness');
const ACCOUNTS = 5_000;
const LINKS = 20_000;
/** Bounded: enough moves for a stable 95th percentile, few enough for a shared two-core machine. */
const MOVES = 40;
/** Plain Cytoscape repaints everything on each move (about half a second here): fewer moves. */
const PLAIN_MOVES = 20;

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runTimelineBench(log: (line: string) => void): Promise<BenchFigures> {
  return withHarnessPage(HARNESS_ROOT, 'timelineBench', log, async (page) => {
    const { windowSetMs, moveMs, filterMs, greyed } = await page.evaluate(
      ({ accounts, links, moves }) => (globalThis as unknown as { timelineBench: TimelineBench }).timelineBench.brush(accounts, links, moves, 0.2, 1 / 40),
      { accounts: ACCOUNTS, links: LINKS, moves: MOVES },
    );
    const plainMs = await page.evaluate(
      ({ accounts, links, moves }) => (globalThis as unknown as { timelineBench: TimelineBench }).timelineBench.plainCytoscapeBrush(accounts, links, moves, 0.2, 1 / 40),
      { accounts: ACCOUNTS, links: LINKS, moves: PLAIN_MOVES },
    );
    if (Math.min(...greyed) === 0 || Math.max(...greyed) >= LINKS) throw new Error('the brush windows greyed no link or every link: the bench measured nothing');
    log(`setting the first window: ${windowSetMs.toFixed(0)} ms (the money layer draws the backdrop of faded links once)`);
    log(`${MOVES} brush moves over ${LINKS.toLocaleString('en')} money links: p50 ${percentile(moveMs, 0.5).toFixed(1)} ms, p95 ${percentile(moveMs, 0.95).toFixed(1)} ms, max ${Math.max(...moveMs).toFixed(1)} ms (filter alone p95 ${percentile(filterMs, 0.95).toFixed(2)} ms)`);
    log(`${PLAIN_MOVES} of the same moves on plain Cytoscape (links greyed by class): p50 ${percentile(plainMs, 0.5).toFixed(1)} ms, p95 ${percentile(plainMs, 0.95).toFixed(1)} ms`);
    return {
      brushP95Ms: round(percentile(moveMs, 0.95)),
      brushP50Ms: round(percentile(moveMs, 0.5)),
      windowSetMs: round(windowSetMs),
      filterP95Ms: round(percentile(filterMs, 0.95), 2),
      plainCytoscapeBrushP95Ms: round(percentile(plainMs, 0.95)),
      brushP95RatioVsPlainCytoscape: round(percentile(moveMs, 0.95) / percentile(plainMs, 0.95), 3),
      moneyLinks: LINKS,
      moves: MOVES,
    };
  });
}
