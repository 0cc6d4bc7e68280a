/**
 * Ring detection as the Api offers it: runs the analytics pipeline on the active graph (the whole
 * embedded demo graph, or a window of a Neo4j graph streamed in first, or server-side with GDS) on a
 * worker thread, keeps the latest result in memory, and answers the Rings screen's questions about
 * it in node ids and masked labels.
 */
import {
  ApiError,
  type RingMoneyFlows,
  type AccountRisk,
  type DetectionMode,
  type ExcludedHub,
  type RingClusterDetail,
  type RingClusterSummary,
  type RingKind,
  type RingsDetectResult,
  type RingsListResult,
  type SourceInfo,
} from '../../api';
import { PipelineAbortedError } from '../analytics/input';
import { DEFAULT_RING_PIPELINE, type PipelineControl, type RingCluster, type RingPipelineOptions, type RingPipelineResult } from '../analytics/pipeline';
import { DEFAULT_PROJECTION_OPTIONS } from '../analytics/projection';
import { runRingPipelineInWorker } from '../analytics/worker';
import type { CallContext } from '../api-handlers';
import type { ActiveGraphSource } from '../sources/active-source';
import { EmbeddedGraphSource } from '../sources/embedded-source';
import type { GraphSource } from '../sources/graph-source';
import { Neo4jGraphSource } from '../sources/neo4j/neo4j-source';
import { embeddedDetectionGraph, loadedDetectionGraph, type DetectionGraph } from './detection-graph';
import { GDS_STEPS, gdsDetection, hasGds, type GdsDetection, type HubReference } from './gds-detection';
import { UPSTREAM_STEPS, upstreamDetection, type UpstreamDetection } from './upstream-detection';

export interface DetectRequest {
  supernodeCutoff?: number;
  minScore?: number;
  minSize?: number;
  mode?: 'auto' | DetectionMode;
  maxRelationships?: number;
  maxAccounts?: number;
  upstreamCommunities?: number;
  upstreamMaxMembers?: number;
  upstreamRankBy?: 'score' | 'size';
}

/** Runs the pipeline; the worker-thread runner in the product, replaceable in tests. */
export type PipelineRunner = (
  input: DetectionGraph['input'],
  options: Partial<RingPipelineOptions>,
  control: PipelineControl,
) => Promise<RingPipelineResult>;

export interface RingServiceOptions {
  source: ActiveGraphSource;
  runPipeline?: PipelineRunner;
  now?: () => Date;
}

/** Relationships streamed before a Neo4j load stops (and the result says so): 5M accounts' worth. */
export const DEFAULT_MAX_RELATIONSHIPS = 50_000_000;
/** In-process detection reads every account of a Neo4j graph up to this many; beyond, GDS or upstream results. */
export const DEFAULT_MAX_ACCOUNTS = 5_000_000;
/** Upstream mode loads this many communities, best ranked first, and at most this many members of each. */
export const DEFAULT_UPSTREAM_COMMUNITIES = 200;
export const DEFAULT_UPSTREAM_MAX_MEMBERS = 500;
const HISTOGRAM_BINS = 20;
const LISTED_HUBS = 20;

/** The latest detection: its summary, the clusters and the naming needed to answer list/get/risk. */
interface Detection {
  origin: GraphSource;
  summary: RingsDetectResult;
  graph: DetectionGraph;
  result: RingPipelineResult;
  flagged: { cluster: RingCluster; summary: RingClusterSummary }[];
  byId: Map<string, RingCluster>;
  histogram: number[];
}

export class RingService {
  private latest: Detection | null = null;
  private running = false;
  private readonly runPipeline: PipelineRunner;
  private readonly now: () => Date;

  constructor(private readonly options: RingServiceOptions) {
    this.runPipeline = options.runPipeline ?? runRingPipelineInWorker;
    this.now = options.now ?? (() => new Date());
  }

