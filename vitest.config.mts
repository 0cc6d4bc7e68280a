import { defineConfig } from 'vitest/config';

// Three projects mirror tests/: unit (plain Node, renderer tests opt into happy-dom per file),
// integration (a real Neo4j and real loopback HTTP servers), e2e (Chromium against `npm run serve`).
// Integration and e2e files run one at a time: they share one Neo4j and one data folder per server.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Unit and integration run together first (group 0), e2e after them (group 1).
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], sequence: { groupOrder: 0 }, testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          // After unit and integration, so the browsers do not compete with them for the two cores.
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
