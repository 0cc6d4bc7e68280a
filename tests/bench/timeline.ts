/**
 * Bench suite `timeline` (issue #10): the timeline's brush on a canvas with 20,000 money links in
 * headless Chromium (tests/bench/timeline-harness). Each brush move filters the links by the window
 * (binary search over each drawn edge's sorted times), greys those outside it in one Cytoscape batch
 * touching only the edges whose state changed, and waits for the painted frame. Figure: the 95th
 * percentile over a bounded number of moves (target < 100 ms).
 */
import path from 'node:path';
import { withHarnessPage } from './harness-page';
import type { BenchFigures } from './results';

const HARNESS_ROOT = path.resolve(__dirname, 'timeline-harness');
const ACCOUNTS = 5_000;
const LINKS = 20_000;
/** Bounded: enough moves for a stable 95th percentile, few enough for a shared two-core machine. */
const MOVES = 40;

type TimelineBench = {
  brush(accounts: number, links: number, moves: number, widthShare: number, stepShare: number): Promise<{ moveMs: number[]; filterMs: number[]; greyed: number[]; redrawMs: number[] }>;
};

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runTimelineBench(log: (line: string) => void): Promise<BenchFigures> {
  return withHarnessPage(HARNESS_ROOT, 'timelineBench', log, async (page) => {
    const { moveMs, filterMs, greyed, redrawMs } = await page.evaluate(
      ({ accounts, links, moves }) => (globalThis as unknown as { timelineBench: TimelineBench }).timelineBench.brush(accounts, links, moves, 0.2, 1 / 40),
      { accounts: ACCOUNTS, links: LINKS, moves: MOVES },
    );
    if (Math.min(...greyed) === 0 || Math.max(...greyed) >= LINKS) throw new Error('the brush windows greyed no link or every link: the bench measured nothing');
    log(`${MOVES} brush moves over ${LINKS.toLocaleString('en')} money links: p50 ${percentile(moveMs, 0.5).toFixed(1)} ms, p95 ${percentile(moveMs, 0.95).toFixed(1)} ms, max ${Math.max(...moveMs).toFixed(1)} ms (filter alone p95 ${percentile(filterMs, 0.95).toFixed(2)} ms); a redraw after a one-edge change: p50 ${percentile(redrawMs, 0.5).toFixed(1)} ms, p95 ${percentile(redrawMs, 0.95).toFixed(1)} ms`);
    return {
      brushP95Ms: round(percentile(moveMs, 0.95)),
      brushP50Ms: round(percentile(moveMs, 0.5)),
      filterP95Ms: round(percentile(filterMs, 0.95), 2),
      oneEdgeRedrawP95Ms: round(percentile(redrawMs, 0.95)),
      brushToRedrawP95Ratio: round(percentile(moveMs, 0.95) / percentile(redrawMs, 0.95), 2),
      moneyLinks: LINKS,
      moves: MOVES,
    };
  });
}