  /** Runs detection on the active graph and keeps the result; one run at a time. */
  async detect(request: DetectRequest, { signal, progress }: Pick<CallContext, 'signal' | 'progress'>): Promise<RingsDetectResult> {
    if (this.running) throw new ApiError('conflict', 'Ring detection is already running; cancel it or wait for it to finish.', { reason: 'detection_running' });
    this.running = true;
    try {
      const started = performance.now();
      const origin = this.options.source.current;
      const supernodeCutoff = request.supernodeCutoff ?? DEFAULT_PROJECTION_OPTIONS.supernodeCutoff;
      const minScore = request.minScore ?? DEFAULT_RING_PIPELINE.flagThreshold;
      const minSize = request.minSize ?? DEFAULT_RING_PIPELINE.minClusterSize;
      const pipelineOptions: Partial<RingPipelineOptions> = {
        projection: { supernodeCutoff },
        flagThreshold: minScore,
        minClusterSize: minSize,
        // Unflagged clusters feed the score histogram: the chart shows where the threshold cuts.
        includeUnflagged: true,
      };
      const maxAccounts = request.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
      const mode = await this.chooseMode(origin, request.mode ?? 'auto', maxAccounts, signal);
      const maxRelationships = request.maxRelationships ?? DEFAULT_MAX_RELATIONSHIPS;
      const server: GdsDetection | null =
        mode === 'gds'
          ? await gdsDetection(origin as Neo4jGraphSource, { supernodeCutoff, minSize, maxRelationships, listedHubs: LISTED_HUBS }, { signal, progress })
          : null;
      const upstreamOptions = {
        topCommunities: request.upstreamCommunities ?? DEFAULT_UPSTREAM_COMMUNITIES,
        maxMembers: request.upstreamMaxMembers ?? DEFAULT_UPSTREAM_MAX_MEMBERS,
        rankBy: request.upstreamRankBy ?? 'score',
        minSize,
        supernodeCutoff,
        maxRelationships,
      };
      const upstream: UpstreamDetection | null = mode === 'upstream' ? await upstreamDetection(origin as Neo4jGraphSource, upstreamOptions, { signal, progress }) : null;
      const graph = server?.graph ?? upstream?.graph ?? (await this.loadGraph(origin, { supernodeCutoff, maxRelationships, maxAccounts }, signal, progress));
      // Steps before the pipeline's own: loading from Neo4j (one), or the GDS or upstream steps.
      const offset = server ? GDS_STEPS : upstream ? UPSTREAM_STEPS : origin instanceof Neo4jGraphSource ? 1 : 0;
      const fixedClusters = upstream ? { fixedClusters: upstream.fixedClusters } : {};
      const result = await this.runPipeline(graph.input, { ...pipelineOptions, ...server?.serverResults, ...fixedClusters }, {
        signal,
        onProgress: (step) => progress(step.done + offset, step.total + offset, `rings.${step.step}`),
      }).catch((error: unknown) => {
        if (error instanceof PipelineAbortedError) throw new ApiError('cancelled', 'Ring detection was cancelled', { reason: 'cancelled' });
        throw error;
      });
      const seconds = (performance.now() - started) / 1000;
      // GDS mode describes the whole graph; otherwise the graph that was searched.
      const hubs = server ?? excludedHubs(graph, supernodeCutoff);
      const summary: RingsDetectResult = {
        clusterCount: result.scoredClusterCount,
        flaggedCount: result.flaggedClusterCount,
        accounts: server?.accountCount ?? upstream?.accountCount ?? result.accountCount,
        seconds: Math.round(seconds * 1000) / 1000,
        supernodeCutoff,
        minScore,
        minSize,
        excludedHubs: await this.describeHubs(origin, hubs.hubs, signal),
        excludedHubCount: hubs.hubCount,
        source: origin.info() as SourceInfo,
        mode,
        truncated: graph.truncated,
        ...(upstream && { upstream: upstream.summary }),
        notMapped: origin instanceof Neo4jGraphSource ? origin.unmappedEvidence() : [],
        detectedAt: this.now().toISOString(),
      };
      if (signal.aborted) throw new ApiError('cancelled', 'Ring detection was cancelled', { reason: 'cancelled' });
      this.latest = buildDetection(origin, summary, graph, result);
      return summary;
    } finally {
      this.running = false;
    }
  }

  /** Flagged clusters, highest score first, filtered and paged, with the score histogram of the run. */
  list({ kinds, minScore, limit, offset }: { kinds?: RingKind[]; minScore?: number; limit: number; offset: number }): RingsListResult {
    const detection = this.currentDetection();
    if (!detection) return { total: 0, clusters: [], histogram: { counts: [], threshold: DEFAULT_RING_PIPELINE.flagThreshold }, detection: null };
    const matching = detection.flagged.filter(
      ({ summary }) => (!kinds?.length || kinds.includes(summary.ringKind)) && (minScore === undefined || summary.score >= minScore),
    );
    return {
      total: matching.length,
      clusters: matching.slice(offset, offset + limit).map(({ summary }) => summary),
      histogram: { counts: detection.histogram, threshold: detection.summary.minScore },
      detection: detection.summary,
    };
  }

