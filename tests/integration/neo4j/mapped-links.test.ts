/**
 * A team graph whose evidence is not shared identifiers: clients linked by calls (direct account
 * links) and by transaction nodes between them (event-node links), written under labels of its own
 * so the seeded demo graph other tests count stays untouched, and removed afterwards.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runRingPipeline } from '../../../main/core/analytics/pipeline';
import { unpacked } from '../../../main/core/analytics/shared-columns';
import { discoverGraphNames } from '../../../main/core/schema/discovery';
import { validateMapping, type ValidatedMapping } from '../../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { loadSubgraph } from '../../../main/core/sources/neo4j/subgraph-load';

const server = inject('neo4j');
let driver: Driver;
let client: Neo4jClient;
let mapping: ValidatedMapping;

// c0 is known-bad and called c1; c1 → c2 → c3 → c1 paid each other through transaction nodes
// (one amount stored as text), c1 paid c2 a second time; c3 is a verified (known-good) client; c4
// and c5 only call each other; c6 has no links.
const FIXTURE = `
  UNWIND range(0, 6) AS i
  CREATE (:RsLinkClient {clientId: 'C' + i, flagged: i = 0, verified: i = 3})
  WITH count(*) AS created
  MATCH (c0:RsLinkClient {clientId: 'C0'}), (c1:RsLinkClient {clientId: 'C1'}), (c2:RsLinkClient {clientId: 'C2'}),
        (c3:RsLinkClient {clientId: 'C3'}), (c4:RsLinkClient {clientId: 'C4'}), (c5:RsLinkClient {clientId: 'C5'})
  CREATE (c0)-[:RS_LINK_CALLED {seconds: 60}]->(c1)
  CREATE (c4)-[:RS_LINK_CALLED {seconds: 5}]->(c5)
  CREATE (c1)-[:RS_LINK_PERFORMED]->(:RsLinkTxn {amount: 5000.0, ts: datetime('2025-06-01T10:00:00Z')})-[:RS_LINK_TO]->(c2)
  CREATE (c1)-[:RS_LINK_PERFORMED]->(:RsLinkTxn {amount: 120.0, ts: datetime('2025-06-03T09:00:00Z')})-[:RS_LINK_TO]->(c2)
  CREATE (c2)-[:RS_LINK_PERFORMED]->(:RsLinkTxn {amount: 4900.0, ts: 1748775600})-[:RS_LINK_TO]->(c3)
  CREATE (c3)-[:RS_LINK_PERFORMED]->(:RsLinkTxn {amount: 'a lot', ts: '2025-06-01T12:00:00Z'})-[:RS_LINK_TO]->(c1)`;

beforeAll(async () => {
  driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  await driver.executeQuery('MATCH (n) WHERE n:RsLinkClient OR n:RsLinkTxn DETACH DELETE n');
  await driver.executeQuery(FIXTURE);
  client = Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
  mapping = validateMapping(
    {
      account: { label: 'RsLinkClient', idProperty: 'clientId', createdAtProperty: null, riskScoreProperty: null, blacklistedProperty: 'flagged', knownGoodProperty: 'verified', communityProperty: null },
      identifiers: [],
      transfer: null,
      payment: null,
      accountLinks: [{ relationshipType: 'RS_LINK_CALLED', directed: false, amountProperty: null, timeProperty: null, weight: 0.5 }],
      eventLinks: [{ fromType: 'RS_LINK_PERFORMED', eventLabel: 'RsLinkTxn', toType: 'RS_LINK_TO', farEnd: { kind: 'account' as const }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.8 }],
    },
    await discoverGraphNames(client),
  );
});

afterAll(async () => {
  await driver?.executeQuery('MATCH (n) WHERE n:RsLinkClient OR n:RsLinkTxn DETACH DELETE n');
  await driver?.close();
  await client?.close();
});

describe('direct and event-node links from a real Neo4j', () => {
  it('loads every call and every transaction node as a link, money with its amount and time', async () => {
    const loaded = await loadSubgraph(client, mapping, { window: { offset: 0, limit: 100 } }, { maxRelationships: 10_000 });
    expect(loaded.accounts.count).toBe(7);
    expect(loaded.accountLinks?.count).toBe(6);
    expect(loaded.relationships).toBe(6);
    const accountIds = unpacked(loaded.accountIds);
    // Each transaction node is one flow (clusters count them per pair); a call is a standing link.
    const links = loaded.accountLinks!;
    const flowsByLink = Array.from({ length: links.count }, (_, l) => `${accountIds[links.from[l]]}>${accountIds[links.to[l]]}:${links.flow?.[l]}`);
    expect(flowsByLink.sort()).toEqual(['C0>C1:0', 'C1>C2:1', 'C1>C2:1', 'C2>C3:1', 'C3>C1:1', 'C4>C5:0']);
    const flows = Array.from({ length: loaded.transfers.count }, (_, t) => ({
      from: accountIds[loaded.transfers.from[t]],
      to: accountIds[loaded.transfers.to[t]],
      amount: loaded.transfers.amount[t],
      at: loaded.transfers.at[t],
    }));
    // In time order: the order a client's transaction nodes are read in is the database's.
    expect(flows.sort((a, b) => a.at - b.at)).toEqual([
      { from: 'C1', to: 'C2', amount: 5000, at: Date.parse('2025-06-01T10:00:00Z') },
      { from: 'C2', to: 'C3', amount: 4900, at: Date.parse('2025-06-01T11:00:00Z') },
      { from: 'C3', to: 'C1', amount: Number.NaN, at: Date.parse('2025-06-01T12:00:00Z') },
      { from: 'C1', to: 'C2', amount: 120, at: Date.parse('2025-06-03T09:00:00Z') },
    ]);
  });

  it('propagates risk from the known-bad client along calls and transaction nodes only', async () => {
    const input = await loadSubgraph(client, mapping, { window: { offset: 0, limit: 100 } }, { maxRelationships: 10_000 });
    const result = runRingPipeline(input, { includeUnflagged: true });
    const accountIds = unpacked(input.accountIds);
    const riskOf = (id: string) => result.risk.score[accountIds.indexOf(id)];
    for (const reached of ['C1', 'C2', 'C3']) expect(riskOf(reached)).toBeGreaterThan(0);
    for (const unreached of ['C4', 'C5', 'C6']) expect(riskOf(unreached)).toBe(0);
    // Two-sided: the known-good client pulls the share of bad mass down around itself.
    const relativeOf = (id: string) => result.risk.relative![accountIds.indexOf(id)];
    expect(Array.from(input.accounts.knownGood!)).toEqual(accountIds.map((id) => (id === 'C3' ? 1 : 0)));
    expect(relativeOf('C1')).toBeGreaterThan(relativeOf('C3'));
    expect(relativeOf('C6')).toBe(0);
    // Clusters follow the call and the pair that paid twice, not C3's single payments (whose amounts make no cycle).
    const ring = result.clusters.find((cluster) => cluster.members.includes(accountIds.indexOf('C2')));
    expect(ring?.members.map((account) => accountIds[account])).toEqual(['C0', 'C1', 'C2']);
  });
});
