/**
 * Ring detection on upstream results, for graphs of any size: a batch job (GDS, Spark) wrote a
 * community / ring id (and a risk score) on every account; the server ranks the communities and only
 * the top K come back, their members read a page at a time (up to a cap per community), and their
 * neighbourhoods are loaded like any other subgraph. Each community is then scored as one cluster,
 * with reasons computed from its own members only. The desktop never reads the rest of the graph.
 */
import { ApiError, type UpstreamSummary } from '../../api';
import { accountName } from '../analytics/input';
import type { CallContext } from '../api-handlers';
import { mappingPlaceholders } from '../schema/schema-mapping';
import type { Neo4jGraphSource } from '../sources/neo4j/neo4j-source';
import { loadedDetectionGraph, type DetectionGraph } from './detection-graph';

export interface UpstreamDetectionOptions {
  /** How many communities to load, best ranked first. */
  topCommunities: number;
  /** Members read per community at most; a larger community is scored on this many (in id order). */
  maxMembers: number;
  rankBy: 'score' | 'size';
  minSize: number;
  supernodeCutoff: number;
  maxRelationships: number;
}

export interface UpstreamDetection {
  graph: DetectionGraph;
  /** The upstream community of each loaded account as a cluster number, -1 for neighbours outside them. */
  fixedClusters: Int32Array;
  /** Accounts in the whole graph. */
  accountCount: number;
  summary: UpstreamSummary;
}

/** Steps upstream detection reports before the pipeline's own five: ranking, members, loading. */
export const UPSTREAM_STEPS = 3;

/** Members read per round trip. */
const MEMBER_PAGE = 1_000;

export async function upstreamDetection(
  source: Neo4jGraphSource,
  options: UpstreamDetectionOptions,
  { signal, progress }: Pick<CallContext, 'signal' | 'progress'>,
): Promise<UpstreamDetection> {
  const { client, mapping } = source;
  if (!mapping.account.communityProperty) {
    throw new ApiError('invalid_input', 'Upstream results need the upstream community property in the schema mapping (Connect screen).', {
      reason: 'upstream_not_mapped',
      fields: [{ path: 'mode', message: 'no upstream community property is mapped' }],
    });
  }
  const names = mappingPlaceholders(mapping);
  const read = { names, signal, timeoutMs: 600_000 };
  const total = UPSTREAM_STEPS + 5;
  progress(0, total, 'rings.upstream-ranking');
  const [communities, accountCount] = await Promise.all([
    client.read('upstream-top-communities', { minSize: options.minSize, limit: options.topCommunities, rankBy: options.rankBy }, read),
    client.read('count-accounts', {}, read).then(([row]) => row?.accounts ?? 0),
  ]);

  progress(1, total, 'rings.upstream-members');
  const clusterOf = new Map<string, number>();
  let capped = 0;
  for (const [cluster, { community }] of communities.entries()) {
    let after = '';
    let membersRead = 0;
    while (membersRead < options.maxMembers) {
      const page = await client.read('upstream-community-members', { community, after, limit: Math.min(MEMBER_PAGE, options.maxMembers - membersRead) }, read);
      for (const { accountId } of page) clusterOf.set(accountId, cluster);
      membersRead += page.length;
      if (page.length < MEMBER_PAGE || membersRead >= options.maxMembers) break;
      after = page[page.length - 1].accountId;
    }
    if (communities[cluster].size > membersRead) capped++;
    progress(1 + (cluster + 1) / communities.length, total, 'rings.upstream-members');
  }

  // Only the members themselves: their identifiers and money flows come with them, and reasons cite those.
  const loaded = await source.loadSubgraph(
    { accountIds: [...clusterOf.keys()], hops: 0 },
    {
      maxRelationships: options.maxRelationships,
      supernodeCutoff: options.supernodeCutoff,
      signal,
      onProgress: (relationships) => progress(2 + Math.min(0.99, relationships / options.maxRelationships), total, 'rings.upstream-load'),
    },
  );
  const graph = loadedDetectionGraph(loaded, options.supernodeCutoff);
  const fixedClusters = new Int32Array(graph.input.accounts.count);
  for (let account = 0; account < fixedClusters.length; account++) fixedClusters[account] = clusterOf.get(accountName(graph.input, account)) ?? -1;
  return {
    graph,
    fixedClusters,
    accountCount,
    summary: { communities: communities.length, cappedCommunities: capped, rankBy: options.rankBy, maxMembers: options.maxMembers },
  };
}
