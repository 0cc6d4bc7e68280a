/**
 * Bench suite `paths`: the shortest path between two accounts 6 hops apart through RingScope's
 * graph.paths on Neo4j (catalogued shortestPath, node resolution, the drawn nodes and folded edges)
 * against the same shortestPath in plain Cypher from the neo4j-driver, in the same run (warm-up,
 * then 7 alternating runs; figures are medians, the ratio the median of the paired runs' ratios).
 * Runs on whatever demo graph the Neo4j holds (its seed marker names it; `npm run seed:neo4j`);
 * the pair of accounts is found by BFS on the same dataset generated in memory and checked with the
 * embedded source's path search.
 */
import neo4j from 'neo4j-driver';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../main/api';
import type { DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { DEMO_SCHEMA_MAPPING, type ValidatedMapping } from '../../main/core/schema/schema-mapping';
import { EmbeddedGraphSource } from '../../main/core/sources/embedded-source';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { Neo4jGraphSource } from '../../main/core/sources/neo4j/neo4j-source';
import type { BenchFigures } from './results';

const RUNS = 7;
const HOPS = 6;
/** Money and the identifiers rings share most; IPs and addresses are left out (office supernodes make every path short). */
const LINK_TYPES = ['TRANSFERRED_TO', 'USES_DEVICE', 'HAS_PHONE', 'HAS_CARD'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The first account (in BFS order) exactly `hops` links from `start` over LINK_TYPES, or null. */
function accountAtDistance(dataset: DemoDataset, start: number, hops: number): number | null {
  const { accounts, identifiers, identifierLinks, transfers } = dataset;
  const linkedKinds = new Set(['device', 'phone', 'card'].map((kind) => IDENTIFIER_KINDS.indexOf(kind as IdentifierKind)));
  // Nodes 0..accounts-1 are accounts, accounts + j identifier j; adjacency as lists (a bench, not the product).
  const adjacency: number[][] = Array.from({ length: accounts.count + identifiers.count }, () => []);
  for (let t = 0; t < transfers.count; t++) {
    adjacency[transfers.from[t]].push(transfers.to[t]);
    adjacency[transfers.to[t]].push(transfers.from[t]);
  }
  for (let l = 0; l < identifierLinks.count; l++) {
    const identifier = identifierLinks.identifier[l];
    if (!linkedKinds.has(identifiers.kind[identifier])) continue;
    adjacency[identifierLinks.account[l]].push(accounts.count + identifier);
    adjacency[accounts.count + identifier].push(identifierLinks.account[l]);
  }
  const depth = new Int8Array(adjacency.length).fill(-1);
  depth[start] = 0;
  let frontier = [start];
  for (let level = 1; level <= hops; level++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const neighbour of adjacency[node]) {
        if (depth[neighbour] !== -1) continue;
        depth[neighbour] = level;
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return frontier.find((node) => node < accounts.count) ?? null;
}

export async function runPathsBench(log: (line: string) => void = console.log): Promise<BenchFigures> {
  const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`;
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? 'ringscope-test';
  const client = Neo4jClient.open({ uri, user, password, database: null });
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const [marker] = await client.read('seed-marker-read', {});
    if (marker?.seed == null || marker.accounts == null) throw new Error(`${uri} holds no seeded demo graph (npm run seed:neo4j)`);
    const accounts = marker.accounts;
    const dataset = generateDemoDataset({ seed: marker.seed, accounts });
    const embedded = EmbeddedGraphSource.fromDataset(dataset);
    const source = new Neo4jGraphSource({ client, mapping: DEMO_SCHEMA_MAPPING as ValidatedMapping, name: 'bench', accountCount: accounts });
    const signal = new AbortController().signal;

    // An account pair exactly HOPS apart: breadth-first from the first account that has a transfer.
    const start = dataset.transfers.from[0];
    const target = accountAtDistance(dataset, start, HOPS);
    if (target === null) throw new Error(`No account ${HOPS} hops from account ${start} over ${LINK_TYPES.join('|')}`);
    const fromId = embedded.accountNodeId(start);
    const toId = embedded.accountNodeId(target);
    const check = await embedded.paths({ fromId, toId, linkTypes: LINK_TYPES, maxHops: HOPS, limit: 1, signal });
    if (check.length !== HOPS) throw new Error(`The embedded graph finds ${check.length} hops between ${fromId} and ${toId}`);
    log(`paths: ${accounts} accounts, ${fromId} → ${toId}, ${HOPS} hops over ${LINK_TYPES.join('|')}`);

    const cypher = `MATCH (a:User {userId: $from}), (b:User {userId: $to})
MATCH path = shortestPath((a)-[:${LINK_TYPES.join('|')}*..${HOPS}]-(b))
RETURN path`;
    const ringscope = async () => {
      const started = performance.now();
      const result = await source.paths({ fromId, toId, linkTypes: LINK_TYPES, maxHops: HOPS, limit: 1, signal });
      if (result.length !== HOPS) throw new Error(`RingScope found a path of ${result.length} hops`);
      return (performance.now() - started) / 1000;
    };
    const plain = async () => {
      const started = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        // A read transaction, as RingScope runs every read (so neo4j:// routing sends it to a follower).
        const result = await session.executeRead((tx) => tx.run(cypher, { from: fromId.slice('account:'.length), to: toId.slice('account:'.length) }));
        const length = result.records[0]?.get('path').length;
        if (length !== HOPS) throw new Error(`Plain Cypher found a path of ${length} hops`);
      } finally {
        await session.close();
      }
      return (performance.now() - started) / 1000;
    };

    await ringscope();
    await plain();
    const ours: number[] = [];
    const baseline: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ours.push(await ringscope());
      baseline.push(await plain());
      ratios.push(ours[run] / baseline[run]);
      log(`paths run ${run + 1}: RingScope ${ours[run].toFixed(4)} s, plain Cypher ${baseline[run].toFixed(4)} s`);
    }
    const round = (value: number) => Math.round(value * 10_000) / 10_000;
    const figures = {
      command: 'npm run bench -- paths',
      accounts,
      hops: HOPS,
      secondsRingScope: round(median(ours)),
      secondsPlainCypher: round(median(baseline)),
      ratio: Math.round(median(ratios) * 1000) / 1000,
    };
    log(`paths: RingScope ${figures.secondsRingScope} s vs plain Cypher ${figures.secondsPlainCypher} s → ratio ${figures.ratio} (median of ${RUNS} paired runs)`);
    return figures;
  } finally {
    await client.close();
    await driver.close();
  }
}
