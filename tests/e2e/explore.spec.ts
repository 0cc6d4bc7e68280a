/**
 * Explore in a real browser against the real browser-mode server and the embedded demo graph:
 * search a member of a planted ring, draw and expand its neighbourhood, inspect nodes, and check
 * that phone and card numbers never reach the page unmasked. Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, type GraphNode, type SearchResult } from '../../main/api';
import { DEFAULT_DEMO_OPTIONS, userIdOf, type DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { collectPageErrors, graphHook, launchChromium, saveScreenshot } from './support/chromium';
import { startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

interface RingMemberFixture {
  userId: string;
  /** Raw phone number shared with at least one other ring member, and those members' ids. */
  sharedPhone: string;
  phoneSharers: string[];
  /** Raw card number of the member. */
  card: string;
}

/** Picks, from the generator's ground truth, a shared-identity ring member with a shared phone and a card. */
function findRingMember(dataset: DemoDataset): RingMemberFixture {
  const phoneKind = IDENTIFIER_KINDS.indexOf('phone');
  const cardKind = IDENTIFIER_KINDS.indexOf('card');
  const identifiersOf = new Map<number, number[]>();
  const links = dataset.identifierLinks;
  for (let link = 0; link < links.count; link++) {
    const account = links.account[link];
    identifiersOf.set(account, [...(identifiersOf.get(account) ?? []), links.identifier[link]]);
  }
  for (const ring of dataset.plantedRings.filter((candidate) => candidate.kind === 'shared-identity')) {
    for (const member of ring.members) {
      const identifiers = identifiersOf.get(member) ?? [];
      const card = identifiers.find((identifier) => dataset.identifiers.kind[identifier] === cardKind);
      for (const phone of identifiers.filter((identifier) => dataset.identifiers.kind[identifier] === phoneKind)) {
        const sharers = ring.members.filter((other) => other !== member && (identifiersOf.get(other) ?? []).includes(phone));
        if (card !== undefined && sharers.length > 0) {
          return {
            userId: userIdOf(member),
            sharedPhone: dataset.identifiers.value[phone],
            phoneSharers: sharers.map(userIdOf),
            card: dataset.identifiers.value[card],
          };
        }
      }
    }
  }
  throw new Error('The demo graph has no shared-identity ring member with a shared phone and a card');
}

/** Digits only: a masked value must not contain the raw number in any formatting. */
const digitsOf = (text: string) => text.replace(/\D/g, '');

describe('Explore: investigate a planted ring member', () => {
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const fixture = findRingMember(generateDemoDataset(DEFAULT_DEMO_OPTIONS));

  /** Calls the Api the way the page does, to learn node ids without guessing the source's id format. */
  async function searchApi(query: string): Promise<SearchResult['hits']> {
    const response = await fetch(new URL('api/graph/search', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const envelope = (await response.json()) as { ok: boolean; value: SearchResult };
    expect(envelope.ok).toBe(true);
    return envelope.value.hits;
  }

  async function nodeIdOf(query: string, kind: GraphNode['kind']): Promise<string> {
    const hit = (await searchApi(query)).find((candidate) => candidate.node.kind === kind);
    if (!hit) throw new Error(`No ${kind} found for ${query}`);
    return hit.node.id;
  }

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
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    pageErrors = collectPageErrors(page);
    // ?e2e publishes the read-only test hook window.__ringscopeGraph (see renderer/graph/test-hook.ts).
    await page.goto(`${server.url}?e2e`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the embedded demo graph with an empty canvas that says what to search', async () => {
    await expect.poll(() => page.getByTestId('source-chip').textContent()).toBe('Embedded demo');
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
    await saveScreenshot(page, 'explore-03-neighbourhood');
  });

  it('expands the shared phone and reaches the other ring members who use it', async () => {
    const phoneId = await nodeIdOf(fixture.sharedPhone, 'phone');
    const sharerIds = await Promise.all(fixture.phoneSharers.map((userId) => nodeIdOf(userId, 'account')));
    const edgesBefore = await graphEdgeCount();
    expect(await graphNodeIds()).not.toEqual(expect.arrayContaining(sharerIds));

    await graphHook(page).expand(phoneId);

    expect(await graphNodeIds()).toEqual(expect.arrayContaining(sharerIds));
    expect(await graphEdgeCount()).toBeGreaterThan(edgesBefore);
  });

  it('shows the phone and the card masked in the details panel, never the raw numbers', async () => {
    const phoneId = await nodeIdOf(fixture.sharedPhone, 'phone');
    await graphHook(page).select(phoneId);
    const phoneRow = page.getByTestId('property-phoneNumber');
    await phoneRow.waitFor();
    const shownPhone = (await phoneRow.textContent()) ?? '';
    expect(shownPhone).toContain('•');
    expect(digitsOf(shownPhone)).not.toContain(digitsOf(fixture.sharedPhone).slice(-7));
    await settle();
    await saveScreenshot(page, 'explore-04-phone-details');

    // Searching by the raw card number finds the card, listed masked; opening it shows it masked.
    await search(fixture.card);
    const cardResult = page.getByTestId('search-result').filter({ hasText: 'Bank card' });
    await cardResult.first().waitFor();
    expect(digitsOf((await cardResult.first().textContent()) ?? '')).not.toContain(digitsOf(fixture.card));
    await cardResult.first().click();
    const cardRow = page.getByTestId('property-cardNumber');
    await cardRow.waitFor();
    const shownCard = (await cardRow.textContent()) ?? '';
    expect(shownCard).toContain(fixture.card.slice(-4));
    expect(digitsOf(shownCard)).not.toContain(digitsOf(fixture.card).slice(0, 12));

    const pageText = digitsOf(await page.locator('body').innerText());
    expect(pageText).not.toContain(digitsOf(fixture.card));
    expect(pageText).not.toContain(digitsOf(fixture.sharedPhone));
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

  it('raised no page or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
