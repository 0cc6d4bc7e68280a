/**
 * Paths and full-text search in Explore (issues #10 and #8) in a real browser against the embedded
 * demo graph: find the path between two ring members through a shared device, search merchants by
 * name with results grouped by kind, and read an account's path to the nearest known-bad account.
 * Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../../main/api';
import { DEFAULT_DEMO_OPTIONS, userIdOf, type DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { knownBadSearch } from '../../main/core/money/handlers';
import { EmbeddedGraphSource } from '../../main/core/sources/embedded-source';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot } from './support/chromium';
import { startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

const signal = new AbortController().signal;

/** Two members of a planted shared-identity ring who use the same device. */
function deviceSharers(dataset: DemoDataset): [number, number] {
  const deviceKind = IDENTIFIER_KINDS.indexOf('device');
  const devicesOf = new Map<number, Set<number>>();
  const links = dataset.identifierLinks;
  for (let link = 0; link < links.count; link++) {
    if (dataset.identifiers.kind[links.identifier[link]] !== deviceKind) continue;
    devicesOf.set(links.account[link], (devicesOf.get(links.account[link]) ?? new Set()).add(links.identifier[link]));
  }
  for (const ring of dataset.plantedRings.filter((candidate) => candidate.kind === 'shared-identity')) {
    for (const a of ring.members) {
      const b = ring.members.find((other) => other !== a && [...(devicesOf.get(other) ?? [])].some((device) => devicesOf.get(a)?.has(device)));
      if (b !== undefined) return [a, b];
    }
  }
  throw new Error('No two shared-identity ring members share a device');
}

