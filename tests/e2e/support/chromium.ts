import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { GraphTestHook } from '../../../renderer/graph/test-hook-api';
import { pageUrl, type RingScopeServer } from './ringscope-server';

/** Debian's Chromium: Playwright's own browser download is not available here. */
export const CHROMIUM_PATH = process.env.RINGSCOPE_CHROMIUM ?? '/usr/bin/chromium';

/** Where e2e screenshots are kept as test artifacts. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));

/** Launches headless Chromium with everything that would reach the network switched off, in US English (the specs' selectors are English; zh-cn.spec.ts asks for Chinese per page). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--lang=en-US', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Opens a RingScope page as the e2e tests look at it: 1440×900, light scheme, page errors collected,
 * and `?e2e` so the page publishes its read-only graph test hook (renderer/graph/test-hook.ts); the
 * address carries the server's launch token, as a user's would.
 */
export async function openWorkbenchPage(browser: Browser, server: RingScopeServer): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const pageErrors = collectPageErrors(page);
  await page.goto(pageUrl(server));
  return { page, pageErrors };
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** Collects uncaught page errors and console errors, so a test can assert the page stayed clean. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

type HookWindow = { __ringscopeGraph: GraphTestHook };

/**
 * Drives the graph through the page's test hook (published when the page is opened with `?e2e`):
 * the canvas has no DOM nodes to click, so select and expand (as a double-click would) go through it.
 */
export function graphHook(page: Page): { [K in keyof GraphTestHook]: (...args: Parameters<GraphTestHook[K]>) => Promise<Awaited<ReturnType<GraphTestHook[K]>>> } {
  return {
    nodeIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.nodeIds()),
    edgeCount: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.edgeCount()),
    highlightedIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.highlightedIds()),
    edgeIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.edgeIds()),
    highlightedEdgeIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.highlightedEdgeIds()),
    selectMany: (nodeIds) => page.evaluate((ids) => (globalThis as unknown as HookWindow).__ringscopeGraph.selectMany(ids), nodeIds),
    clientPosition: (nodeId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.clientPosition(id), nodeId),
    clientBox: (elementId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.clientBox(id), elementId),
    select: (nodeId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.select(id), nodeId),
    expand: (nodeId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.expand(id), nodeId),
    selectedIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.selectedIds()),
    visibleNodeIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.visibleNodeIds()),
    modelPosition: (nodeId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.modelPosition(id), nodeId),
    groups: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.groups()),
    pinnedIds: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.pinnedIds()),
    edges: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.edges()),
    selectEdge: (edgeId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.selectEdge(id), edgeId),
    edgeClientPosition: (edgeId) => page.evaluate((id) => (globalThis as unknown as HookWindow).__ringscopeGraph.edgeClientPosition(id), edgeId),
    drawnData: (id) => page.evaluate((elementId) => (globalThis as unknown as HookWindow).__ringscopeGraph.drawnData(elementId), id),
    timeWindow: () => page.evaluate(() => (globalThis as unknown as HookWindow).__ringscopeGraph.timeWindow()),
    edgeIdsWithClass: (className) => page.evaluate((name) => (globalThis as unknown as HookWindow).__ringscopeGraph.edgeIdsWithClass(name), className),
  };
}
