import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConnectionSettings } from '../../../main/api';
import { unpacked } from '../../../main/core/analytics/shared-columns';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';

// A team's graph is not always clean: wrong property types, missing values. RingScope must show
// such nodes as well as it can, never fail the whole search or expand, and never leak raw PII.
const server = inject('neo4j');
const settings: ConnectionSettings = { name: 'Test graph', uri: server.uri, user: server.user, database: null, schemaMapping: null };
const signal = () => new AbortController().signal;
const MARK = 'ringscopeMalformedFixture';

let driver: Driver;
let active: ActiveGraphSource;

beforeAll(async () => {
  driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  // Cleaned up in afterAll: other test files count the seeded accounts.
  await driver.executeQuery(
    `CREATE (bad:User {userId: 'UBAD00001', riskScore: 'high', createdAt: 'last tuesday', blacklisted: 'yes', ${MARK}: true})
     CREATE (phone:Phone {phoneNumber: 4915199887766, ${MARK}: true})
     CREATE (bad)-[:HAS_PHONE]->(phone)
     CREATE (bad)-[:TRANSFERRED_TO {amount: 'a lot', at: 'yesterday'}]->(bad)`,
  );
  const dataset = generateDemoDataset({ seed: server.seed, accounts: server.accounts });
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(dataset));
  await new ConnectionService({ dataDir: null, secrets: null, active }).connect({ settings, password: server.password });
});

afterAll(async () => {
  await driver?.executeQuery(`MATCH (n {${MARK}: true}) DETACH DELETE n`);
  await driver?.close();
  await active?.close();
});

describe('malformed data in the team graph', () => {
  it('finds an account whose properties have the wrong types, showing what it can and no made-up values', async () => {
    const [hit] = await active.search('UBAD00001', 5, signal());
    expect(hit.node).toMatchObject({ kind: 'account', key: 'UBAD00001', riskScore: null, blacklisted: false });
    expect(hit.node.properties.createdAt).toBe('last tuesday');
  });

  it('expands such an account, self-transfer with text amounts included, and masks a phone number stored as a number', async () => {
    const [hit] = await active.search('UBAD00001', 5, signal());
    const page = await active.expand(hit.node.id, { limit: 50, offset: 0, signal: signal() });
    const phone = page.nodes.find((node) => node.kind === 'phone');
    expect(phone).toBeDefined();
    expect(JSON.stringify(page)).not.toContain('4915199887766');
    expect(phone!.label).toMatch(/•/);
    // The self-transfer is drawn with its count; its text amount reads as unknown.
    const selfTransfer = page.edges.find((edge) => edge.kind === 'transfer');
    expect(selfTransfer?.properties).toMatchObject({ count: 1, totalAmount: null });
  });

  it('loads the account into ring detection, the text amount read as unknown', async () => {
    const source = active.current as Neo4jGraphSource;
    const loaded = await source.loadSubgraph({ accountIds: ['UBAD00001'], hops: 1 }, { maxRelationships: 1000 });
    expect(unpacked(loaded.accountIds)).toContain('UBAD00001');
    expect(loaded.transfers.count).toBe(1);
    expect(Number.isNaN(loaded.transfers.amount[0])).toBe(true);
  });
});
