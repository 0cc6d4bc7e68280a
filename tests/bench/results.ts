import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type BenchFigures = Record<string, number | string | boolean | null>;

/** bench-results.json at the repository root. */
export const BENCH_RESULTS_FILE = path.resolve(__dirname, '..', '..', 'bench-results.json');

/**
 * Records one suite's figures in bench-results.json ({ suite: { figure: value } }): other suites'
 * figures are kept, this suite's earlier figures are replaced whole, so a figure an older version
 * of the suite produced is never read as current.
 */
export function recordBenchResults(suite: string, figures: BenchFigures, file = BENCH_RESULTS_FILE): void {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, BenchFigures>) : {};
  existing[suite] = figures;
  writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
}
