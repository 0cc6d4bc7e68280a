import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDENTIFIER_KINDS, PathsResult } from '../../../main/api';
import type { DemoDataset } from '../../../main/core/demo/dataset';
import { knownBadSearch } from '../../../main/core/money/handlers';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import type { PathRequest } from '../../../main/core/sources/graph-source';
import type { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { connectSeededSources, type SeededSources } from '../../support/seeded-sources';

const server = inject('neo4j');
const IDENTIFIER_TYPES = ['USES_DEVICE', 'HAS_PHONE', 'USES_IP', 'HAS_CARD', 'LIVES_AT', 'HAS_EMAIL'];

let dataset: DemoDataset;
let embedded: EmbeddedGraphSource;
let sources: SeededSources;
let neo4j: Neo4jGraphSource;

/** Paths as sequences of kind:key (identifier ids differ between the sources; what they show does not). */
function readablePaths(result: PathsResult): string[] {
  const shown = new Map(result.nodes.map((node) => [node.id, `${node.kind}:${node.key}`]));
  return result.paths.map((path) => path.nodeIds.map((id) => shown.get(id)).join(' / ')).sort();
}

const request = (overrides: Partial<PathRequest> & Pick<PathRequest, 'fromId' | 'toId'>): PathRequest => ({
  linkTypes: IDENTIFIER_TYPES,
  maxHops: 6,
  limit: 1,
  signal: new AbortController().signal,
  ...overrides,
});

beforeAll(async () => {
  sources = await connectSeededSources(server);
  ({ dataset, embedded, neo4j } = sources);
});

afterAll(async () => {
  await sources?.close();
});

describe('paths on the real Neo4j (catalogued shortestPath) agree with the embedded BFS', () => {
  it('finds every shortest path between two accounts sharing a phone, the same as the embedded graph', async () => {
    const { identifierLinks, identifiers } = dataset;
    const usersOf = new Map<number, number[]>();
    for (let l = 0; l < identifierLinks.count; l++) {
      const j = identifierLinks.identifier[l];
      if (IDENTIFIER_KINDS[identifiers.kind[j]] === 'phone') usersOf.set(j, [...(usersOf.get(j) ?? []), identifierLinks.account[l]]);
    }
    const [a, b] = [...usersOf.values()].find((users) => users.length >= 2)!;
    const ends = { fromId: embedded.accountNodeId(a), toId: embedded.accountNodeId(b) };
    const fromNeo4j = PathsResult.parse(await neo4j.paths(request({ ...ends, limit: 50 })));
    const fromEmbedded = await embedded.paths(request({ ...ends, limit: 50 }));
    expect(fromNeo4j).toMatchObject({ status: 'found', length: 2, truncated: false });
    expect(readablePaths(fromNeo4j)).toEqual(readablePaths(fromEmbedded));
    expect(readablePaths(fromNeo4j).some((path) => path.includes('phone:'))).toBe(true);
    // Every hop has its drawn edge, with the id expand gives it.
    const edgeIds = new Set(fromNeo4j.edges.map((edge) => edge.id));
    expect(fromNeo4j.paths.flatMap((path) => path.edgeIds).every((id) => edgeIds.has(id))).toBe(true);
  });

  it('walks money transfers in either direction and returns the folded transfer edges of the embedded graph', async () => {
    const t = 0;
    const second = dataset.transfers.from.findIndex((from) => from === dataset.transfers.to[t]);
    const ends = { fromId: embedded.accountNodeId(dataset.transfers.to[second]), toId: embedded.accountNodeId(dataset.transfers.from[t]) };
    const money = { ...ends, linkTypes: ['TRANSFERRED_TO'], maxHops: 4, limit: 50 };
    const fromNeo4j = await neo4j.paths(request(money));
    const fromEmbedded = await embedded.paths(request(money));
    expect(fromNeo4j.length).toBe(fromEmbedded.length);
    expect(fromNeo4j.length).toBeLessThanOrEqual(2);
    const byId = (result: PathsResult) => [...result.edges].sort((x, y) => x.id.localeCompare(y.id));
    expect(readablePaths(fromNeo4j)).toEqual(readablePaths(fromEmbedded));
    expect(byId(fromNeo4j)).toEqual(byId(fromEmbedded));
    expect(fromNeo4j.edges.every((edge) => edge.kind === 'transfer' && typeof edge.properties.totalAmount === 'number')).toBe(true);
  });

  it('answers "no path within N hops" (not an error) when the accounts are farther apart', async () => {
    const result = await neo4j.paths(request({ fromId: embedded.accountNodeId(1), toId: embedded.accountNodeId(dataset.accounts.count - 1), linkTypes: ['HAS_CARD'], maxHops: 2 }));
    expect(result).toEqual({ status: 'no_path_within_hops', maxHops: 2, length: null, paths: [], truncated: false, nodes: [], edges: [] });
  });

  it('refuses a relationship type outside the schema mapping before any Cypher is sent, and an unknown account', async () => {
    const ends = { fromId: embedded.accountNodeId(1), toId: embedded.accountNodeId(2) };
    await expect(neo4j.paths(request({ ...ends, linkTypes: ['USES_DEVICE]-()-[:X'] }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(neo4j.paths(request({ ...ends, toId: 'account:U9999999' }))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the path to the nearest known-bad account agrees between Neo4j (ANY SHORTEST) and the embedded BFS', () => {
  const signal = new AbortController().signal;
  let search: ReturnType<typeof knownBadSearch>;
  beforeAll(() => {
    search = knownBadSearch(embedded.pathLinkTypes());
  });
  const knownBadOf = (index: number) => dataset.accounts.blacklisted[index] === 1;

  /** The first accounts (not known-bad themselves) whose nearest known-bad account the embedded graph finds. */
  async function accountsNearKnownBad(count: number, maxHops: number) {
    const found: { nodeId: string; length: number }[] = [];
    for (let index = 0; index < dataset.accounts.count && found.length < count; index++) {
      if (knownBadOf(index)) continue;
      const nodeId = embedded.accountNodeId(index);
      const result = await embedded.pathToKnownBad(nodeId, { ...search, maxHops, signal });
      if (result.status === 'found') found.push({ nodeId, length: result.length! });
    }
    return found;
  }

  it('finds the same nearest known-bad account at the same distance, along a path of real hops', async () => {
    const near = await accountsNearKnownBad(5, 4);
    expect(near.length).toBe(5);
    for (const { nodeId, length } of near) {
      const fromEmbedded = await embedded.pathToKnownBad(nodeId, { ...search, maxHops: 4, signal });
      const fromNeo4j = await neo4j.pathToKnownBad(nodeId, { ...search, maxHops: 4, signal });
      expect(fromNeo4j).toMatchObject({ status: 'found', length, knownBadId: fromEmbedded.knownBadId });
      const path = fromNeo4j.path!;
      expect(path.nodeIds[0]).toBe(nodeId);
      expect(path.nodeIds).toHaveLength(length + 1);
      const edges = new Map(fromNeo4j.edges.map((edge) => [edge.id, edge]));
      // Hop i joins nodes i and i + 1, in either direction.
      path.edgeIds.forEach((edgeId, i) => expect([edges.get(edgeId)!.source, edges.get(edgeId)!.target].sort()).toEqual([path.nodeIds[i], path.nodeIds[i + 1]].sort()));
      expect(fromNeo4j.nodes.find((node) => node.id === fromNeo4j.knownBadId)?.blacklisted).toBe(true);
      // Never through a hub (an office IP) nor a merchant.
      expect(fromNeo4j.nodes.every((node) => node.kind === 'account' || (node.degree ?? 0) <= search.hubCutoff)).toBe(true);
    }
  });

  it('goes around a hub: without the cutoff, some account is nearer a known-bad one through an office IP, on both sources alike', async () => {
    const withHubs = { ...search, hubCutoff: 1_000_000, maxHops: 2, signal };
    let shortcut: string | null = null;
    for (let index = 0; index < dataset.accounts.count && !shortcut; index++) {
      if (knownBadOf(index)) continue;
      const result = await embedded.pathToKnownBad(embedded.accountNodeId(index), withHubs);
      if (result.status === 'found' && result.nodes.some((node) => node.kind !== 'account' && (node.degree ?? 0) > search.hubCutoff)) shortcut = embedded.accountNodeId(index);
    }
    expect(shortcut).not.toBeNull();
    const throughHub = await neo4j.pathToKnownBad(shortcut!, withHubs);
    expect(throughHub).toMatchObject({ status: 'found', knownBadId: (await embedded.pathToKnownBad(shortcut!, withHubs)).knownBadId });
    const aroundHub = { ...search, maxHops: 2, signal };
    const [fromNeo4j, fromEmbedded] = [await neo4j.pathToKnownBad(shortcut!, aroundHub), await embedded.pathToKnownBad(shortcut!, aroundHub)];
    expect(fromNeo4j.status).toBe(fromEmbedded.status);
    expect(fromNeo4j.knownBadId).toBe(fromEmbedded.knownBadId);
    expect(fromNeo4j.nodes.every((node) => node.kind === 'account' || (node.degree ?? 0) <= search.hubCutoff)).toBe(true);
  });

  it('answers "none within N hops" on both when the nearest known-bad account is farther', async () => {
    const [{ nodeId, length }] = (await accountsNearKnownBad(20, 4)).filter((account) => account.length >= 2);
    const closer = { ...search, maxHops: length - 1, signal };
    const expected = { status: 'no_path_within_hops', maxHops: length - 1, length: null, knownBadId: null, path: null, nodes: [], edges: [] };
    expect(await neo4j.pathToKnownBad(nodeId, closer)).toEqual(expected);
    expect(await embedded.pathToKnownBad(nodeId, closer)).toEqual(expected);
  });

  it('refuses an account the graph does not have', async () => {
    await expect(neo4j.pathToKnownBad('account:U9999999', { ...search, maxHops: 2, signal })).rejects.toMatchObject({ code: 'not_found' });
    await expect(embedded.pathToKnownBad('account:U9999999', { ...search, maxHops: 2, signal })).rejects.toMatchObject({ code: 'not_found' });
  });
});
