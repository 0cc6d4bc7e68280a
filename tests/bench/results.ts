import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type BenchFigures = Record<string, number | string | boolean | null>;

/** bench-results.json at the repository root. */
export const BENCH_RESULTS_FILE = path.resolve(__dirname, '..', '..', 'bench-results.json');

/**
 * Merges one suite's figures into bench-results.json ({ suite: { figure: value } }): figures of
 * other suites, and figures of this suite that this run did not produce, are kept.
 */
export function recordBenchResults(suite: string, figures: BenchFigures, file = BENCH_RESULTS_FILE): void {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, BenchFigures>) : {};
  existing[suite] = { ...existing[suite], ...figures };
  writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
}
