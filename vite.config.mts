import { defineConfig } from 'vite';

// The renderer is a plain browser app: served by main/server in browser mode, loaded from
// dist/renderer by the Electron shell. Relative base so both file:// and http:// work.
export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Noise from dependencies, not actionable here: MUI's "use client" directives (meaningless in a
        // client bundle) and the source-map lookups for them, and misplaced /*@__PURE__*/ comments in zod.
        if (['MODULE_LEVEL_DIRECTIVE', 'SOURCEMAP_ERROR', 'INVALID_ANNOTATION'].includes(warning.code ?? '')) return;
        warn(warning);
      },
    },
  },
});
