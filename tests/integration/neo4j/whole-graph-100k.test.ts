/**
 * The whole-graph load past 100,000 accounts, with no cut-off anywhere (a cap, a window, a page size
 * would show as a smaller count). The shared test database holds the 20k-account demo graph, so the
 * accounts are written beside it under labels of their own, in one server-side UNWIND (seconds),
 * read through a mapping of those labels, and deleted afterwards.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unpacked } from '../../../main/core/analytics/shared-columns';
import { discoverGraphNames } from '../../../main/core/schema/discovery';
import { validateMapping, type ValidatedMapping } from '../../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { loadSubgraph } from '../../../main/core/sources/neo4j/subgraph-load';

const server = inject('neo4j');
const ACCOUNTS = 100_250;
/** Every account uses one of these devices: each is shared by ~25 accounts, below the supernode cutoff. */
const DEVICES = 4_010;
let client: Neo4jClient;
let driver: Driver;

async function run(text: string, params: Record<string, unknown> = {}): Promise<void> {
  const session = driver.session();
  try {
    await session.run(text, params);
  } finally {
    await session.close();
  }
}

async function removeProbeGraph(): Promise<void> {
  await run('MATCH (n) WHERE n:StreamProbeAccount OR n:StreamProbeDevice CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS');
}

beforeAll(async () => {
  client = Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
  driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  await removeProbeGraph();
  await run('CREATE CONSTRAINT stream_probe_account IF NOT EXISTS FOR (n:StreamProbeAccount) REQUIRE n.probeId IS UNIQUE');
  await run('UNWIND range(0, $devices - 1) AS d CREATE (:StreamProbeDevice {deviceId: d})', { devices: neo4j.int(DEVICES) });
  await run(
    `MATCH (device:StreamProbeDevice)
     WITH collect(device) AS devices
     UNWIND range(0, $accounts - 1) AS a
     WITH a, devices[a % size(devices)] AS device
     CREATE (:StreamProbeAccount {probeId: 'P' + a})-[:PROBE_USES_DEVICE]->(device)`,
    { accounts: neo4j.int(ACCOUNTS) },
  );
});

afterAll(async () => {
  await removeProbeGraph();
  await run('DROP CONSTRAINT stream_probe_account IF EXISTS');
  await client?.close();
  await driver?.close();
});

describe('Whole-graph streaming past 100,000 accounts', () => {
  it('reads every one of 100,250 accounts and every link, untruncated', async () => {
    const names = await discoverGraphNames(client);
    const mapping: ValidatedMapping = validateMapping(
      {
        account: { label: 'StreamProbeAccount', idProperty: 'probeId', createdAtProperty: null, riskScoreProperty: null, blacklistedProperty: null },
        identifiers: [{ kind: 'device', label: 'StreamProbeDevice', valueProperty: 'deviceId', relationshipType: 'PROBE_USES_DEVICE', weight: null }],
        transfer: null,
        payment: null,
      },
      names,
    );
    const loaded = await loadSubgraph(client, mapping, { wholeGraph: true }, { maxRelationships: Number.MAX_SAFE_INTEGER });
    expect(loaded.truncated).toBe(false);
    expect(loaded.accounts.count).toBe(ACCOUNTS);
    expect(new Set(unpacked(loaded.accountIds)).size).toBe(ACCOUNTS);
    expect(loaded.identifierLinks.count).toBe(ACCOUNTS);
    expect(loaded.identifiers.count).toBe(DEVICES);
    expect(loaded.collapsedHubs).toBe(0);
  });
});
