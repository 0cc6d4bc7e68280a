/**
 * Money, time and paths (issue #10) in a real browser on the embedded 20k demo graph: open a cash-out
 * ring from Rings, click its round-amount reason (the strip's window is set, the cited payments are
 * highlighted, money outside the window greyed), step through a laundering ring's money cycle, and
 * follow the money from a node (undoable). Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_OPTIONS } from '../../main/core/demo/dataset';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot } from './support/chromium';
import { startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

describe('Timeline, money flows and follow the money in Explore', () => {
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const hook = () => graphHook(page);
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

  let filteredKind: string | null = null;

  /** Opens the first flagged ring of a kind in Explore; resolves when its members are drawn. */
  async function openRing(kind: string, replaceCanvas: boolean): Promise<void> {
    await page.getByRole('button', { name: 'Rings' }).click();
    if (await page.getByTestId('rings-empty').isVisible()) {
      await page.getByTestId('run-detection').click();
      await page.getByTestId('ring-row').first().waitFor({ timeout: 60_000 });
    }
    if (filteredKind) await page.getByTestId(`kind-filter-${filteredKind}`).click();
    await page.getByTestId(`kind-filter-${kind}`).click();
    filteredKind = kind;
    await expect.poll(() => page.getByTestId('ring-kind').allTextContents().then((kinds) => kinds.length > 0 && kinds.every((text) => text === (kind === 'cash-out' ? 'Cash-out' : 'Laundering cycle'))), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('ring-row').first().getByTestId('open-in-explore').click();
    // A second ring asks whether to replace what is drawn.
    if (replaceCanvas) await page.getByTestId('open-mode-replace').click();
    await expect.poll(() => hook().highlightedIds().then((ids) => ids.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await page.getByTestId('money-panel').waitFor();
  }

  it('sets the window and highlights the cited payments when a cash-out ring’s round-amount reason is clicked', async () => {
    await openRing('cash-out', false);
    await page.getByTestId('timeline-strip').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('timeline-window').textContent()).toContain('All time');
    await settle();
    await saveScreenshot(page, 'timeline-01-cash-out-ring');

    await page.getByTestId('reason-window-merchant_burst').click();
    await expect.poll(() => hook().timeWindow(), { timeout: 10_000 }).not.toBeNull();
    const window = (await hook().timeWindow())!;
    expect(await page.getByTestId('timeline-window').textContent()).not.toContain('All time');
    // A few hours in months of data: the strip zooms on the window.
    await page.getByTestId('timeline-zoom-out').waitFor();
    await expect.poll(() => hook().edgeIdsWithClass('money-path').then((ids) => ids.length), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const cited = await hook().edgeIdsWithClass('money-path');
    // The cited movements are payments from ring members to the one merchant, inside the window.
    expect(cited.every((id) => id.includes('-PAID->merchant:'))).toBe(true);
    expect(new Set(cited.map((id) => id.split('->')[1])).size).toBe(1);
    const greyed = await hook().edgeIdsWithClass('time-faded');
    expect(cited.some((id) => greyed.includes(id))).toBe(false);
    expect(Date.parse(window.to!) - Date.parse(window.from!)).toBeLessThan(2 * 24 * 3_600_000);
    await settle();
    await saveScreenshot(page, 'timeline-02-reason-window');

    // Hiding instead of greying: the money outside the window leaves the canvas.
    await page.getByTestId('timeline-mode').getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => hook().edgeIdsWithClass('time-hidden').then((ids) => ids.length)).toBe(greyed.length);
    await page.getByTestId('timeline-mode').getByRole('button', { name: 'Grey' }).click();
  });

  it('plays the window forward through time', async () => {
    const before = (await hook().timeWindow())!;
    await page.getByTestId('timeline-play').click();
    await expect.poll(() => hook().timeWindow().then((window) => Date.parse(window!.from!)), { timeout: 10_000 }).toBeGreaterThan(Date.parse(before.from!));
    await page.getByTestId('timeline-play').click();
    await saveScreenshot(page, 'timeline-03-playing');
    await page.getByTestId('timeline-clear').click();
    await expect.poll(() => hook().timeWindow()).toBeNull();
    expect(await hook().edgeIdsWithClass('time-faded')).toEqual([]);
  });

  it('lists a laundering ring’s money cycles and steps through one on the canvas', async () => {
    await openRing('laundering-cycle', true);
    const cycles = page.getByTestId('money-cycle');
    await cycles.first().waitFor({ timeout: 15_000 });
    const more = page.getByTestId('money-cycle-more');
    if (await more.isVisible()) {
      const listed = await cycles.count();
      await more.click();
      await expect.poll(() => cycles.count()).toBeGreaterThan(listed);
    }
    await cycles.first().click();
    const position = page.getByTestId('flow-step-position');
    await position.waitFor();
    const steps = Number(/of (\d+)/.exec((await position.textContent()) ?? '')![1]);
    expect(steps).toBeGreaterThanOrEqual(3);
    await expect.poll(() => hook().edgeIdsWithClass('money-path').then((ids) => ids.length), { timeout: 10_000 }).toBe(steps);
    const first = await hook().edgeIdsWithClass('money-step');
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('-TRANSFERRED_TO->');
    await settle();
    await saveScreenshot(page, 'timeline-04-cycle-step-1');
    await page.getByTestId('flow-next').click();
    expect(await position.textContent()).toBe(`Step 2 of ${steps}`);
    await expect.poll(() => hook().edgeIdsWithClass('money-step')).not.toEqual(first);
    // Each step starts where the one before ended: the cycle is drawn in order.
    const second = (await hook().edgeIdsWithClass('money-step'))[0];
    expect(second.split('-TRANSFERRED_TO->')[0]).toBe(first[0].split('-TRANSFERRED_TO->')[1]);
    await saveScreenshot(page, 'timeline-05-cycle-step-2');
  });

  it('follows the money from a node as one undoable step, placing the new nodes without moving the others', async () => {
    await page.getByTestId('timeline-clear').click();
    const members = await hook().highlightedIds();
    const before = await hook().nodeIds();
    const positions = Object.fromEntries(await Promise.all(before.map(async (id) => [id, await hook().modelPosition(id)] as const)));
    const edgesBefore = await hook().edgeCount();
    let followed: string | null = null;
    for (const member of members) {
      await hook().select(member);
      await page.getByTestId('follow-money').getByText(/^From /).waitFor();
      await page.getByTestId('follow-forward').click();
      await page.getByTestId('follow-money-run').click();
      await page.getByTestId('follow-money-result').waitFor({ timeout: 15_000 });
      if ((await hook().nodeIds()).length > before.length) {
        followed = member;
        break;
      }
    }
    expect(followed).not.toBeNull();
    const after = await hook().nodeIds();
    expect(await hook().edgeCount()).toBeGreaterThan(edgesBefore);
    for (const id of before) expect(await hook().modelPosition(id)).toEqual(positions[id]);
    expect((await hook().edgeIdsWithClass('money-path')).length).toBeGreaterThan(0);
    await settle();
    await saveScreenshot(page, 'timeline-06-followed');

    await page.getByTestId('clear-money-highlight').click();
    await expect.poll(() => hook().edgeIdsWithClass('money-path')).toEqual([]);

    await page.keyboard.press('Control+z');
    await expect.poll(() => hook().nodeIds().then((ids) => ids.length), { timeout: 10_000 }).toBe(before.length);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('raised no page or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
