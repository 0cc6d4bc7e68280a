import { defineConfig, type Plugin } from 'vite';

/**
 * Fontsource's CSS offers every font slice as woff2 with a woff fallback; Chromium (browser mode and
 * Electron) always takes the woff2, so the woff copies only added 6 MB to the app. Drop them.
 */
const woff2OnlyFonts: Plugin = {
  name: 'ringscope-woff2-only-fonts',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
    return code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '');
  },
};

// The renderer is a plain browser app: served by main/server in browser mode, loaded from
// dist/renderer by the Electron shell. Relative base so both file:// and http:// work.
export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [woff2OnlyFonts],
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
