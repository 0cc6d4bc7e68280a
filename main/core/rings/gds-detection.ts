/**
 * Server-side ring detection with Neo4j Graph Data Science, for graphs far beyond one desktop: the
 * shared-identifier graph of the whole database is projected on the server once, and connected
 * components (gds.wcc), Louvain communities (gds.louvain) and personalised PageRank from the
 * blacklisted accounts (gds.pageRank) all run on that projection. Only the accounts of components
 * big enough to be a ring, and those the risk reached, come back, with their money-flow counterparties, carrying the server's
 * communities and risk scores into the same pipeline code as the in-process mode (which then only
 * scores clusters, explains risk and finds money flows).
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type NodeKind } from '../../api';
import { accountName } from '../analytics/input';
import type { RingPipelineOptions } from '../analytics/pipeline';
import { DEFAULT_RISK_PROPAGATION } from '../analytics/risk-propagation';
import type { CallContext } from '../api-handlers';
import { detectionIdentifierKinds, mappingPlaceholders } from '../schema/schema-mapping';
import { identifierNodeKind } from '../sources/neo4j/dto-mapping';
import type { Neo4jClient } from '../sources/neo4j/neo4j-client';
import type { Neo4jGraphSource } from '../sources/neo4j/neo4j-source';
import { loadedDetectionGraph, type DetectionGraph } from './detection-graph';

export interface GdsDetectionOptions {
  supernodeCutoff: number;
  minSize: number;
  maxRelationships: number;
  /** Hubs listed by name (all are counted). */
  listedHubs: number;
}

/** An identifier above the cutoff, as the summary lists it. */
export interface HubReference {
  nodeId: string;
  kind: NodeKind;
  accountCount: number;
}

/** What the server found, ready for the pipeline and the summary. */
export interface GdsDetection {
  graph: DetectionGraph;
  /** The server's Louvain communities and PageRank scores for graph's accounts. */
  serverResults: Required<Pick<RingPipelineOptions, 'knownCommunities' | 'knownRiskScores'>>;
  /** Accounts in the whole graph. */
  accountCount: number;
  hubs: HubReference[];
  hubCount: number;
}

/** Steps GDS detection reports before the pipeline's own five. */
export const GDS_STEPS = 5;

/** Prefix of the GDS in-memory graphs ring detection projects; each run adds a random suffix. */
export const GDS_GRAPH_PREFIX = 'ringscope-rings-';

// GDS 2.13's parallel Louvain ran ten times slower than its single-threaded one on the 2-core test
// server (5.5 s against 0.45 s on the 20k demo graph); the open edition caps it at 4 threads anyway.
const LOUVAIN_CONCURRENCY = 1;
const SERVER_TIMEOUT_MS = 600_000;

/** True when the server answers gds.version(); cached per client (a server does not gain GDS while connected). */
export async function hasGds(client: Neo4jClient, signal: AbortSignal): Promise<boolean> {
  const known = gdsAvailability.get(client);
  if (known !== undefined) return known;
  const available = await client.read('gds-version', {}, { signal, timeoutMs: 10_000 }).then(
    (rows) => rows.length > 0,
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'cancelled') throw error;
      return false;
    },
  );
  gdsAvailability.set(client, available);
  return available;
}

const gdsAvailability = new WeakMap<Neo4jClient, boolean>();

/**
 * Runs components, communities and risk propagation on the server, then loads the candidate accounts
 * and those with propagated risk (plus one hop of transfer and identifier neighbours, so money cycles
 * and fan-ins are complete) as a DetectionGraph. The projection is dropped before loading, and also when the caller cancels or a
 * step fails.
 */
export async function gdsDetection(
  source: Neo4jGraphSource,
  { supernodeCutoff, minSize, maxRelationships, listedHubs }: GdsDetectionOptions,
  { signal, progress }: Pick<CallContext, 'signal' | 'progress'>,
): Promise<GdsDetection> {
  const { client, mapping } = source;
  const names = mappingPlaceholders(mapping);
  const kinds = detectionIdentifierKinds(mapping);
  const typeWeights = Object.fromEntries(mapping.identifiers.map((identifier, entry) => [identifier.relationshipType, kinds[entry].weight]));
  const graphName = `${GDS_GRAPH_PREFIX}${randomUUID()}`;
  const total = GDS_STEPS + 5;
  const options = { names, signal, timeoutMs: SERVER_TIMEOUT_MS };
  let candidates: string[];
  const communityOf = new Map<string, number>();
  const scoreOf = new Map<string, number>();
  try {
    progress(0, total, 'rings.gds-projection');
    await client.read('gds-project-shared-identifiers', { graphName, supernodeCutoff, typeWeights }, options);
    progress(1, total, 'rings.gds-components');
    const components = await client.read('gds-wcc-candidates', { graphName, minSize }, options);
    candidates = components.flatMap((component) => component.accountIds);
    progress(2, total, 'rings.gds-louvain');
    await client.stream(
      'gds-louvain-communities',
      { graphName, minSize, concurrency: LOUVAIN_CONCURRENCY },
      ({ communityId, accountIds }) => accountIds.forEach((accountId) => communityOf.set(accountId, communityId)),
      options,
    );
    progress(3, total, 'rings.gds-pagerank');
    const { damping, maxIterations, tolerance } = DEFAULT_RISK_PROPAGATION;
    await client.stream('gds-pagerank-risk', { graphName, damping, maxIterations, tolerance }, ({ accountId, score }) => void scoreOf.set(accountId, score), options);
  } finally {
    // The projection holds server memory: free it even when the caller cancelled or a step failed.
    await client.read('gds-drop-graph', { graphName }, { timeoutMs: 60_000 }).catch(() => undefined);
  }
  progress(4, total, 'rings.gds-candidates');
  const [accountCount, hubs] = await Promise.all([
    client.read('count-accounts', {}, { names, signal }).then(([row]) => row?.accounts ?? 0),
    client.read('identifier-hubs', { supernodeCutoff, limit: listedHubs }, options).then(([row]) => row),
  ]);
  // Accounts the risk reached come too, whatever their component's size: each one's risk is explained by its neighbours.
  const loaded = await source.loadSubgraph(
    { accountIds: [...new Set([...candidates, ...scoreOf.keys()])], hops: 1 },
    { maxRelationships, supernodeCutoff, signal, onProgress: (relationships) => progress(4 + Math.min(0.99, relationships / maxRelationships), total, 'rings.gds-candidates') },
  );
  const graph = loadedDetectionGraph(loaded, supernodeCutoff);
  const accounts = graph.input.accounts.count;
  const knownCommunities = new Int32Array(accounts);
  const knownRiskScores = new Float64Array(accounts);
  for (let account = 0; account < accounts; account++) {
    const id = accountName(graph.input, account);
    knownCommunities[account] = communityOf.get(id) ?? -1;
    knownRiskScores[account] = scoreOf.get(id) ?? 0;
  }
  const kindOfType = new Map(mapping.identifiers.map((identifier) => [identifier.relationshipType, identifierNodeKind(identifier)]));
  return {
    graph,
    serverResults: { knownCommunities, knownRiskScores },
    accountCount,
    hubs: (hubs?.hubs ?? []).flatMap(({ elementId, type, accountCount: sharers }) => {
      const kind = kindOfType.get(type);
      return kind ? [{ nodeId: `${kind}:${elementId}`, kind, accountCount: sharers }] : [];
    }),
    hubCount: hubs?.hubCount ?? 0,
  };
}
