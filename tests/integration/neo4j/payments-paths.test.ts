/**
 * The path finder over a team's own link kinds, against a real Neo4j holding the payment-network demo
 * shape (`(:Client)-[:PERFORMED]->(:Transaction)-[:TO]->(:Client)`, no transfer relationships) plus
 * small fixtures written beside it: a path through Transaction nodes is drawn as money links between
 * clients, one hop per transaction link, and the investigator's hop limit counts it so; a direct
 * account link (referrals, which the payments shape lacks) is followed when mapped.
 * Like payments-event-links.test.ts, the graph lives in a Neo4j of its own (the next Bolt port).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathLinkTypesResult, PathsResult, PathToKnownBadResult, type SchemaMapping } from '../../../main/api';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { knownBadSearch } from '../../../main/core/money/handlers';
import { discoverGraphNames } from '../../../main/core/schema/discovery';
import { validateMapping } from '../../../main/core/schema/schema-mapping';
import type { PathRequest } from '../../../main/core/sources/graph-source';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { clientIdOf, PAYMENT_NETWORK_SCHEMA_MAPPING, seedPaymentNetworkDataset } from '../../../main/core/sources/neo4j/seed-payment-network';
import { startOwnNeo4jServer } from '../../support/neo4j-test-server';

const dataset = generateDemoDataset({ seed: 20261130, accounts: 1_000 });
const signal = () => new AbortController().signal;
const accountId = (index: number) => `account:${clientIdOf(index)}`;
let stopNeo4j: () => Promise<void> = async () => undefined;
let client: Neo4jClient;
let source: Neo4jGraphSource;
let withReferrals: Neo4jGraphSource;

/**
 * Beside the generated graph: Q0 reaches Q3 over shared phones in 4 hops (4 relationships) and through
 * transactions in 3 hops (6 relationships), so counting relationships would prefer the phones; K0 paid
 * K1, who paid the known-bad K2; R0 and R2 both referred R1; H0 shares a phone used by 32 clients
 * (a hub) with the known-bad H0B, and paid H1, who was paid by the known-bad H2.
 */
const FIXTURE = `
CREATE (q0:Client {clientId: 'FX-Q0'}), (q1:Client {clientId: 'FX-Q1'}), (q2:Client {clientId: 'FX-Q2'}), (q3:Client {clientId: 'FX-Q3'}), (q4:Client {clientId: 'FX-Q4'}),
       (p1:Phone {number: 'FX-P1'}), (p2:Phone {number: 'FX-P2'}),
       (q0)-[:HAS_PHONE]->(p1), (q4)-[:HAS_PHONE]->(p1), (q4)-[:HAS_PHONE]->(p2), (q3)-[:HAS_PHONE]->(p2),
       (q0)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T1', amount: 100.0, ts: datetime('2026-01-01T00:00:00Z')})-[:TO]->(q1),
       (q0)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T2', amount: 50.5, ts: datetime('2026-01-02T00:00:00Z')})-[:TO]->(q1),
       (q2)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T3', amount: 70.0, ts: datetime('2026-01-03T00:00:00Z')})-[:TO]->(q1),
       (q2)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T4', amount: 20.0, ts: datetime('2026-01-04T00:00:00Z')})-[:TO]->(q3),
       (k0:Client {clientId: 'FX-K0', fraud: false}), (k1:Client {clientId: 'FX-K1', fraud: false}), (k2:Client {clientId: 'FX-K2', fraud: true}),
       (k0)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T5', amount: 10.0, ts: datetime('2026-01-05T00:00:00Z')})-[:TO]->(k1),
       (k1)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T6', amount: 10.0, ts: datetime('2026-01-06T00:00:00Z')})-[:TO]->(k2),
       (r0:Client {clientId: 'FX-R0'}), (r1:Client {clientId: 'FX-R1'}), (r2:Client {clientId: 'FX-R2'}),
       (r0)-[:REFERRED]->(r1), (r2)-[:REFERRED]->(r1),
       (h0:Client {clientId: 'FX-H0', fraud: false}), (h1:Client {clientId: 'FX-H1', fraud: false}), (h2:Client {clientId: 'FX-H2', fraud: true}),
       (hub:Phone {number: 'FX-HUB'}), (h0)-[:HAS_PHONE]->(hub), (:Client {clientId: 'FX-H0B', fraud: true})-[:HAS_PHONE]->(hub),
       (h0)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T7', amount: 5.0, ts: datetime('2026-01-07T00:00:00Z')})-[:TO]->(h1),
       (h2)-[:PERFORMED]->(:Transaction {transactionId: 'FX-T8', amount: 5.0, ts: datetime('2026-01-08T00:00:00Z')})-[:TO]->(h1)
WITH hub
UNWIND range(1, 30) AS n
CREATE (:Client {clientId: 'FX-HUB-' + n})-[:HAS_PHONE]->(hub)`;

