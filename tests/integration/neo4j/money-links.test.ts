import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TransactionsResult, type MoneyLink } from '../../../main/api';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import type { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { connectSeededSources, type SeededSources } from '../../support/seeded-sources';

const server = inject('neo4j');
const signal = () => new AbortController().signal;

let dataset: DemoDataset;
let embedded: EmbeddedGraphSource;
let sources: SeededSources;
let neo4j: Neo4jGraphSource;

/** What must agree between the sources: everything but the source-specific link id. */
const comparable = (links: MoneyLink[]) => links.map(({ id: _id, ...rest }) => rest);

beforeAll(async () => {
  sources = await connectSeededSources(server);
  ({ dataset, embedded, neo4j } = sources);
});

afterAll(async () => {
  await sources?.close();
});

describe('money links among selected accounts on the real Neo4j', () => {
  it('lists the same transfers and payments as the embedded graph, oldest first, inside a time window', async () => {
    // A ring's worth of accounts around the first transfer, and the merchant the first payment went to.
    const { transfers, payments, merchants } = dataset;
    const accounts = new Set([transfers.from[0], transfers.to[0], payments.account[0]]);
    for (let t = 0; t < transfers.count && accounts.size < 40; t++) if (accounts.has(transfers.from[t])) accounts.add(transfers.to[t]);
    const nodeIds = [...[...accounts].map((index) => embedded.accountNodeId(index)), `merchant:${merchants.merchantId[payments.merchant[0]]}`];
    const all = TransactionsResult.parse(await neo4j.moneyLinks(nodeIds, { window: null, limit: 5_000, signal: signal() }));
    const expected = await embedded.moneyLinks(nodeIds, { window: null, limit: 5_000, signal: signal() });
    expect(all.links.length).toBeGreaterThan(10);
    expect(all.links.some((link) => link.kind === 'payment')).toBe(true);
    expect(comparable(all.links)).toEqual(comparable(expected.links));

    const window = { from: all.links[3].at, to: all.links[all.links.length - 3].at };
    const inWindow = await neo4j.moneyLinks(nodeIds, { window, limit: 5_000, signal: signal() });
    expect(comparable(inWindow.links)).toEqual(comparable((await embedded.moneyLinks(nodeIds, { window, limit: 5_000, signal: signal() })).links));
    expect(inWindow.links.length).toBeLessThan(all.links.length);

    const capped = await neo4j.moneyLinks(nodeIds, { window: null, limit: 2, signal: signal() });
    expect(capped.truncated).toBe(true);
    expect(comparable(capped.links)).toEqual(comparable(all.links.slice(0, 2)));
  });

  it('follows the money forward and backward over three hops like the embedded graph', async () => {
    const nodeId = embedded.accountNodeId(dataset.transfers.from[0]);
    for (const direction of ['forward', 'backward'] as const) {
      const options = { direction, maxHops: 3, window: null, limit: 2_000, signal: signal() };
      const fromNeo4j = await neo4j.followMoney(nodeId, options);
      const fromEmbedded = await embedded.followMoney(nodeId, options);
      expect(fromNeo4j.links.length, direction).toBeGreaterThan(0);
      const sorted = (links: MoneyLink[]) => comparable(links).sort((a, b) => `${a.at}${a.source}${a.target}${a.amount}`.localeCompare(`${b.at}${b.source}${b.target}${b.amount}`));
      expect(sorted(fromNeo4j.links), direction).toEqual(sorted(fromEmbedded.links));
      expect(fromNeo4j.nodes.map((node) => node.id).sort()).toEqual(fromEmbedded.nodes.map((node) => node.id).sort());
    }
  });
});
