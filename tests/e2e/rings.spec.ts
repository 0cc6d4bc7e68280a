/**
 * Rings in a real browser against the browser-mode server and the embedded 20k demo graph: run
 * detection, read the ranked flagged clusters with their reasons, filter by kind, open the top
 * cluster in Explore and check its members are drawn and highlighted. Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_OPTIONS } from '../../main/core/demo/dataset';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot } from './support/chromium';
import { startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

describe('Rings: detect, rank, filter, open a ring in Explore', () => {
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  /** Layouts animate; screenshots wait for them to settle. */
  const settle = () => page.waitForTimeout(1_500);

  beforeAll(async () => {
    server = await startRingScopeServer({ RINGSCOPE_DEMO_SEED: String(DEFAULT_DEMO_OPTIONS.seed), RINGSCOPE_DEMO_ACCOUNTS: String(DEFAULT_DEMO_OPTIONS.accounts) });
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkbenchPage(browser, server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs detection on the demo graph and ranks flagged clusters with their reasons', async () => {
    await page.getByRole('button', { name: 'Rings' }).click();
    await page.getByTestId('rings-empty').waitFor();
    await page.getByTestId('run-detection').click();
    await page.getByTestId('ring-row').first().waitFor({ timeout: 60_000 });
    const scores = (await page.getByTestId('ring-score').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const reasons = await page.getByTestId('ring-reasons').allTextContents();
    expect(reasons.join(' ')).toMatch(/accounts share|opened within|money moved in a cycle|pay into one account|round amounts/);
    expect(await page.getByTestId('rings-summary').textContent()).toContain('20,000 accounts');
    await page.getByTestId('excluded-hubs').click();
    await page.getByTestId('excluded-hub').first().waitFor();
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'rings-01-ranked');
  });

  it('filters the ranked list by ring kind', async () => {
    const before = await page.getByTestId('rings-shown').textContent();
    await page.getByTestId('kind-filter-laundering-cycle').click();
    await expect.poll(() => page.getByTestId('rings-shown').textContent()).not.toBe(before);
    const kinds = await page.getByTestId('ring-kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Laundering cycle']));
    await saveScreenshot(page, 'rings-02-filtered');
    await page.getByTestId('kind-filter-laundering-cycle').click();
  });

  it('looks right in the dark theme too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Switch to the light theme' }).waitFor();
    await saveScreenshot(page, 'rings-03-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Switch to the dark theme' }).waitFor();
  });

  it('opens the top cluster in Explore with its members drawn and highlighted under its title', async () => {
    const top = page.getByTestId('ring-row').first();
    const score = await top.getByTestId('ring-score').textContent();
    await top.getByTestId('open-in-explore').click();
    const banner = page.getByTestId('explore-request');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`score ${score}`);
    await expect.poll(() => graphHook(page).highlightedIds().then((ids) => ids.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const highlighted = await graphHook(page).highlightedIds();
    const drawn = await graphHook(page).nodeIds();
    expect(drawn).toEqual(expect.arrayContaining(highlighted));
    expect(highlighted.every((id) => id.startsWith('account:'))).toBe(true);
    // The shared identifiers linking the members are drawn too.
    expect(drawn.length).toBeGreaterThan(highlighted.length);
    expect(await graphHook(page).edgeCount()).toBeGreaterThan(0);
    await settle();
    await saveScreenshot(page, 'rings-04-cluster-in-explore');

    await graphHook(page).select(highlighted[0]);
    await page.getByTestId('propagated-risk').waitFor();
    await settle();
    await saveScreenshot(page, 'rings-05-member-details');
  });

  it('raised no page or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