  /** One cluster with the node ids of its members, the identifiers linking them and each reason's evidence. */
  get(clusterId: string): RingClusterDetail {
    const detection = this.requireDetection();
    const cluster = detection.byId.get(clusterId);
    if (!cluster) throw new ApiError('not_found', `No cluster ${clusterId} in the latest detection; run detection again.`, { reason: 'cluster_missing', params: { clusterId } });
    const { graph } = detection;
    const { input } = graph;
    return {
      ...clusterSummary(cluster, graph, detection.summary.supernodeCutoff),
      memberIds: cluster.members.map((account) => graph.accountNodeId(account)),
      identifierIds: sharedIdentifiers(cluster.members, graph, detection.summary.supernodeCutoff).map((identifier) => graph.identifierNodeId(identifier)),
      reasons: cluster.reasons.map((reason) => {
        const accounts = reason.evidence?.accounts.map((account) => graph.accountNodeId(account)) ?? [];
        const merchants = [...new Set((reason.evidence?.payments ?? []).map((payment) => input.payments.merchant[payment]))].map((merchant) =>
          graph.merchantNodeId(merchant),
        );
        const times = reason.span
          ? [reason.span.startedAt, reason.span.endedAt]
          : [...(reason.evidence?.transfers ?? []).map((transfer) => input.transfers.at[transfer]), ...(reason.evidence?.payments ?? []).map((payment) => input.payments.at[payment])];
        // Half-open like every TimeWindow: `to` lies just after the last cited movement.
        const timeWindow = times.length > 0 ? { from: new Date(Math.min(...times)).toISOString(), to: new Date(Math.max(...times) + 1).toISOString() } : null;
        return { kind: reason.kind, code: reason.code, params: reason.params, weight: reason.weight, evidenceNodeIds: [...accounts, ...merchants], timeWindow };
      }),
    };
  }

  /**
   * Every money cycle and fan-in of a cluster with the transfers in order (the same findings its
   * reasons cite): cycles whose accounts are all members, fan-ins into a member counting only
   * senders in the cluster.
   */
  moneyFlows(clusterId: string): RingMoneyFlows {
    const detection = this.requireDetection();
    const cluster = detection.byId.get(clusterId);
    if (!cluster) throw new ApiError('not_found', `No cluster ${clusterId} in the latest detection; run detection again.`, { reason: 'cluster_missing', params: { clusterId } });
    const { graph, result } = detection;
    const { transfers } = graph.input;
    const members = new Set(cluster.members);
    const iso = (ms: number) => new Date(ms).toISOString();
    const step = (t: number) => ({
      source: graph.accountNodeId(transfers.from[t]),
      target: graph.accountNodeId(transfers.to[t]),
      amount: Math.round(transfers.amount[t] * 100) / 100,
      at: iso(transfers.at[t]),
    });
    const cycles = result.cycles
      .filter((cycle) => cycle.accounts.every((account) => members.has(account)))
      .sort((a, b) => a.endedAt - a.startedAt - (b.endedAt - b.startedAt) || a.startedAt - b.startedAt)
      .map((cycle) => ({ accountIds: cycle.accounts.map((account) => graph.accountNodeId(account)), steps: cycle.transfers.map(step), startedAt: iso(cycle.startedAt), endedAt: iso(cycle.endedAt) }));
    const fanIns = result.fanIns
      .filter((fan) => members.has(fan.account))
      .map((fan) => {
        const inCluster = fan.transfers.filter((t) => members.has(transfers.from[t])).sort((a, b) => transfers.at[a] - transfers.at[b] || a - b);
        return {
          receiverId: graph.accountNodeId(fan.account),
          senderIds: fan.senders.filter((sender) => members.has(sender)).map((sender) => graph.accountNodeId(sender)),
          passThroughSenderIds: fan.passThroughSenders.filter((sender) => members.has(sender)).map((sender) => graph.accountNodeId(sender)),
          steps: inCluster.map(step),
          startedAt: iso(fan.startedAt),
          endedAt: iso(fan.endedAt),
        };
      })
      .filter((fan) => fan.steps.length > 0);
    return { cycles, fanIns };
  }

