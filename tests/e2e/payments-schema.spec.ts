/**
 * A team graph that is not the demo schema, end to end: the test Neo4j holds the payment-network
 * shape (clients, e-mail/phone/national-id/device nodes, transactions as event nodes, verified and
 * fraud markers, no creation times). The Connect screen connects, shows the mapping discovery
 * proposed, the investigator adjusts a weight and saves it, detection runs through that mapping and
 * a planted ring opens in Explore; a laundering cycle shows the money moving through Transaction
 * nodes as money links between its members, readable in the link panel.
 *
 * The payment network lives in a Neo4j of its own (next port, throwaway data folder), started and
 * stopped here: the shared test Neo4j keeps the demo schema the other specs and the integration
 * tests read, whatever order the projects run in.
 * Needs `npm run build` and Java 17 + the built tests/neo4j launcher.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { clientIdOf, seedPaymentNetworkDataset } from '../../main/core/sources/neo4j/seed-payment-network';
import { formattersFor } from '../../renderer/i18n/format';
import { startOwnNeo4jServer, type Neo4jTestServer } from '../support/neo4j-test-server';
import { graphHook, launchChromium, openWorkbenchPage, saveScreenshot } from './support/chromium';
import { startRingScopeServer, type RingScopeServer } from './support/ringscope-server';

/** Small, so seeding takes seconds: still a dozen planted rings of every kind. */
const PAYMENT_NETWORK = { seed: 20261130, accounts: 3_000 } as const;