const request = (overrides: Partial<PathRequest> & Pick<PathRequest, 'fromId' | 'toId'>): PathRequest => ({ linkTypes: ['Transaction'], maxHops: 6, limit: 1, signal: signal(), ...overrides });

/** Clients linked by transfers (seeded as Transaction nodes), either way, self-payments left out. */
function transferNeighbours(): Map<number, Set<number>> {
  const neighbours = new Map<number, Set<number>>();
  const { transfers } = dataset;
  for (let t = 0; t < transfers.count; t++) {
    const [a, b] = [transfers.from[t], transfers.to[t]];
    if (a === b) continue;
    for (const [one, other] of [[a, b], [b, a]]) neighbours.set(one, (neighbours.get(one) ?? new Set()).add(other));
  }
  return neighbours;
}

/** From one client: each reachable client's distance over transfers and how many shortest routes lead there. */
function shortestRoutes(start: number, neighbours: Map<number, Set<number>>): Map<number, { depth: number; routes: number }> {
  const reached = new Map([[start, { depth: 0, routes: 1 }]]);
  let frontier = [start];
  while (frontier.length) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const other of neighbours.get(node) ?? []) {
        const seen = reached.get(other);
        if (!seen) {
          reached.set(other, { depth: reached.get(node)!.depth + 1, routes: reached.get(node)!.routes });
          next.push(other);
        } else if (seen.depth === reached.get(node)!.depth + 1) {
          seen.routes += reached.get(node)!.routes;
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/** The dataset's transfers from one client to another: how many and their total. */
function transfersFromTo(from: number, to: number): { count: number; total: number } {
  const { transfers } = dataset;
  let count = 0;
  let total = 0;
  for (let t = 0; t < transfers.count; t++) {
    if (transfers.from[t] === from && transfers.to[t] === to) {
      count++;
      total += transfers.amount[t];
    }
  }
  return { count, total: Math.round(total * 100) / 100 };
}

beforeAll(async () => {
  const own = await startOwnNeo4jServer('ringscope-int-payments-paths-neo4j-');
  stopNeo4j = own.stop;
  client = Neo4jClient.open({ uri: own.server.uri, user: own.server.user, password: own.server.password, database: null });
  await seedPaymentNetworkDataset(client, dataset);
  await client.writeStatement(FIXTURE);
  const names = await discoverGraphNames(client);
  source = new Neo4jGraphSource({ client, mapping: validateMapping(PAYMENT_NETWORK_SCHEMA_MAPPING, names), name: 'payments', accountCount: null });
  const referrals: SchemaMapping = { ...PAYMENT_NETWORK_SCHEMA_MAPPING, accountLinks: [{ relationshipType: 'REFERRED', directed: true, amountProperty: null, timeProperty: null, weight: 0.5 }] };
  withReferrals = new Neo4jGraphSource({ client, mapping: validateMapping(referrals, names), name: 'payments with referrals', accountCount: null });
});

afterAll(async () => {
  await source?.close();
  await stopNeo4j();
});

describe('paths through Transaction event nodes on the real Neo4j', () => {
  it('offers the event link and direct account links as link kinds, each marked with its mapping entry', () => {
    const offered = PathLinkTypesResult.parse({ linkTypes: withReferrals.pathLinkTypes() }).linkTypes;
    expect(offered).toContainEqual({ type: 'Transaction', kind: 'transfer', identifierKind: null, mappedAs: 'event-link' });
    expect(offered).toContainEqual({ type: 'REFERRED', kind: 'identifier', identifierKind: null, mappedAs: 'account-link' });
    // The event node's own relationship types are never offered: a path must not stop at a Transaction node.
    expect(offered.map((linkType) => linkType.type)).not.toContain('PERFORMED');
    expect(source.pathLinkTypes().map((linkType) => linkType.type)).not.toContain('REFERRED');
  });

  it('finds the shortest route between two clients linked only through transactions, as many hops as transactions, drawn as money links', async () => {
    const neighbours = transferNeighbours();
    const start = [...neighbours.keys()].sort((a, b) => a - b)[0];
    const routes = shortestRoutes(start, neighbours);
    const [goal, { depth, routes: count }] = [...routes].find(([, route]) => route.depth === 3)!;
    const ends = { fromId: accountId(start), toId: accountId(goal) };

    const found = PathsResult.parse(await source.paths(request({ ...ends, maxHops: 3, limit: 100 })));
    expect(found).toMatchObject({ status: 'found', length: depth, truncated: count > 100 });
    expect(found.paths).toHaveLength(Math.min(count, 100));
    // Only clients on the path: the Transaction nodes are folded into the links between them.
    expect(found.nodes.every((node) => node.kind === 'account')).toBe(true);
    for (const path of found.paths) {
      expect(path.nodeIds).toHaveLength(depth + 1);
      expect(path.nodeIds[0]).toBe(ends.fromId);
      expect(path.nodeIds.at(-1)).toBe(ends.toId);
    }
    const byId = new Map(found.edges.map((edge) => [edge.id, edge]));
    for (const edgeId of found.paths.flatMap((path) => path.edgeIds)) {
      const edge = byId.get(edgeId)!;
      // The id Explore gives the folded event link, with the pair's transactions in that direction.
      expect(edge).toMatchObject({ id: `${edge.source}-Transaction->${edge.target}`, type: 'Transaction', kind: 'transfer' });
      const [from, to] = [edge.source, edge.target].map((id) => Number(id.replace('account:C', '')));
      const expected = transfersFromTo(from, to);
      expect(edge.properties).toMatchObject({ count: expected.count, totalAmount: expected.total });
    }
  });

  it('answers "no path within N hops" when the transactions route is longer than the limit', async () => {
    const neighbours = transferNeighbours();
    const start = [...neighbours.keys()].sort((a, b) => a - b)[0];
    const [goal] = [...shortestRoutes(start, neighbours)].find(([, route]) => route.depth === 3)!;
    const result = PathsResult.parse(await source.paths(request({ fromId: accountId(start), toId: accountId(goal), maxHops: 2 })));
    expect(result).toEqual({ status: 'no_path_within_hops', maxHops: 2, length: null, paths: [], truncated: false, nodes: [], edges: [] });
  });

  it('counts a transaction as one hop: 3 transactions beat 4 shared-phone hops, and a limit of 3 hops finds them', async () => {
    const ends = { fromId: 'account:FX-Q0', toId: 'account:FX-Q3' };
    const mixed = PathsResult.parse(await source.paths(request({ ...ends, linkTypes: ['HAS_PHONE', 'Transaction'], maxHops: 3 })));
    expect(mixed).toMatchObject({ status: 'found', length: 3 });
    expect(mixed.paths).toEqual([
      {
        nodeIds: ['account:FX-Q0', 'account:FX-Q1', 'account:FX-Q2', 'account:FX-Q3'],
        edgeIds: ['account:FX-Q0-Transaction->account:FX-Q1', 'account:FX-Q2-Transaction->account:FX-Q1', 'account:FX-Q2-Transaction->account:FX-Q3'],
      },
    ]);
    expect(mixed.edges.find((edge) => edge.id === 'account:FX-Q0-Transaction->account:FX-Q1')?.properties).toMatchObject({ count: 2, totalAmount: 150.5, firstAt: '2026-01-01T00:00:00.000Z', lastAt: '2026-01-02T00:00:00.000Z' });
    // Over phones alone the route is 4 hops (account, phone, account, phone, account).
    const phones = PathsResult.parse(await source.paths(request({ ...ends, linkTypes: ['HAS_PHONE'], maxHops: 4 })));
    expect(phones).toMatchObject({ status: 'found', length: 4 });
    expect(PathsResult.parse(await source.paths(request({ ...ends, linkTypes: ['HAS_PHONE', 'Transaction'], maxHops: 2 }))).status).toBe('no_path_within_hops');
  });

  it('finds the nearest known-bad client through transactions with the default link kinds, within the hop limit only', async () => {
    const search = knownBadSearch(source.pathLinkTypes());
    expect(search.linkTypes).toContain('Transaction');
    const found = PathToKnownBadResult.parse(await source.pathToKnownBad('account:FX-K0', { ...search, maxHops: 2, signal: signal() }));
    expect(found).toMatchObject({
      status: 'found',
      length: 2,
      knownBadId: 'account:FX-K2',
      path: { nodeIds: ['account:FX-K0', 'account:FX-K1', 'account:FX-K2'], edgeIds: ['account:FX-K0-Transaction->account:FX-K1', 'account:FX-K1-Transaction->account:FX-K2'] },
    });
    expect(found.nodes.map((node) => node.kind)).toEqual(['account', 'account', 'account']);
    const tooFar = PathToKnownBadResult.parse(await source.pathToKnownBad('account:FX-K0', { ...search, maxHops: 1, signal: signal() }));
    expect(tooFar.status).toBe('no_path_within_hops');
  });

  it('goes around a hub phone on the way to the nearest known-bad client, as ring detection does', async () => {
    const search = knownBadSearch(source.pathLinkTypes());
    const found = PathToKnownBadResult.parse(await source.pathToKnownBad('account:FX-H0', { ...search, maxHops: 4, signal: signal() }));
    expect(found).toMatchObject({ status: 'found', length: 2, knownBadId: 'account:FX-H2', path: { nodeIds: ['account:FX-H0', 'account:FX-H1', 'account:FX-H2'] } });
    // Without the cutoff the hub makes H0B as near: the smaller account id of the two wins.
    const throughHub = PathToKnownBadResult.parse(await source.pathToKnownBad('account:FX-H0', { ...search, hubCutoff: 100, maxHops: 4, signal: signal() }));
    expect(throughHub).toMatchObject({ status: 'found', length: 2, knownBadId: 'account:FX-H0B' });
    expect(throughHub.nodes.map((node) => node.kind)).toEqual(['account', 'phone', 'account']);
  });

  it('refuses a link kind the mapping does not have, naming it', async () => {
    await expect(source.paths(request({ fromId: 'account:FX-R0', toId: 'account:FX-R2', linkTypes: ['Transaction', 'REFERRED'] }))).rejects.toThrow(/REFERRED/);
  });
});

describe('paths over a direct account link on the real Neo4j', () => {
  it('follows a mapped referral link either way, drawn with the relationship type', async () => {
    const found = PathsResult.parse(await withReferrals.paths(request({ fromId: 'account:FX-R0', toId: 'account:FX-R2', linkTypes: ['REFERRED'], maxHops: 2 })));
    expect(found).toMatchObject({ status: 'found', length: 2 });
    expect(found.paths).toEqual([{ nodeIds: ['account:FX-R0', 'account:FX-R1', 'account:FX-R2'], edgeIds: ['account:FX-R0-REFERRED->account:FX-R1', 'account:FX-R2-REFERRED->account:FX-R1'] }]);
    expect(PathsResult.parse(await withReferrals.paths(request({ fromId: 'account:FX-R0', toId: 'account:FX-R2', linkTypes: ['REFERRED'], maxHops: 1 }))).status).toBe('no_path_within_hops');
  });

  it('mixes direct account links and transactions on one path', async () => {
    await client.writeStatement(`MATCH (q3:Client {clientId: 'FX-Q3'}), (r0:Client {clientId: 'FX-R0'}) CREATE (r0)-[:REFERRED]->(q3)`);
    const found = PathsResult.parse(await withReferrals.paths(request({ fromId: 'account:FX-R1', toId: 'account:FX-Q2', linkTypes: ['REFERRED', 'Transaction'], maxHops: 3 })));
    expect(found.paths).toEqual([
      {
        nodeIds: ['account:FX-R1', 'account:FX-R0', 'account:FX-Q3', 'account:FX-Q2'],
        edgeIds: ['account:FX-R0-REFERRED->account:FX-R1', 'account:FX-R0-REFERRED->account:FX-Q3', 'account:FX-Q2-Transaction->account:FX-Q3'],
      },
    ]);
  });
});
