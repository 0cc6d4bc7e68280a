// Builds the Node/Electron side into dist/main. Type checking is tsc's job (npm run typecheck);
// esbuild only bundles. The preload is fully bundled because sandboxed preloads cannot require modules.
import { build } from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Inlines every graph-queries/*.cypher text into the bundle in place of graph-queries/query-files.ts
 * (which reads them from disk when run from source), so the packaged app carries its queries inside
 * its code and cannot start without them.
 */
const inlineQueryTexts = {
  name: 'inline-query-texts',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]graph-queries[\\/]query-files\.ts$/ }, async (args) => {
      const dir = path.dirname(args.path);
      const files = (await readdir(dir)).filter((file) => file.endsWith('.cypher'));
      const texts = Object.fromEntries(await Promise.all(files.map(async (file) => [file.slice(0, -'.cypher'.length), await readFile(path.join(dir, file), 'utf8')])));
      return {
        loader: 'js',
        contents: `const texts = ${JSON.stringify(texts)};
export function readQueryFile(name) {
  if (!Object.hasOwn(texts, name)) throw new Error('No graph-queries/' + name + '.cypher was bundled');
  return texts[name];
}`,
      };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', plugins: [inlineQueryTexts] };

await Promise.all([
  build({
    ...common,
    format: 'cjs',
    packages: 'external',
    entryPoints: {
      'app/main': 'main/app/main.ts',
      'app/launcher': 'main/app/launcher.ts',
      'server/cli': 'main/server/cli.ts',
    },
    outdir: 'dist/main',
  }),
  // The worker is fully bundled: the packaged app keeps it outside the asar (asarUnpack in
  // electron-builder.yml), where the app's node_modules, inside the asar, are out of its reach.
  build({ ...common, format: 'cjs', entryPoints: { 'analytics/pipeline-worker': 'main/core/analytics/pipeline-worker.ts' }, outdir: 'dist/main' }),
  build({ ...common, format: 'cjs', external: ['electron'], entryPoints: { 'app/preload': 'main/app/preload.ts' }, outdir: 'dist/main' }),
]);
