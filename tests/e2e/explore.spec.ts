/**
 * Explore in a real browser against the real browser-mode server and the embedded demo graph:
 * search a member of a planted ring, draw and expand its neighbourhood, inspect nodes, and check
 * that phone and card numbers never reach the page unmasked. Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, type GraphNode } from '../../main/api';
import { DEFAULT_DEMO_OPTIONS } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot } from './support/chromium';
import { digitsOf, expectMaskedProperty, expectNoRawNumbersOnPage, findRingMember } from './support/ring-member';
import { findNodeId, startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

describe('Explore: investigate a planted ring member', () => {
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const fixture = findRingMember(generateDemoDataset(DEFAULT_DEMO_OPTIONS));

  const nodeIdOf = (query: string, kind: GraphNode['kind']) => findNodeId(server, query, kind);

  const graphNodeIds = () => graphHook(page).nodeIds();
  const graphEdgeCount = () => graphHook(page).edgeCount();
  /** Layouts animate; screenshots wait for them to settle. */
  const settle = () => page.waitForTimeout(1_200);

  async function search(query: string) {
    const input = page.getByTestId('search-input');
    await input.fill(query);
    await input.press('Enter');
  }

  beforeAll(async () => {
    server = await startRingScopeServer({ RINGSCOPE_DEMO_SEED: String(DEFAULT_DEMO_OPTIONS.seed), RINGSCOPE_DEMO_ACCOUNTS: String(DEFAULT_DEMO_OPTIONS.accounts) });
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkbenchPage(browser, server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the embedded demo graph with an empty canvas that says what to search', async () => {
    await expect.poll(() => page.getByTestId('source-chip').textContent(), { timeout: 15_000 }).toBe('Embedded demo');
    expect(await page.getByTestId('explore-empty').textContent()).toContain('Search an account id, phone number, device id or card number to start');
    expect(await page.getByTestId('legend').isVisible()).toBe(true);
    await saveScreenshot(page, 'explore-01-empty');
  });

  it('finds the ring member by user id and draws its neighbourhood with its phone and card', async () => {
    await search(fixture.userId);
    const result = page.getByTestId('search-result').filter({ hasText: fixture.userId });
    await result.first().waitFor();
    await saveScreenshot(page, 'explore-02-results');
    await result.first().click();

    await page.getByTestId('details-panel').waitFor();
    expect(await page.getByTestId('property-userId').textContent()).toContain(fixture.userId);
    const phoneId = await nodeIdOf(fixture.sharedPhone, 'phone');
    const cardId = await nodeIdOf(fixture.card, 'card');
    await expect.poll(graphNodeIds).toEqual(expect.arrayContaining([phoneId, cardId]));
    await settle();
    // The details panel opened beside the first draw: every node is still inside the canvas, none under the panel.
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    for (const id of await graphNodeIds()) {
      const at = (await graphHook(page).clientPosition(id))!;
      expect(at.x, id).toBeGreaterThan(canvas.x);
      expect(at.x, id).toBeLessThan(canvas.x + canvas.width);
      expect(at.y, id).toBeGreaterThan(canvas.y);
      expect(at.y, id).toBeLessThan(canvas.y + canvas.height);
    }
    await saveScreenshot(page, 'explore-03-neighbourhood');
  });

  it('expands the shared phone and reaches the other ring members who use it', async () => {
    const phoneId = await nodeIdOf(fixture.sharedPhone, 'phone');
    const sharerIds = await Promise.all(fixture.phoneSharers.map((userId) => nodeIdOf(userId, 'account')));
    const edgesBefore = await graphEdgeCount();
    expect(await graphNodeIds()).not.toEqual(expect.arrayContaining(sharerIds));

    // A real double-click with the mouse, where Cytoscape drew the phone.
    const position = await graphHook(page).clientPosition(phoneId);
    expect(position).not.toBeNull();
    await page.mouse.dblclick(position!.x, position!.y);

    await expect.poll(graphNodeIds, { timeout: 15_000 }).toEqual(expect.arrayContaining(sharerIds));
    expect(await graphEdgeCount()).toBeGreaterThan(edgesBefore);
  });

  it('shows the phone and the card masked in the details panel, never the raw numbers', async () => {
    const phoneId = await nodeIdOf(fixture.sharedPhone, 'phone');
    await graphHook(page).select(phoneId);
    await expectMaskedProperty(page, 'phoneNumber', { hidden: digitsOf(fixture.sharedPhone).slice(-7) });
    await settle();
    await saveScreenshot(page, 'explore-04-phone-details');

    // Searching by the raw card number finds the card, listed masked; opening it shows it masked.
    await search(fixture.card);
    const cardResult = page.getByTestId('search-result').filter({ hasText: 'Bank card' });
    await cardResult.first().waitFor();
    expect(digitsOf((await cardResult.first().textContent()) ?? '')).not.toContain(digitsOf(fixture.card));
    await cardResult.first().click();
    await expectMaskedProperty(page, 'cardNumber', { visible: fixture.card.slice(-4), hidden: digitsOf(fixture.card).slice(0, 12) });
    await expectNoRawNumbersOnPage(page, fixture);
    await settle();
    await saveScreenshot(page, 'explore-05-card-details');
  });

  it('follows the system switching to dark, keeping the graph and the selection', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Switch to the light theme' }).waitFor();
    await settle();
    expect(await page.getByTestId('details-panel').isVisible()).toBe(true);
    expect((await graphNodeIds()).length).toBeGreaterThan(0);
    await saveScreenshot(page, 'explore-06-dark');
  });

  it('clears the selection with Escape', async () => {
    await page.locator('body').press('Escape');
    await expect.poll(() => page.getByTestId('details-panel').count()).toBe(0);
  });

  it('draws an office IP as a hub with its count and pages through it at the chosen page size', async () => {
    // The IP shared by the most accounts in the demo graph: a supernode.
    const dataset = generateDemoDataset(DEFAULT_DEMO_OPTIONS);
    const linksPerIdentifier = new Map<number, number>();
    for (let link = 0; link < dataset.identifierLinks.count; link++) {
      const identifier = dataset.identifierLinks.identifier[link];
      if (IDENTIFIER_KINDS[dataset.identifiers.kind[identifier]] === 'ip') linksPerIdentifier.set(identifier, (linksPerIdentifier.get(identifier) ?? 0) + 1);
    }
    const [hubIndex, hubAccounts] = [...linksPerIdentifier].sort((a, b) => b[1] - a[1])[0];

    // Start from an empty canvas: the ring member's neighbourhood may already show this IP.
    await page.getByRole('button', { name: 'Clear the canvas' }).click();
    await page.getByTestId('page-size').locator('..').click();
    await page.getByRole('option', { name: '25', exact: true }).click();
    await search(dataset.identifiers.value[hubIndex]);
    const result = page.getByTestId('search-result').filter({ hasText: 'IP address' });
    await result.first().click();

    await page.getByRole('button', { name: 'Load next 25' }).waitFor();
    expect(await page.getByTestId('more-neighbours').textContent()).toContain((hubAccounts - 25).toLocaleString('en-US'));
    await page.getByRole('button', { name: 'Load next 25' }).click();
    await expect.poll(() => page.getByTestId('more-neighbours').textContent()).toContain((hubAccounts - 50).toLocaleString('en-US'));
    await settle();
    await saveScreenshot(page, 'explore-07-hub-paged');
  });

  it('raised no page or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