  /** An account's propagated risk and the neighbours it came from (the explanation for a new account). */
  accountRisk(nodeId: string): AccountRisk {
    const detection = this.currentDetection();
    if (!detection) return { nodeId, status: 'not-run', risk: null, relativeRisk: null, seed: false, contributors: [] };
    const account = detection.graph.accountOfNodeId(nodeId);
    if (account < 0) return { nodeId, status: 'not-in-detection', risk: null, relativeRisk: null, seed: false, contributors: [] };
    const { risk } = detection.result;
    const { graph } = detection;
    const contributors = [];
    for (let slot = 0; slot < 3; slot++) {
      const neighbour = risk.topContributors[account * 3 + slot];
      if (neighbour < 0 || risk.score[account] === 0) break;
      contributors.push({
        nodeId: graph.accountNodeId(neighbour),
        label: graph.accountNodeId(neighbour).replace(/^account:/, ''),
        blacklisted: graph.input.accounts.blacklisted[neighbour] === 1,
        contribution: Math.min(1, risk.topContributions[account * 3 + slot] / risk.score[account]),
      });
    }
    return { nodeId, status: 'ok', risk: risk.normalised[account], relativeRisk: risk.relative ? risk.relative[account] : null, seed: graph.input.accounts.blacklisted[account] === 1, contributors };
  }

  /**
   * The mode asked for, checked against the source; 'auto' takes GDS where the server has it, else
   * upstream results when the graph is over maxAccounts and the mapping names the upstream community,
   * else in-process (which refuses a graph over maxAccounts, saying what would work).
   */
  private async chooseMode(origin: GraphSource, mode: NonNullable<DetectRequest['mode']>, maxAccounts: number, signal: AbortSignal): Promise<DetectionMode> {
    if (mode === 'in-process') return 'in-process';
    if (mode === 'upstream') {
      if (origin instanceof Neo4jGraphSource) return 'upstream';
      throw new ApiError('invalid_input', 'Upstream results are read from a Neo4j connection whose accounts carry a community id written by a batch job.', {
        reason: 'upstream_unsupported',
        fields: [{ path: 'mode', message: 'upstream results need a Neo4j connection' }],
      });
    }
    const gdsAvailable = origin instanceof Neo4jGraphSource && (await hasGds(origin.client, signal));
    if (mode === 'gds' && !gdsAvailable) {
      throw new ApiError(
        'invalid_input',
        origin instanceof Neo4jGraphSource
          ? 'The connected Neo4j has no Graph Data Science library: run detection in RingScope instead.'
          : 'Server-side (GDS) detection needs a Neo4j connection with the Graph Data Science library.',
        { reason: 'detection_graph_unsupported', fields: [{ path: 'mode', message: 'GDS is not available on the active graph' }] },
      );
    }
    if (gdsAvailable) return 'gds';
    const tooLarge = origin instanceof Neo4jGraphSource && (origin.info().accountCount ?? 0) > maxAccounts;
    return tooLarge && origin.mapping.account.communityProperty ? 'upstream' : 'in-process';
  }

  private async loadGraph(
    origin: GraphSource,
    { supernodeCutoff, maxRelationships, maxAccounts }: { supernodeCutoff: number; maxRelationships: number; maxAccounts: number },
    signal: AbortSignal,
    progress: CallContext['progress'],
  ): Promise<DetectionGraph> {
    if (origin instanceof EmbeddedGraphSource) return embeddedDetectionGraph(origin);
    if (origin instanceof Neo4jGraphSource) {
      const accounts = origin.info().accountCount;
      if (accounts !== null && accounts > maxAccounts) {
        const gds = await hasGds(origin.client, signal);
        const upstream = origin.mapping.account.communityProperty !== null;
        // What would work on this connection, as a code the UI words: GDS, upstream results, both, or neither yet.
        const advice = gds && upstream ? 'gds_or_upstream' : gds ? 'gds' : upstream ? 'upstream' : 'none';
        throw new ApiError(
          'invalid_input',
          `The graph has ${accounts} accounts, more than the ${maxAccounts} RingScope reads for detection in-process: run detection server-side with GDS, or read the upstream results (community id and score) a batch job wrote (advice: ${advice}).`,
          { reason: 'graph_too_large', params: { accounts, maxAccounts, advice }, fields: [{ path: 'maxAccounts', message: 'is smaller than the graph' }] },
        );
      }
      // The whole graph, streamed: every account, then its links in batches (never a silent cut-off).
      const loaded = await origin.loadSubgraph(
        { wholeGraph: true },
        {
          maxRelationships,
          supernodeCutoff,
          signal,
          // Loading is the first of six steps; within it, progress is the share of the relationship budget read.
          onProgress: (relationships) => progress(Math.min(0.99, relationships / maxRelationships), 6, 'rings.load-graph'),
        },
      );
      return loadedDetectionGraph(loaded, supernodeCutoff);
    }
    throw new ApiError('unavailable', 'Ring detection does not support the active graph source.', { reason: 'source_unsupported' });
  }

