import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line ("Summary: N passed, N failed, N skipped") after Vitest's own
 * report, so CI tooling that reads the last lines sees the counts without knowing Vitest.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed outside its tests (an import, a beforeAll) counts as one failure, so the
      // line never says "0 failed" about a run Vitest itself failed.
      if (module.state() === 'failed' && ![...module.children.allTests()].some((test) => test.result().state === 'failed')) failed++;
    }
    // Printed at exit so it is the very last line, after Vitest's own summary.
    process.once('exit', () => console.log(`\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`));
  }
}
