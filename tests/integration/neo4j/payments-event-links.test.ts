/**
 * Money through event nodes in Explore, against a real Neo4j holding the payment-network demo shape
 * (`(:Client)-[:PERFORMED]->(:Transaction)-[:TO]->(:Client)`): expanding a client, opening a ring,
 * the transactions table and the link panel show the transactions as money links client → client,
 * folded per pair, with the amounts and times of the Transaction nodes.
 * The payment network lives in a Neo4j of its own (the next Bolt port, a throwaway data folder), so
 * the shared test Neo4j keeps the demo schema the other integration tests read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpandResult, Subgraph, TransactionsResult, type LinkDetails } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { createMoneyGraphHandlers } from '../../../main/core/money/handlers';
import { discoverGraphNames } from '../../../main/core/schema/discovery';
import { detectRingClusters } from '../../../main/core/analytics/pipeline';
import { DEFAULT_PROJECTION_OPTIONS } from '../../../main/core/analytics/projection';
import { loadedDetectionGraph } from '../../../main/core/rings/detection-graph';
import { unpacked } from '../../../main/core/analytics/shared-columns';
import { discoverSchema } from '../../../main/core/schema/discovery';
import { validateMapping } from '../../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { loadSubgraph } from '../../../main/core/sources/neo4j/subgraph-load';
import { clientIdOf, PAYMENT_NETWORK_SCHEMA_MAPPING, seedPaymentNetworkDataset } from '../../../main/core/sources/neo4j/seed-payment-network';
import { startOwnNeo4jServer } from '../../support/neo4j-test-server';

const dataset = generateDemoDataset({ seed: 20261130, accounts: 1_000 });
const signal = () => new AbortController().signal;
let stopNeo4j: () => Promise<void> = async () => undefined;
let source: Neo4jGraphSource;
let client: Neo4jClient;

/** The dataset's transfers from one client to another, as the Transaction nodes seeded for them. */
function transfersBetween(from: number, to: number): { amount: number; at: string }[] {
  const found: { amount: number; at: string }[] = [];
  const { transfers } = dataset;
  for (let t = 0; t < transfers.count; t++) {
    if (transfers.from[t] === from && transfers.to[t] === to) found.push({ amount: transfers.amount[t], at: new Date(Math.trunc(transfers.at[t])).toISOString() });
  }
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/** A pair of clients with the most transfers between them (folding must show a count above one). */
function busiestPair(): { from: number; to: number } {
  const counts = new Map<string, number>();
  const { transfers } = dataset;
  for (let t = 0; t < transfers.count; t++) {
    if (transfers.from[t] === transfers.to[t]) continue;
    const key = `${transfers.from[t]} ${transfers.to[t]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const [from, to] = key.split(' ').map(Number);
  return { from, to };
}

/** The client and merchant with the most payments between them, and those payments (oldest first). */
function busiestPayment(): { client: number; merchant: number; payments: { amount: number; at: string }[] } {
  const { payments } = dataset;
  const counts = new Map<string, number>();
  for (let p = 0; p < payments.count; p++) counts.set(`${payments.account[p]} ${payments.merchant[p]}`, (counts.get(`${payments.account[p]} ${payments.merchant[p]}`) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const [client, merchant] = key.split(' ').map(Number);
  const found: { amount: number; at: string }[] = [];
  for (let p = 0; p < payments.count; p++) {
    if (payments.account[p] === client && payments.merchant[p] === merchant) found.push({ amount: payments.amount[p], at: new Date(Math.trunc(payments.at[p])).toISOString() });
  }
  return { client, merchant, payments: found.sort((a, b) => a.at.localeCompare(b.at)) };
}

const { from, to } = busiestPair();
const fromId = `account:${clientIdOf(from)}`;
const toId = `account:${clientIdOf(to)}`;
const expected = transfersBetween(from, to);
const total = (amounts: number[]) => Math.round(amounts.reduce((sum, amount) => sum + amount, 0) * 100) / 100;

beforeAll(async () => {
  const own = await startOwnNeo4jServer('ringscope-int-payments-neo4j-');
  stopNeo4j = own.stop;
  client = Neo4jClient.open({ uri: own.server.uri, user: own.server.user, password: own.server.password, database: null });
  await seedPaymentNetworkDataset(client, dataset);
  const mapping = validateMapping(PAYMENT_NETWORK_SCHEMA_MAPPING, await discoverGraphNames(client));
  source = new Neo4jGraphSource({ client, mapping, name: 'payments', accountCount: dataset.accounts.count });
});

afterAll(async () => {
  await source?.close();
  await stopNeo4j();
});

describe('money moving through Transaction event nodes, read as money links between clients', () => {
  it('expanding a client draws the clients it paid through transactions, folded per pair with count, total and time span', async () => {
    expect(expected.length).toBeGreaterThan(1);
    const expanded = ExpandResult.parse(await source.expand(fromId, { limit: 200, offset: 0, signal: signal() }));
    expect(expanded.nodes.map((node) => node.id)).toContain(toId);
    const edge = expanded.edges.find((candidate) => candidate.source === fromId && candidate.target === toId);
    expect(edge).toMatchObject({
      id: `${fromId}-Transaction->${toId}`,
      type: 'Transaction',
      kind: 'transfer',
      properties: { count: expected.length, totalAmount: total(expected.map((link) => link.amount)), firstAt: expected[0].at, lastAt: expected.at(-1)!.at },
    });
    // The page counts the transaction counterparts too, so paging neither hides nor repeats one.
    const counterparts = new Set<number>();
    for (let t = 0; t < dataset.transfers.count; t++) {
      if (dataset.transfers.from[t] === from && dataset.transfers.to[t] !== from) counterparts.add(dataset.transfers.to[t]);
      if (dataset.transfers.to[t] === from && dataset.transfers.from[t] !== from) counterparts.add(dataset.transfers.from[t]);
    }
    const accountNeighbours = expanded.nodes.filter((node) => node.kind === 'account').map((node) => node.id);
    expect(accountNeighbours.sort()).toEqual([...counterparts].map((index) => `account:${clientIdOf(index)}`).sort());
    // The details panel counts them under the event label, with the merchants the client paid through one.
    const merchantsPaid = new Set<number>();
    for (let p = 0; p < dataset.payments.count; p++) if (dataset.payments.account[p] === from) merchantsPaid.add(dataset.payments.merchant[p]);
    const details = await source.nodeDetails(fromId);
    expect(details.neighbourCounts).toContainEqual({ type: 'Transaction', count: counterparts.size + merchantsPaid.size });
    const firstPage = await source.expand(fromId, { limit: 1, offset: 0, signal: signal() });
    expect(firstPage.totalNeighbours).toBe(expanded.totalNeighbours);
    expect(firstPage.nextOffset).toBe(1);
  });

  it('opening a ring of clients draws the transactions among them as folded money links', async () => {
    const drawn = Subgraph.parse(await source.subgraph([fromId, toId], { includeSharedIdentifiers: true, signal: signal() }));
    const edge = drawn.edges.find((candidate) => candidate.id === `${fromId}-Transaction->${toId}`);
    expect(edge?.kind).toBe('transfer');
    expect(edge?.properties.count).toBe(expected.length);
    expect(edge?.properties.totalAmount).toBe(total(expected.map((link) => link.amount)));
  });

  it('lists every transaction between the clients, oldest first, for the transactions table and the timeline, inside a time window', async () => {
    const listed = TransactionsResult.parse(await source.moneyLinks([fromId, toId], { window: null, limit: 5_000, signal: signal() }));
    const forward = listed.links.filter((link) => link.source === fromId && link.target === toId);
    expect(forward.map(({ type, kind, amount, currency, at }) => ({ type, kind, amount, currency, at }))).toEqual(
      expected.map(({ amount, at }) => ({ type: 'Transaction', kind: 'transfer', amount: Math.round(amount * 100) / 100, currency: null, at })),
    );
    const window = { from: expected[1].at, to: null };
    const later = await source.moneyLinks([fromId, toId], { window, limit: 5_000, signal: signal() });
    expect(later.links.filter((link) => link.source === fromId && link.target === toId)).toHaveLength(expected.length - 1);
  });

  it('follows the money through transaction nodes, forward and backward', async () => {
    const forward = await source.followMoney(fromId, { direction: 'forward', maxHops: 1, window: null, limit: 2_000, signal: signal() });
    expect(forward.links.filter((link) => link.target === toId).map((link) => link.at)).toEqual(expected.map((link) => link.at));
    const backward = await source.followMoney(toId, { direction: 'backward', maxHops: 1, window: null, limit: 2_000, signal: signal() });
    expect(backward.links.filter((link) => link.source === fromId).map((link) => ({ type: link.type, amount: link.amount }))).toEqual(
      expected.map((link) => ({ type: 'Transaction', amount: Math.round(link.amount * 100) / 100 })),
    );
  });

  it('the link panel reads one folded transaction link with every transaction behind it', async () => {
    const dispatcher = new ApiDispatcher({ graph: createMoneyGraphHandlers(source, async () => undefined) } as unknown as ApiHandlers, { validateOutput: true });
    const envelope = await dispatcher.call('graph', 'linkDetails', { source: fromId, target: toId, type: 'Transaction' }, { user: 'ana' });
    if (!envelope.ok) throw new Error(envelope.error.message);
    const details = envelope.value as LinkDetails;
    expect(details.edge.kind).toBe('transfer');
    expect(details.edge.properties.count).toBe(expected.length);
    expect(details.links.map((link) => link.at)).toEqual(expected.map((link) => link.at));
  });
});

describe('transactions to merchants, read as payments through event nodes', () => {
  it('discovery proposes Transaction -[:TO]-> Merchant as payments to merchants told apart by merchantId, with a note', async () => {
    const discovered = await discoverSchema(client);
    expect(discovered.proposedMapping.eventLinks).toContainEqual({
      fromType: 'PERFORMED',
      eventLabel: 'Transaction',
      toType: 'TO',
      farEnd: { kind: 'merchant', label: 'Merchant', idProperty: 'merchantId' },
      amountProperty: 'amount',
      timeProperty: 'ts',
      weight: 0.5,
    });
    expect(discovered.notes).toContainEqual(expect.objectContaining({ code: 'event-payment-proposed', params: expect.objectContaining({ merchantLabel: 'Merchant', merchantIdProperty: 'merchantId' }) }));
    expect(validateMapping(discovered.proposedMapping, discovered).eventLinks).toHaveLength(2);
  });

  it('the whole-graph load reads every transaction to a merchant as a payment, and a planted cash-out ring gets the cash-out reason', async () => {
    const mapping = validateMapping(PAYMENT_NETWORK_SCHEMA_MAPPING, await discoverGraphNames(client));
    const loaded = await loadSubgraph(client, mapping, { wholeGraph: true }, { maxRelationships: Number.MAX_SAFE_INTEGER });
    expect(loaded.payments.count).toBe(dataset.payments.count);
    const amounts = (list: ArrayLike<number>) => Array.from(list).sort((a, b) => a - b);
    expect(amounts(loaded.payments.amount)).toEqual(amounts(dataset.payments.amount));
    expect(new Set(unpacked(loaded.merchantIds))).toEqual(new Set(Array.from(dataset.payments.merchant, (m) => dataset.merchants.merchantId[m])));
    // Money to merchants never links two clients: only transactions between clients are account links.
    expect(loaded.accountLinks?.count).toBe(dataset.transfers.count);

    const cashOut = dataset.plantedRings.find((ring) => ring.kind === 'cash-out');
    if (!cashOut) throw new Error('the dataset plants no cash-out ring');
    const positionOf = new Map(unpacked(loaded.accountIds).map((id, position) => [id, position]));
    const members = new Set(cashOut.members.map((member) => positionOf.get(clientIdOf(member))));
    const { clusters } = detectRingClusters(loaded);
    const found = clusters.find((cluster) => cluster.members.filter((member) => members.has(member)).length >= members.size / 2);
    expect(found?.reasons.map((reason) => reason.kind)).toContain('round-amount-payments');
  });

  it('expanding a client draws the merchants it paid through transactions, folded per client and merchant, and the merchant lists its payers', async () => {
    const { client: payer, merchant, payments } = busiestPayment();
    const payerId = `account:${clientIdOf(payer)}`;
    const merchantNodeId = `merchant:${dataset.merchants.merchantId[merchant]}`;
    const payers = new Set<number>();
    for (let p = 0; p < dataset.payments.count; p++) if (dataset.payments.merchant[p] === merchant) payers.add(dataset.payments.account[p]);
    const expanded = ExpandResult.parse(await source.expand(payerId, { limit: 500, offset: 0, signal: signal() }));
    // Its degree counts its payers, so a merchant paid by many is drawn as a hub with its count.
    expect(expanded.nodes.find((node) => node.id === merchantNodeId)).toMatchObject({ kind: 'merchant', key: dataset.merchants.merchantId[merchant], degree: payers.size });
    expect(expanded.edges.find((edge) => edge.source === payerId && edge.target === merchantNodeId)).toMatchObject({
      id: `${payerId}-Transaction->${merchantNodeId}`,
      type: 'Transaction',
      kind: 'payment',
      properties: { count: payments.length, totalAmount: total(payments.map((payment) => payment.amount)), firstAt: payments[0].at, lastAt: payments.at(-1)!.at },
    });
    // Every merchant the client paid is drawn, besides the clients it paid or was paid by.
    const paid = new Set<number>();
    for (let p = 0; p < dataset.payments.count; p++) if (dataset.payments.account[p] === payer) paid.add(dataset.payments.merchant[p]);
    expect(expanded.nodes.filter((node) => node.kind === 'merchant').map((node) => node.id).sort()).toEqual([...paid].map((m) => `merchant:${dataset.merchants.merchantId[m]}`).sort());
    const firstPage = await source.expand(payerId, { limit: 1, offset: 0, signal: signal() });
    expect(firstPage.totalNeighbours).toBe(expanded.totalNeighbours);

    // Searching the merchant's id finds the same node.
    const [hit] = await source.search(dataset.merchants.merchantId[merchant], 10, signal());
    expect(hit.node).toMatchObject({ id: merchantNodeId, degree: payers.size });
    // The merchant's payers, paged like any hub's neighbours.
    const page = ExpandResult.parse(await source.expand(merchantNodeId, { limit: 5, offset: 0, signal: signal() }));
    expect(page.centerId).toBe(merchantNodeId);
    expect(page.totalNeighbours).toBe(payers.size);
    expect(page.nodes).toHaveLength(Math.min(5, payers.size));
    expect(page.edges.every((edge) => edge.target === merchantNodeId && edge.kind === 'payment')).toBe(true);
    const details = await source.nodeDetails(merchantNodeId);
    expect(details.neighbourCounts).toContainEqual({ type: 'Transaction', count: payers.size });
    expect(details.node.degree).toBe(payers.size);

    // The link panel and the transactions table read each payment behind the folded link.
    const dispatcher = new ApiDispatcher({ graph: createMoneyGraphHandlers(source, async () => undefined) } as unknown as ApiHandlers, { validateOutput: true });
    const envelope = await dispatcher.call('graph', 'linkDetails', { source: payerId, target: merchantNodeId, type: 'Transaction' }, { user: 'ana' });
    if (!envelope.ok) throw new Error(envelope.error.message);
    const linkDetails = envelope.value as LinkDetails;
    expect(linkDetails.edge.kind).toBe('payment');
    expect(linkDetails.links.map(({ kind, amount, at }) => ({ kind, amount, at }))).toEqual(payments.map(({ amount, at }) => ({ kind: 'payment', amount: Math.round(amount * 100) / 100, at })));
    const forward = await source.followMoney(payerId, { direction: 'forward', maxHops: 1, window: null, limit: 2_000, signal: signal() });
    expect(forward.links.filter((link) => link.target === merchantNodeId)).toHaveLength(payments.length);
  });

  it('opening a planted cash-out ring, as detection names it, draws its merchant and the members\' payments to it', async () => {
    const cashOut = dataset.plantedRings.find((ring) => ring.kind === 'cash-out');
    if (!cashOut) throw new Error('the dataset plants no cash-out ring');
    const mapping = validateMapping(PAYMENT_NETWORK_SCHEMA_MAPPING, await discoverGraphNames(client));
    const loaded = await loadSubgraph(client, mapping, { wholeGraph: true }, { maxRelationships: Number.MAX_SAFE_INTEGER });
    const graph = loadedDetectionGraph(loaded, DEFAULT_PROJECTION_OPTIONS.supernodeCutoff);
    const planted = new Set(cashOut.members.map((member) => `account:${clientIdOf(member)}`));
    const { clusters } = detectRingClusters(graph.input);
    const found = clusters.find((cluster) => cluster.members.filter((member) => planted.has(graph.accountNodeId(member))).length >= planted.size / 2);
    const cashOutReason = found?.reasons.find((reason) => reason.kind === 'round-amount-payments');
    const citedPayments = cashOutReason?.evidence?.payments;
    if (!found || !citedPayments) throw new Error('detection finds no cash-out ring with the payments it cites');
    // The node ids the rings screen opens: the members and the merchants the reason cites.
    const memberIds = found.members.map((member) => graph.accountNodeId(member));
    const merchantIds = [...new Set(citedPayments.map((payment) => graph.merchantNodeId(graph.input.payments.merchant[payment])))];
    expect(merchantIds.length).toBeGreaterThan(0);
    const drawn = Subgraph.parse(await source.subgraph([...memberIds, ...merchantIds], { includeSharedIdentifiers: true, signal: signal() }));
    for (const merchantNodeId of merchantIds) {
      const merchant = dataset.merchants.merchantId.indexOf(merchantNodeId.slice('merchant:'.length));
      const payers = new Set(Array.from(dataset.payments.account).filter((_, p) => dataset.payments.merchant[p] === merchant));
      expect(drawn.nodes.find((node) => node.id === merchantNodeId)).toMatchObject({ kind: 'merchant', degree: payers.size });
      const members = new Set(memberIds);
      let paid = 0;
      for (let p = 0; p < dataset.payments.count; p++) if (dataset.payments.merchant[p] === merchant && members.has(`account:${clientIdOf(dataset.payments.account[p])}`)) paid++;
      expect(paid).toBeGreaterThan(0);
      const toMerchant = drawn.edges.filter((edge) => edge.target === merchantNodeId);
      expect(toMerchant.every((edge) => edge.kind === 'payment' && edge.type === 'Transaction' && members.has(edge.source))).toBe(true);
      expect(toMerchant.reduce((sum, edge) => sum + Number(edge.properties.count), 0)).toBe(paid);
      // The transactions table and the timeline list each of them.
      const listed = await source.moneyLinks([...memberIds, merchantNodeId], { window: null, limit: 5_000, signal: signal() });
      expect(listed.links.filter((link) => link.target === merchantNodeId && link.kind === 'payment')).toHaveLength(paid);
    }
  });
});
