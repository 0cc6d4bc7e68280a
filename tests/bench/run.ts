/**
 * `npm run bench [-- suite ...]`: runs the named benchmark suites (all when none is named) and
 * merges each suite's figures into bench-results.json at the repository root.
 */
import { recordBenchResults, BENCH_RESULTS_FILE, type BenchFigures } from './results';

type Suite = (log: (line: string) => void) => Promise<BenchFigures>;

// Loaded lazily, so one suite's missing prerequisites (e.g. a Neo4j for `load`) never stop another.
const SUITES: Record<string, () => Promise<Suite>> = {
  rings: async () => (await import('./rings')).runRingsBench,
  'rings-accuracy': async () => (await import('./rings')).runRingsAccuracyBench,
  load: async () => (await import('./load')).runLoadBench,
  paths: async () => (await import('./paths')).runPathsBench,
  propagation: async () => (await import('./propagation')).runPropagationBench,
  canvas: async () => (await import('./canvas')).runCanvasBench,
  timeline: async () => (await import('./timeline')).runTimelineBench,
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    console.error(`Unknown bench suite(s): ${unknown.join(', ')}. Available: ${Object.keys(SUITES).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  let failed = false;
  for (const name of requested.length > 0 ? requested : Object.keys(SUITES)) {
    console.log(`\n=== bench: ${name} ===`);
    try {
      const figures = await (await SUITES[name]())((line) => console.log(`[${name}] ${line}`));
      recordBenchResults(name, figures);
      console.log(`[${name}] figures written to ${BENCH_RESULTS_FILE}`);
    } catch (error) {
      failed = true;
      console.error(`[${name}] failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