describe('A payment-network graph: proposed mapping, detection, a planted ring in Explore', () => {
  let neo4j: Neo4jTestServer;
  let stopNeo4j: () => Promise<void> = async () => undefined;
  let dataDir: string;
  let server: RingScopeServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const dataset = generateDemoDataset(PAYMENT_NETWORK);
  const ringOf = new Map<string, string>(dataset.plantedRings.flatMap((ring) => ring.members.map((member) => [`account:${clientIdOf(member)}`, ring.ringId] as const)));
  const settle = () => page.waitForTimeout(1_200);
  const format = formattersFor('en');

  beforeAll(async () => {
    ({ server: neo4j, stop: stopNeo4j } = await startOwnNeo4jServer('ringscope-e2e-payments-neo4j-'));
    const client = Neo4jClient.open({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: null });
    try {
      await seedPaymentNetworkDataset(client, dataset);
    } finally {
      await client.close();
    }
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-e2e-payments-'));
    server = await startRingScopeServer({ RINGSCOPE_DATA_DIR: dataDir });
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkbenchPage(browser, server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await stopNeo4j();
  });

  it('connects to the payment network and counts its clients', async () => {
    await page.getByTestId('source-chip').click();
    await page.getByTestId('connect-screen').waitFor();
    await page.getByTestId('connection-name').fill('Payments');
    await page.getByTestId('connection-uri').fill(neo4j.uri);
    await page.getByTestId('connection-user').fill(neo4j.user);
    await page.getByTestId('connection-password').fill(neo4j.password);
    await page.getByTestId('test-connection').click();
    await page.getByTestId('test-result').or(page.getByTestId('connection-error')).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('connection-error').count(), (await page.getByTestId('connection-error').allTextContents()).join(' ')).toBe(0);
    expect(await page.getByTestId('test-result').textContent()).toContain(`${PAYMENT_NETWORK.accounts.toLocaleString('en')} accounts`);
    await page.getByTestId('connect-button').click();
    await expect.poll(() => page.getByTestId('source-chip').textContent(), { timeout: 15_000 }).toBe('Neo4j');
  });

  it('shows the mapping discovery proposed: clients, their markers and identifiers, transactions as events', async () => {
    await page.getByTestId('source-chip').click();
    await page.getByTestId('schema-mapping').waitFor();
    const value = (testId: string) => page.getByTestId(testId).inputValue();
    // An identifier entry's field, found by the entry's kind (entries are listed by index).
    const identifierValue = async (kind: string, field: string) => {
      for (let index = 0; index < (await page.locator('[data-testid^="identifier-entry-"]').count()); index++) {
        if ((await value(`identifier-${index}-kind`)) === kind) return value(`identifier-${index}-${field}`);
      }
      throw new Error(`no ${kind} entry in the proposed mapping`);
    };
    await expect.poll(() => value('mapping-account-label'), { timeout: 15_000 }).toBe('Client');
    expect(await value('mapping-account-id')).toBe('clientId');
    expect(await value('mapping-account-blacklistedProperty')).toBe('fraud');
    expect(await value('mapping-account-knownGoodProperty')).toBe('verified');
    expect(await value('mapping-account-createdAtProperty')).toBe('');
    expect(await identifierValue('phone', 'type')).toBe('HAS_PHONE');
    expect(await identifierValue('card', 'label')).toBe('NationalId');
    expect(await identifierValue('email', 'value')).toBe('address');
    expect(await identifierValue('device', 'type')).toBe('USED_DEVICE');
    // Transactions to clients are money links between accounts; transactions to merchants are payments.
    expect(await value('event-link-0-far-end')).toBe(':account');
    expect(await value('event-link-1-far-end')).toBe('Merchant');
    expect(await value('event-link-1-merchant-id')).toBe('merchantId');
    await page.getByTestId('schema-mapping').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'payments-01-proposed-mapping');
  });

  it('saves the mapping with the transactions weighted higher', async () => {
    const weight = page.getByTestId('event-link-0-weight');
    await weight.fill('0.8');
    await page.getByTestId('save-mapping').click();
    await page.getByTestId('mapping-saved').waitFor({ timeout: 15_000 });
    await weight.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'payments-02-mapping-saved');
  });

  it('runs detection through the mapping and ranks planted rings on top', async () => {
    await page.getByRole('button', { name: 'Rings' }).click();
    await page.getByTestId('run-detection').click();
    await page.getByTestId('ring-row').first().waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('rings-summary').textContent()).toContain(`${PAYMENT_NETWORK.accounts.toLocaleString('en')} accounts`);
    // No creation time is mapped: the run says what it could not use.
    expect(await page.getByTestId('not-mapped').textContent()).toMatch(/creation time/i);
    await saveScreenshot(page, 'payments-03-rings');
  });

  it('opens the top ring in Explore: its highlighted members are one planted ring', async () => {
    await page.getByTestId('ring-row').first().getByTestId('open-in-explore').click();
    await page.getByTestId('explore-request').waitFor();
    await expect.poll(() => graphHook(page).highlightedIds().then((ids) => ids.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const highlighted = await graphHook(page).highlightedIds();
    const rings = highlighted.map((id) => ringOf.get(id));
    const [ringId] = rings;
    expect(ringId).toBeDefined();
    expect(rings.filter((ring) => ring === ringId).length / rings.length).toBeGreaterThanOrEqual(0.8);
    await settle();
    await saveScreenshot(page, 'payments-04-ring-in-explore');
  });

  it('opens a laundering cycle: the money moving through Transaction nodes is drawn between its members and reads in the link panel', async () => {
    await page.getByRole('button', { name: 'Rings' }).click();
    await page.getByTestId('kind-filter-laundering-cycle').click();
    const row = page.getByTestId('ring-row').first();
    await expect.poll(() => row.getByTestId('ring-kind').textContent(), { timeout: 15_000 }).toBe('Laundering cycle');
    await row.getByTestId('open-in-explore').click();
    // The canvas still shows the ring opened before.
    await page.getByRole('button', { name: 'Replace the canvas' }).click();
    await page.getByTestId('explore-request').waitFor();
    // Money links among the ring's members: folded per pair of clients, typed by the event label.
    const ringMoneyLinks = async () => {
      const members = new Set(await graphHook(page).highlightedIds());
      return (await graphHook(page).edges()).filter((edge) => edge.id.includes('-Transaction->') && members.has(edge.source) && members.has(edge.target));
    };
    await expect.poll(() => ringMoneyLinks().then((edges) => edges.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const links = await ringMoneyLinks();
    expect(links.every((edge) => edge.kind === 'transfer')).toBe(true);
    const [link] = links;
    const indexOf = (nodeId: string) => Number(nodeId.replace('account:C', ''));
    const seeded = [...dataset.transfers.from.keys()]
      .filter((t) => dataset.transfers.from[t] === indexOf(link.source) && dataset.transfers.to[t] === indexOf(link.target))
      .sort((a, b) => dataset.transfers.at[a] - dataset.transfers.at[b]);
    expect(link.properties.count).toBe(seeded.length);
    await page.getByTestId('timeline-strip').waitFor({ timeout: 15_000 });
    await settle();
    await saveScreenshot(page, 'payments-05-cycle-money-links');

    const at = await graphHook(page).edgeClientPosition(link.id);
    if (at) await page.mouse.click(at.x, at.y);
    // A real click can land on a label or node overlapping the midpoint; the hook selects as a tap would.
    if (!(await page.getByTestId('link-details').isVisible())) await graphHook(page).selectEdge(link.id);
    const panel = page.getByTestId('link-details');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('link-kind').textContent()).toBe('Money transfer');
    expect(await panel.textContent()).toContain('Transaction');
    expect(await panel.getByTestId('link-count').textContent()).toBe(String(seeded.length));
    const rows = panel.getByTestId('link-transaction');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(seeded.length);
    expect(await rows.first().getByTestId('link-transaction-amount').textContent()).toBe(format.number(dataset.transfers.amount[seeded[0]], 2));
    expect(await rows.first().getByTestId('link-transaction-time').textContent()).toBe(format.dateTime(new Date(Math.trunc(dataset.transfers.at[seeded[0]])).toISOString()));
    await saveScreenshot(page, 'payments-06-transaction-link-details');
  });

  it('opens a cash-out ring: the members\' payments through Transaction nodes are drawn to the merchant and read in the link panel', async () => {
    await page.getByRole('button', { name: 'Rings' }).click();
    await page.getByTestId('kind-filter-laundering-cycle').click();
    await page.getByTestId('kind-filter-cash-out').click();
    const row = page.getByTestId('ring-row').first();
    await expect.poll(() => row.getByTestId('ring-kind').textContent(), { timeout: 15_000 }).toBe('Cash-out');
    await row.getByTestId('open-in-explore').click();
    await page.getByRole('button', { name: 'Replace the canvas' }).click();
    await page.getByTestId('explore-request').waitFor();
    // Payments from the ring's members to a merchant: folded per client and merchant, typed by the event label.
    const ringPayments = async () => {
      const members = new Set(await graphHook(page).highlightedIds());
      return (await graphHook(page).edges()).filter((edge) => edge.target.startsWith('merchant:') && edge.id.includes('-Transaction->') && members.has(edge.source));
    };
    await expect.poll(() => ringPayments().then((edges) => edges.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const payments = await ringPayments();
    expect(payments.every((edge) => edge.kind === 'payment')).toBe(true);
    const [link] = payments;
    const merchant = dataset.merchants.merchantId.indexOf(link.target.slice('merchant:'.length));
    const seeded = [...dataset.payments.account.keys()]
      .filter((p) => dataset.payments.account[p] === Number(link.source.replace('account:C', '')) && dataset.payments.merchant[p] === merchant)
      .sort((a, b) => dataset.payments.at[a] - dataset.payments.at[b]);
    expect(link.properties.count).toBe(seeded.length);
    await settle();
    await saveScreenshot(page, 'payments-07-cash-out-payments');

    await graphHook(page).selectEdge(link.id);
    const panel = page.getByTestId('link-details');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('Transaction');
    expect(await panel.getByTestId('link-count').textContent()).toBe(String(seeded.length));
    const rows = panel.getByTestId('link-transaction');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(seeded.length);
    expect(await rows.first().getByTestId('link-transaction-amount').textContent()).toBe(format.number(dataset.payments.amount[seeded[0]], 2));
    await saveScreenshot(page, 'payments-08-payment-link-details');
  });

  it('raised no page or console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
