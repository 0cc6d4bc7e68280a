/**
 * TEST SUPPORT ONLY. Cytoscape draws on a canvas, so end-to-end tests cannot find nodes in the
 * DOM or double-click them reliably. When the page is opened with `?e2e` in its query string, the
 * Explore screen publishes this small read-only handle on `window.__ringscopeGraph`; without it,
 * nothing is exposed. Product code never reads it.
 */
import type { GraphTestHook } from './test-hook-api';

declare global {
  interface Window {
    __ringscopeGraph?: GraphTestHook;
  }
}

/** Publishes the hook when the page was opened for an e2e test; returns the cleanup. */
export function installGraphTestHook(hook: GraphTestHook): () => void {
  if (!new URLSearchParams(window.location.search).has('e2e')) return () => undefined;
  window.__ringscopeGraph = hook;
  return () => {
    if (window.__ringscopeGraph === hook) delete window.__ringscopeGraph;
  };
}
