// Builds the Node/Electron side into dist/main. Type checking is tsc's job (npm run typecheck);
// esbuild only bundles. The preload is fully bundled because sandboxed preloads cannot require modules.
import { build } from 'esbuild';
import { cp } from 'node:fs/promises';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    format: 'cjs',
    packages: 'external',
    entryPoints: {
      'app/main': 'main/app/main.ts',
      'app/launcher': 'main/app/launcher.ts',
      'server/cli': 'main/server/cli.ts',
      'analytics/pipeline-worker': 'main/core/analytics/pipeline-worker.ts',
    },
    outdir: 'dist/main',
  }),
  build({ ...common, format: 'cjs', external: ['electron'], entryPoints: { 'app/preload': 'main/app/preload.ts' }, outdir: 'dist/main' }),
]);
// graph-queries/catalog.ts reads the .cypher files at run time; bundles find them in dist/graph-queries.
await cp('graph-queries', 'dist/graph-queries', { recursive: true, filter: (source) => !source.endsWith('.ts') });
