import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../../main/api';
import { packedAt, unpacked } from '../../../main/core/analytics/shared-columns';
import { userIdOf } from '../../../main/core/demo/dataset';
import { DEMO_SCHEMA_MAPPING, type ValidatedMapping } from '../../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { loadSubgraph } from '../../../main/core/sources/neo4j/subgraph-load';

const server = inject('neo4j');
const mapping = DEMO_SCHEMA_MAPPING as ValidatedMapping;
let client: Neo4jClient;

beforeAll(() => {
  client = Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
});
afterAll(async () => {
  await client?.close();
});

describe('Streaming subgraph load from Neo4j', () => {
  it('streams more than 50,000 relationships into ring-detection columns, reporting progress', async () => {
    const progress: number[] = [];
    const loaded = await loadSubgraph(client, mapping, { window: { offset: 0, limit: server.accounts } }, {
      maxRelationships: 1_000_000,
      onProgress: (done) => progress.push(done),
    });
    expect(loaded.relationships).toBeGreaterThan(50_000);
    expect(loaded.truncated).toBe(false);
    expect(loaded.accounts.count).toBe(server.accounts);
    expect(loaded.identifierLinks.count + loaded.unsharedIdentifierLinks + loaded.transfers.count + loaded.payments.count).toBe(loaded.relationships);
    // Most identifiers (a person's own phone, device, e-mail) link one account only: counted, not kept.
    expect(loaded.unsharedIdentifierLinks).toBeGreaterThan(loaded.identifierLinks.count);
    expect([...loaded.identifiers.accountCount].every((sharers) => sharers >= 2)).toBe(true);
    // Links sorted by account, every index inside its column.
    const { account, identifier } = loaded.identifierLinks;
    expect(account.every((a, i) => i === 0 || account[i - 1] <= a)).toBe(true);
    expect(identifier.reduce((max, j) => Math.max(max, j), 0)).toBeLessThan(loaded.identifiers.count);
    expect(packedAt(loaded.accountIds, 0)).toBe(userIdOf(0));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((done, i) => i === 0 || progress[i - 1] <= done)).toBe(true);
  });

  it('streams the whole graph with no cut-off: every account and as many links as the database holds', async () => {
    const loaded = await loadSubgraph(client, mapping, { wholeGraph: true }, { maxRelationships: 10_000_000 });
    const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
    try {
      const { records } = await driver.executeQuery(
        `MATCH (u:User) WITH count(u) AS accounts
         MATCH (:User)-[r:USES_DEVICE|HAS_PHONE|USES_IP|HAS_CARD|LIVES_AT|HAS_EMAIL|PAID]->() WITH accounts, count(r) AS links
         MATCH (:User)-[t:TRANSFERRED_TO]->(:User) WITH accounts, links, count(t) AS transfers RETURN accounts, links + transfers AS relationships`,
      );
      expect(loaded.accounts.count).toBe(records[0].get('accounts').toNumber());
      expect(loaded.relationships).toBe(records[0].get('relationships').toNumber());
    } finally {
      await driver.close();
    }
    expect(loaded.truncated).toBe(false);
  });

  it('stops where it is cancelled, with a cancelled error', async () => {
    const controller = new AbortController();
    let progressCalls = 0;
    const loading = loadSubgraph(client, mapping, { window: { offset: 0, limit: server.accounts } }, {
      maxRelationships: 1_000_000,
      signal: controller.signal,
      onProgress: (done) => {
        progressCalls++;
        if (done >= 10_000) controller.abort();
      },
    });
    const error = await loading.then(() => null, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('cancelled');
    expect(progressCalls).toBeLessThan(20);
  });

  it('stops at maxRelationships and says the result is truncated', async () => {
    const loaded = await loadSubgraph(client, mapping, { window: { offset: 0, limit: server.accounts } }, { maxRelationships: 5_000 });
    expect(loaded.relationships).toBe(5_000);
    expect(loaded.truncated).toBe(true);
  });

  it('loads around seed accounts without walking through identifier hubs, keeping the hubs collapsed', async () => {
    const seeds = [userIdOf(1), userIdOf(2), userIdOf(3)];
    const loaded = await loadSubgraph(client, mapping, { accountIds: seeds, hops: 2 }, { maxRelationships: 1_000_000, supernodeCutoff: 50 });
    expect(unpacked(loaded.accountIds)).toEqual(expect.arrayContaining(seeds));
    expect(loaded.accounts.count).toBeLessThan(server.accounts / 2);
    const hubs = [...loaded.identifiers.accountCount].filter((count) => count > 50);
    expect(loaded.collapsedHubs).toBe(hubs.length);
    // A collapsed hub brings only the loaded accounts' own links, never its whole membership.
    for (let j = 0; j < loaded.identifiers.count; j++) {
      if (loaded.identifiers.accountCount[j] <= 50) continue;
      const linkedHere = [...loaded.identifierLinks.identifier].filter((i) => i === j).length;
      expect(linkedHere).toBeLessThan(loaded.identifiers.accountCount[j]);
    }
  });
});