  /** Hub nodes with their masked values and mapped names, read from the source like any other node. */
  private async describeHubs(origin: GraphSource, hubs: HubReference[], signal: AbortSignal): Promise<ExcludedHub[]> {
    if (hubs.length === 0) return [];
    const { nodes } = await origin.subgraph(hubs.map((hub) => hub.nodeId), { includeSharedIdentifiers: false, signal });
    const drawn = new Map(nodes.map((node) => [node.id, node]));
    return hubs.map((hub) => {
      const node = drawn.get(hub.nodeId);
      return { ...hub, maskedLabel: node?.label ?? hub.nodeId, ...(node?.identifierType && { identifierType: node.identifierType }) };
    });
  }

  /** The latest detection, unless the active source changed since (its node ids would not match). */
  private currentDetection(): Detection | null {
    if (this.latest && this.latest.origin !== this.options.source.current) this.latest = null;
    return this.latest;
  }

  private requireDetection(): Detection {
    const detection = this.currentDetection();
    if (!detection) throw new ApiError('not_found', 'Ring detection has not run on this graph yet: run detection first.', { reason: 'detection_missing' });
    return detection;
  }
}

function buildDetection(origin: GraphSource, summary: RingsDetectResult, graph: DetectionGraph, result: RingPipelineResult): Detection {
  const flaggedClusters = result.clusters.filter((cluster) => cluster.flagged);
  const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const cluster of result.clusters) histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(cluster.score * HISTOGRAM_BINS))]++;
  return {
    origin,
    summary,
    graph,
    result,
    flagged: flaggedClusters.map((cluster) => ({ cluster, summary: clusterSummary(cluster, graph, summary.supernodeCutoff) })),
    byId: new Map(result.clusters.map((cluster) => [cluster.id, cluster])),
    histogram,
  };
}

function clusterSummary(cluster: RingCluster, graph: DetectionGraph, supernodeCutoff: number): RingClusterSummary {
  return {
    clusterId: cluster.id,
    score: cluster.score,
    size: cluster.members.length,
    ringKind: cluster.kind,
    reasons: cluster.reasons.map(({ kind, code, params, weight }) => ({ kind, code, params, weight })),
    memberCount: cluster.members.length,
    identifierCount: sharedIdentifiers(cluster.members, graph, supernodeCutoff).length,
    blacklistedCount: cluster.members.filter((account) => graph.input.accounts.blacklisted[account] === 1).length,
  };
}

/** Identifiers under the hub cutoff that two or more of the accounts use, ascending. */
function sharedIdentifiers(accounts: readonly number[], graph: DetectionGraph, supernodeCutoff: number): number[] {
  const users = new Map<number, number>();
  for (const account of accounts) {
    for (let p = graph.linkOffsets[account]; p < graph.linkOffsets[account + 1]; p++) {
      const identifier = graph.linkIdentifiers[p];
      users.set(identifier, (users.get(identifier) ?? 0) + 1);
    }
  }
  return [...users]
    .filter(([identifier, count]) => count >= 2 && graph.identifierAccountCount[identifier] <= supernodeCutoff)
    .map(([identifier]) => identifier)
    .sort((a, b) => a - b);
}

/** Identifiers of the searched graph shared by more accounts than the cutoff, largest first, and how many there are. */
function excludedHubs(graph: DetectionGraph, supernodeCutoff: number): { hubs: HubReference[]; hubCount: number } {
  const hubs: number[] = [];
  graph.identifierAccountCount.forEach((count, identifier) => {
    if (count > supernodeCutoff) hubs.push(identifier);
  });
  hubs.sort((a, b) => graph.identifierAccountCount[b] - graph.identifierAccountCount[a] || a - b);
  return {
    hubs: hubs.slice(0, LISTED_HUBS).map((identifier) => ({
      nodeId: graph.identifierNodeId(identifier),
      kind: graph.identifierKind(identifier),
      accountCount: graph.identifierAccountCount[identifier],
    })),
    hubCount: hubs.length,
  };
}
