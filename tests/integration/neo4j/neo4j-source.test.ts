import neo4jDriver from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError, IDENTIFIER_KINDS, type ConnectionSettings, type GraphNode } from '../../../main/api';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { userIdOf } from '../../../main/core/demo/dataset';
import { DEMO_SCHEMA_MAPPING } from '../../../main/core/schema/schema-mapping';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';

const server = inject('neo4j');
const settings: ConnectionSettings = { name: 'Test graph', uri: server.uri, user: server.user, database: null, schemaMapping: null };
const noSignal = () => new AbortController().signal;

let dataset: DemoDataset;
let embedded: EmbeddedGraphSource;
let active: ActiveGraphSource;
let connections: ConnectionService;
let neo4j: Neo4jGraphSource;

/** The identifier of a kind shared by the most accounts (an office IP is the demo's supernode). */
function busiestIdentifier(kind: (typeof IDENTIFIER_KINDS)[number]): { index: number; accounts: number } {
  const counts = new Map<number, number>();
  for (let l = 0; l < dataset.identifierLinks.count; l++) {
    const j = dataset.identifierLinks.identifier[l];
    if (IDENTIFIER_KINDS[dataset.identifiers.kind[j]] === kind) counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  const [index, accounts] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { index, accounts };
}

/** What must agree between the two sources: everything but the source-specific id of identifiers. */
const comparable = (node: GraphNode) => ({ ...node, id: node.kind === 'account' || node.kind === 'merchant' ? node.id : node.kind });

beforeAll(async () => {
  dataset = generateDemoDataset({ seed: server.seed, accounts: server.accounts });
  embedded = EmbeddedGraphSource.fromDataset(dataset);
  active = new ActiveGraphSource(embedded);
  connections = new ConnectionService({ dataDir: null, secrets: null, active });
  const info = await connections.connect({ settings, password: server.password });
  expect(info).toMatchObject({ kind: 'neo4j', accountCount: server.accounts });
  neo4j = active.current as Neo4jGraphSource;
});

afterAll(async () => {
  await active?.close();
});

describe('Neo4j graph source on the seeded demo graph', () => {
  it('discovers the demo schema and proposes the demo mapping without notes', async () => {
    const schema = await connections.discover({ settings, password: server.password });
    expect(schema.labels).toEqual(expect.arrayContaining(['User', 'Device', 'Phone', 'IPAddress', 'BankCard', 'Address', 'Email', 'Merchant']));
    expect(schema.relationshipTypes).toEqual(expect.arrayContaining(['USES_DEVICE', 'HAS_PHONE', 'TRANSFERRED_TO', 'PAID']));
    expect(schema.nodeProperties.User).toEqual(expect.arrayContaining(['userId', 'createdAt', 'riskScore', 'blacklisted']));
    expect(schema.proposedMapping).toEqual(DEMO_SCHEMA_MAPPING);
    expect(schema.notes).toEqual([]);
  });

  it('finds an account by userId with exactly the DTO the embedded graph gives', async () => {
    const userId = userIdOf(1234);
    const [fromNeo4j] = await neo4j.search(userId, 5, noSignal());
    const [fromEmbedded] = await embedded.search(userId, 5, noSignal());
    expect(fromNeo4j).toEqual(fromEmbedded);
    expect(fromNeo4j.node).toMatchObject({ id: `account:${userId}`, kind: 'account', key: userId });
  });

  it('finds a phone typed in two different formats, masked, with the accounts that use it', async () => {
    const phone = dataset.identifiers.kind.findIndex((kind) => IDENTIFIER_KINDS[kind] === 'phone');
    const e164 = dataset.identifiers.value[phone];
    const spaced = `${e164.slice(0, 3)} ${e164.slice(3, 6)} ${e164.slice(6)}`;
    const withZeros = `00${e164.slice(1)}`;
    const expected = (await embedded.search(e164, 20, noSignal())).map((hit) => ({ ...hit, node: comparable(hit.node) }));
    for (const typed of [spaced, withZeros]) {
      const hits = await neo4j.search(typed, 20, noSignal());
      expect(hits.map((hit) => ({ ...hit, node: comparable(hit.node) }))).toEqual(expected);
      expect(hits[0].node.kind).toBe('phone');
      expect(hits[0].node.label).not.toContain(e164.slice(-6));
    }
  });

  it('finds a card by its number typed in groups of four, showing only the last four digits', async () => {
    const card = dataset.identifiers.kind.findIndex((kind) => IDENTIFIER_KINDS[kind] === 'card');
    const digits = dataset.identifiers.value[card];
    const hits = await neo4j.search(digits.replace(/(\d{4})(?=\d)/g, '$1 '), 20, noSignal());
    expect(hits[0].node).toMatchObject({ kind: 'card', label: `•••• •••• •••• ${digits.slice(-4)}` });
    expect(hits.slice(1).every((hit) => hit.node.kind === 'account')).toBe(true);
  });

  it('reveals the stored card number for an audited unmasked export, and nothing for accounts', async () => {
    const card = dataset.identifiers.kind.findIndex((kind) => IDENTIFIER_KINDS[kind] === 'card');
    const raw = dataset.identifiers.value[card];
    const [cardHit, accountHit] = await neo4j.search(raw, 20, noSignal());
    const revealed = await neo4j.revealIdentifiers([cardHit.node.id, accountHit.node.id], noSignal());
    expect([...revealed]).toEqual([[cardHit.node.id, raw]]);
    // The same answer as the embedded graph gives for its own id of that card.
    const [embeddedCard] = await embedded.search(raw, 1, noSignal());
    expect(await embedded.revealIdentifiers([embeddedCard.node.id])).toEqual(new Map([[embeddedCard.node.id, raw]]));
  });

  it('expands an account with the same neighbours and folded money-flow edges as the embedded graph', async () => {
    const nodeId = `account:${userIdOf(dataset.transfers.from[0])}`;
    const fromNeo4j = await neo4j.expand(nodeId, { limit: 100, offset: 0, signal: noSignal() });
    const fromEmbedded = await embedded.expand(nodeId, { limit: 100, offset: 0, signal: noSignal() });
    const byKindAndKey = (nodes: GraphNode[]) => nodes.map(comparable).sort((a, b) => `${a.kind}${a.key}`.localeCompare(`${b.kind}${b.key}`));
    expect(fromNeo4j.totalNeighbours).toBe(fromEmbedded.totalNeighbours);
    expect(byKindAndKey(fromNeo4j.nodes)).toEqual(byKindAndKey(fromEmbedded.nodes));
    const flows = (edges: typeof fromNeo4j.edges) => edges.filter((edge) => edge.kind !== 'identifier').sort((a, b) => a.id.localeCompare(b.id));
    expect(flows(fromNeo4j.edges)).toEqual(flows(fromEmbedded.edges));
  });

  it('records the subgraph query as run: its text and parameters, run again, read the same nodes', async () => {
    const ring = dataset.plantedRings.find((planted) => planted.kind === 'shared-identity')!;
    const nodeIds = ring.members.map((index) => `account:${userIdOf(index)}`);
    const subgraph = await neo4j.subgraph(nodeIds, { includeSharedIdentifiers: true, signal: noSignal() });
    const [recorded] = active.subgraphQueries(nodeIds, { includeSharedIdentifiers: true });
    expect(recorded).toMatchObject({ name: 'subgraph-between', params: { accountIds: ring.members.map(userIdOf), includeSharedIdentifiers: true } });
    expect(recorded.text).not.toContain('{{');
    const driver = neo4jDriver.driver(server.uri, neo4jDriver.auth.basic(server.user, server.password));
    try {
      const { records } = await driver.executeQuery(recorded.text, recorded.params, { routing: 'READ' });
      const drawn = records[0].get('drawn') as { node: { labels: string[]; properties: Record<string, unknown> } }[];
      expect(drawn.length).toBe(subgraph.nodes.length);
      const accountsRead = drawn.flatMap(({ node }) => (node.labels.includes('User') ? [String(node.properties.userId)] : []));
      expect(accountsRead.sort()).toEqual(subgraph.nodes.filter((node) => node.kind === 'account').map((node) => node.key).sort());
    } finally {
      await driver.close();
    }
  });

  it('pages through an IP hub without repeating or skipping an account', async () => {
    const hub = busiestIdentifier('ip');
    expect(hub.accounts).toBeGreaterThan(50);
    const [hit] = await neo4j.search(dataset.identifiers.value[hub.index], 1, noSignal());
    expect(hit.node).toMatchObject({ kind: 'ip', degree: hub.accounts });
    const seen = new Set<string>();
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page = await neo4j.expand(hit.node.id, { limit: 25, offset, signal: noSignal() });
      expect(page.totalNeighbours).toBe(hub.accounts);
      for (const node of page.nodes) seen.add(node.id);
      offset = page.nextOffset;
      pages++;
    }
    expect(seen.size).toBe(hub.accounts);
    expect(pages).toBe(Math.ceil(hub.accounts / 25));
  });

  it('reports neighbour counts per relationship type in node details', async () => {
    const nodeId = `account:${userIdOf(dataset.payments.account[0])}`;
    const details = await neo4j.nodeDetails(nodeId);
    const expected = await embedded.nodeDetails(nodeId);
    const byType = (counts: { type: string; count: number }[]) => [...counts].sort((a, b) => a.type.localeCompare(b.type));
    expect(byType(details.neighbourCounts)).toEqual(byType(expected.neighbourCounts));
    expect(details.node).toEqual(expected.node);
  });

  it('says not_found for a node id the graph does not have', async () => {
    await expect(neo4j.expand('account:U9999999', { limit: 10, offset: 0, signal: noSignal() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(neo4j.nodeDetails('nonsense')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('matches nothing and changes nothing when injection strings are typed into search', async () => {
    const [before] = await neo4j.client.read('count-graph', {});
    for (const typed of ["' OR 1=1 //", '"}) DETACH DELETE n //', '`User`', 'U0000001`}) DETACH DELETE n //', "x' }) MATCH (n) DETACH DELETE n //"]) {
      expect(await neo4j.search(typed, 20, noSignal())).toEqual([]);
    }
    const [after] = await neo4j.client.read('count-graph', {});
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(server.accounts);
  });
});

describe('Connection failures', () => {
  const attempt = async (overrides: Partial<ConnectionSettings>, password = server.password): Promise<ApiError> => {
    const service = new ConnectionService({ dataDir: null, secrets: null, active: new ActiveGraphSource(embedded) });
    const error = await service.test({ settings: { ...settings, ...overrides }, password }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  it('names a wrong password as such', async () => {
    const error = await attempt({}, 'not-the-password');
    expect(error.code).toBe('auth_failed');
    expect(error.message).toBe(`Neo4j rejected the user name or password for ${server.uri}.`);
  });

  it('asks whether the server is running when nothing listens on the port', async () => {
    const error = await attempt({ uri: 'bolt://127.0.0.1:1' });
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Cannot reach Neo4j at bolt://127.0.0.1:1: is the server running and the port right?');
  });

  it('names a database that does not exist', async () => {
    const error = await attempt({ database: 'no-such-db' });
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('no database named "no-such-db"');
  });

  it('tells the user to switch scheme when asking for TLS from a plaintext server', async () => {
    const error = await attempt({ uri: server.uri.replace('bolt://', 'bolt+s://') });
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(`switch the address to ${server.uri}`);
  });

  it('rejects a schema mapping that names a label the database does not have', async () => {
    const service = new ConnectionService({ dataDir: null, secrets: null, active: new ActiveGraphSource(embedded) });
    const saved = await service.save({ ...settings });
    const mapping = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: ['Customer'] } };
    await expect(service.saveSchema(saved.id, mapping, server.password)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('label Customer (accounts) does not exist in the database'),
    });
  });
});