describe('Explore: paths between accounts, grouped search, the path to a known-bad account', () => {
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const dataset = generateDemoDataset(DEFAULT_DEMO_OPTIONS);
  const source = EmbeddedGraphSource.fromDataset(dataset);
  const [first, second] = deviceSharers(dataset).map((index) => ({ userId: userIdOf(index), nodeId: source.accountNodeId(index) }));
  const hook = () => graphHook(page);
  /** Layouts and fits animate; screenshots wait for them to settle. */
  const settle = () => page.waitForTimeout(1_200);

  async function openAccount(userId: string) {
    const input = page.getByTestId('search-input');
    await input.fill(userId);
    await input.press('Enter');
    await page.getByTestId('search-result').filter({ hasText: userId }).first().click();
    await expect.poll(() => hook().nodeIds(), { timeout: 15_000 }).toContain(`account:${userId}`);
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

  it('finds the path between two ring members through the device they share, adds it highlighted, and undo takes it away', async () => {
    await openAccount(first.userId);
    await openAccount(second.userId);
    await hook().selectMany([first.nodeId, second.nodeId]);
    const findPath = page.getByTestId('find-path');
    await findPath.waitFor({ timeout: 15_000 });
    await findPath.click();
    const dialog = page.getByTestId('path-dialog');
    await dialog.getByRole('checkbox', { name: 'Device' }).waitFor();
    // Only devices: the path must run through the shared one.
    for (const other of ['Phone', 'IP address', 'Bank card', 'Address', 'E-mail', 'Money transfer', 'Merchant payment']) await dialog.getByRole('checkbox', { name: other, exact: true }).uncheck();
    await dialog.getByTestId('path-max-hops').fill('1');
    await saveScreenshot(page, 'paths-01-dialog');
    await dialog.getByTestId('path-submit').click();
    await expect.poll(() => dialog.getByTestId('path-none').textContent(), { timeout: 15_000 }).toBe(`No path within 1 hop between ${first.userId} and ${second.userId}. Allow longer paths or more link kinds.`);
    await saveScreenshot(page, 'paths-02-no-path-within-1-hop');

    const edgesBefore = await hook().edgeIds();
    await dialog.getByTestId('path-max-hops').fill('4');
    await dialog.getByTestId('path-submit').click();
    await page.getByTestId('path-notice').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('path-notice').textContent()).toContain(`from ${first.userId} to ${second.userId} (2 hops)`);
    const highlighted = await hook().highlightedIds();
    const device = highlighted.find((id) => id.startsWith('device:'));
    expect(highlighted.sort()).toEqual([first.nodeId, second.nodeId, device].sort());
    const pathEdges = await hook().highlightedEdgeIds();
    expect(pathEdges).toHaveLength(2);
    expect(await hook().edgeIds()).toEqual(expect.arrayContaining(pathEdges));
    await settle();
    await saveScreenshot(page, 'paths-03-path-highlighted');

    // One undo takes the path step back (its highlight, and whatever it drew that was not drawn before).
    await page.getByTestId('canvas-undo').click();
    await expect.poll(() => hook().highlightedEdgeIds()).toEqual([]);
    expect((await hook().edgeIds()).sort()).toEqual(edgesBefore.sort());
    await page.getByTestId('canvas-redo').click();
    await expect.poll(() => hook().highlightedEdgeIds()).toHaveLength(2);
  });

  it('searches merchants by name and lists the matches grouped by kind, saying when a group is cut', async () => {
    const expected = await source.textSearch('Markt', { limitPerKind: 20, signal });
    const cut = expected.groups.find((group) => group.total > group.hits.length)!;
    const merchants = expected.groups.find((group) => group.kind === 'merchant')!;
    expect(cut).toBeDefined();
    const input = page.getByTestId('search-input');
    await input.fill('Markt');
    await input.press('Enter');
    const merchantGroup = page.locator('[data-testid="search-group"][data-kind="merchant"]');
    await merchantGroup.waitFor({ timeout: 15_000 });
    // Merchants (found by name) come before the identifiers that matched as part of an address.
    const kinds = await Promise.all((await page.getByTestId('search-group').all()).map((group) => group.getAttribute('data-kind')));
    expect(kinds[0]).toBe('merchant');
    expect([...kinds].sort()).toEqual(expected.groups.map((group) => group.kind).sort());
    expect(await merchantGroup.getByTestId('search-group-hit').count()).toBe(merchants.hits.length);
    for (const text of await merchantGroup.getByTestId('search-group-hit').allTextContents()) expect(text).toMatch(/Markt/);
    const cutGroup = page.locator(`[data-testid="search-group"][data-kind="${cut.kind}"]`);
    expect(await cutGroup.getByTestId('search-group-cut').textContent()).toBe(`showing 20 of ${cut.total.toLocaleString('en-US')} — refine the search`);
    await saveScreenshot(page, 'paths-04-grouped-search');
    await cutGroup.getByTestId('search-group-cut').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'paths-05-grouped-search-cut');
  });

  it('explains an account by its path to the nearest known-bad account and adds that path to the canvas', async () => {
    // A ring member two hops from a known-bad account, as the core itself finds it.
    let account = { userId: '', nodeId: '' };
    let expected = null as Awaited<ReturnType<typeof source.pathToKnownBad>> | null;
    for (const ring of dataset.plantedRings) {
      for (const member of ring.members) {
        if (expected || dataset.accounts.blacklisted[member] === 1) continue;
        const result = await source.pathToKnownBad(source.accountNodeId(member), { ...knownBadSearch(source.pathLinkTypes()), maxHops: 4, signal });
        if (result.status === 'found' && result.length === 2) {
          expected = result;
          account = { userId: userIdOf(member), nodeId: source.accountNodeId(member) };
        }
      }
    }
    expect(expected).not.toBeNull();
    const knownBadId = expected!.knownBadId!;
    await page.getByRole('button', { name: 'Clear the canvas' }).click();
    await openAccount(account.userId);
    const line = page.getByTestId('known-bad-path-text');
    await line.waitFor({ timeout: 15_000 });
    const text = (await line.textContent())!;
    const knownBadUserId = knownBadId.replace('account:', '');
    expect(text).toMatch(new RegExp(`^2 hops: .+ ${knownBadUserId} \\(blacklisted\\)$`));
    await saveScreenshot(page, 'paths-06-known-bad-line');

    await page.getByTestId('known-bad-add').click();
    await expect.poll(() => hook().highlightedIds(), { timeout: 15_000 }).toEqual(expect.arrayContaining(expected!.path!.nodeIds));
    expect(await hook().nodeIds()).toEqual(expect.arrayContaining(expected!.path!.nodeIds));
    expect((await hook().highlightedEdgeIds()).sort()).toEqual([...expected!.path!.edgeIds].sort());
    await settle();
    await saveScreenshot(page, 'paths-07-known-bad-path-added');
    expect(pageErrors).toEqual([]);
  });
});
