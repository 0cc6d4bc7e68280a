import type { RingKind } from '../../api';
import { louvainCommunities, type LouvainOptions } from './communities';
import { connectedComponents, groupBy, UnionFind } from './components';
import { accountName, throwIfAborted, type RingDetectionInput } from './input';
import {
  findFanIns,
  findTransferCycles,
  indexPayments,
  indexTransfers,
  type CycleOptions,
  type FanInPattern,
  type FanOptions,
  type TransferCycle,
} from './money-flows';
import { projectedSubgraph, sharedIdentifierProjection, type ExcludedHub, type ProjectionOptions, type SharedIdentifierProjection } from './projection';
import { DEFAULT_RISK_PROPAGATION, explainedRisk, propagateRisk, propagateTwoSidedRisk, type PropagatedRisk, type RiskPropagationOptions, type TwoSidedRisk } from './risk-propagation';
import { DEFAULT_RING_SCORE, indexFindings, ringScore, scoringScratch, type RingReason, type RingScoreOptions } from './ring-score';

export interface RingPipelineOptions {
  projection: Partial<ProjectionOptions>;
  /** Connected components larger than this are split into communities (Louvain). */
  maxComponentSize: number;
  louvain: Partial<LouvainOptions>;
  /** A cluster is flagged when its ring score reaches this and it has at least minClusterSize accounts. */
  flagThreshold: number;
  minClusterSize: number;
  /** Also return clusters that were scored but not flagged. */
  includeUnflagged: boolean;
  cycles: Partial<CycleOptions>;
  fanIn: Partial<FanOptions>;
  /** A fan-in with this many pass-through senders joins them into the hub's cluster even without shared identifiers. */
  fanInClusterMinSenders: number;
  ringScore: Partial<RingScoreOptions>;
  riskPropagation: Partial<RiskPropagationOptions>;
  /**
   * Louvain communities already found for the input's accounts (GDS on the server, over the whole
   * graph), -1 where none: oversized components are split along them rather than by in-process Louvain.
   */
  knownCommunities?: Int32Array;
  /** Personalised PageRank scores already computed for the input's accounts (GDS on the server): explained here, not recomputed. */
  knownRiskScores?: Float64Array;
  /**
   * Clusters decided upstream (the community a batch job wrote on each account, -1 where none): each
   * is scored as it is, with reasons from its own members, instead of being searched for here.
   */
  fixedClusters?: Int32Array;
}

export const DEFAULT_RING_PIPELINE: RingPipelineOptions = {
  projection: {},
  maxComponentSize: 40,
  louvain: {},
  flagThreshold: 0.5,
  minClusterSize: 3,
  includeUnflagged: false,
  cycles: {},
  fanIn: {},
  fanInClusterMinSenders: 8,
  ringScore: {},
  riskPropagation: {},
};

/** A candidate ring: accounts, score, guessed kind and the reasons behind the score. */
export interface RingCluster {
  /** Stable for the same input: derived from the cluster's first account. */
  id: string;
  /** Account indexes, ascending. */
  members: number[];
  score: number;
  kind: RingKind;
  reasons: RingReason[];
  flagged: boolean;
}

export const PIPELINE_STEPS = ['projection', 'money-flows', 'clusters', 'scoring', 'risk-propagation'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** Progress in steps: `done` may be fractional inside a step; shaped like the Api's ProgressEvent. */
export interface PipelineProgress {
  step: PipelineStep;
  done: number;
  total: number;
}

export interface PipelineControl {
  signal?: AbortSignal;
  onProgress?: (progress: PipelineProgress) => void;
}

export interface RingPipelineResult {
  accountCount: number;
  supernodeCutoff: number;
  excludedHubs: ExcludedHub[];
  /** Flagged clusters (and unflagged ones when asked), highest score first. */
  clusters: RingCluster[];
  /** Clusters of at least minClusterSize accounts that were scored. */
  scoredClusterCount: number;
  flaggedClusterCount: number;
  cycles: TransferCycle[];
  fanIns: FanInPattern[];
  risk: PropagatedRisk;
  timingsMs: Record<PipelineStep, number>;
}

/** Everything ring detection finds but the propagated risk: what one thread computes while another propagates risk. */
export type RingClustersResult = Omit<RingPipelineResult, 'risk' | 'timingsMs'> & { timingsMs: Omit<RingPipelineResult['timingsMs'], 'risk-propagation'> };

/**
 * Ring detection end to end: shared-identifier projection → money-flow patterns → clusters
 * (components, large ones split by Louvain) → ring scores with reasons → risk propagation.
 * Synchronous and pure; checks `signal` between and inside steps and reports progress, so it can
 * run directly in tests and benchmarks. The app runs the same two halves, detectRingClusters and
 * propagateAccountRisk, on two worker threads at once (see worker.ts).
 */
export function runRingPipeline(
  input: RingDetectionInput,
  options: Partial<RingPipelineOptions> = {},
  control: PipelineControl = {},
): RingPipelineResult {
  const { projection, ...clusters } = detectRingClustersWithProjection(input, options, control);
  const started = performance.now();
  // Clusters and the walk read money flows differently (see clusteringProjection); without flows their projections are one.
  const risk = propagateAccountRisk(input, options, control, input.accountLinks?.flow?.includes(1) ? undefined : projection);
  return { ...clusters, risk, timingsMs: { ...clusters.timingsMs, 'risk-propagation': performance.now() - started } };
}

/** Steps 1-4 of the pipeline (no risk propagation), reporting progress in steps of the whole pipeline. */
export function detectRingClusters(
  input: RingDetectionInput,
  options: Partial<RingPipelineOptions> = {},
  control: PipelineControl = {},
): RingClustersResult {
  const { projection: _projection, ...clusters } = detectRingClustersWithProjection(input, options, control);
  return clusters;
}

/**
 * Step 5: personalised PageRank from the blacklisted accounts (or, given GDS scores, their
 * explanation). Reports the step's start and end; builds the projection unless handed one.
 */
export function propagateAccountRisk(
  input: RingDetectionInput,
  options: Partial<RingPipelineOptions> = {},
  { signal, onProgress }: PipelineControl = {},
  projection: SharedIdentifierProjection = sharedIdentifierProjection(input, options.projection),
): PropagatedRisk {
  const settings = { ...DEFAULT_RING_PIPELINE, ...options };
  const step = PIPELINE_STEPS.indexOf('risk-propagation');
  const report = (done: number) => onProgress?.({ step: 'risk-propagation', done, total: PIPELINE_STEPS.length });
  throwIfAborted(signal);
  report(step);
  const knownGood = input.accounts.knownGood;
  const risk = settings.knownRiskScores
    ? explainedRisk(projection, input.accounts.blacklisted, settings.knownRiskScores, { ...DEFAULT_RISK_PROPAGATION, ...settings.riskPropagation }, signal)
    : knownGood?.includes(1)
      ? twoSided(propagateTwoSidedRisk(projection, input.accounts.blacklisted, knownGood, settings.riskPropagation, signal))
      : propagateRisk(projection, input.accounts.blacklisted, settings.riskPropagation, signal);
  report(PIPELINE_STEPS.length);
  return risk;
}

const twoSided = (risk: TwoSidedRisk): PropagatedRisk => ({ ...risk.bad, relative: risk.relative });

function detectRingClustersWithProjection(
  input: RingDetectionInput,
  options: Partial<RingPipelineOptions>,
  control: PipelineControl,
): RingClustersResult & { projection: SharedIdentifierProjection } {
  const settings = { ...DEFAULT_RING_PIPELINE, ...options };
  const { signal, onProgress } = control;
  const timingsMs = {} as RingClustersResult['timingsMs'];
  const run = <T>(step: Exclude<PipelineStep, 'risk-propagation'>, work: (report: (fraction: number) => void) => T): T => {
    throwIfAborted(signal);
    const index = PIPELINE_STEPS.indexOf(step);
    const report = (fraction: number) =>
      onProgress?.({ step, done: index + Math.min(1, fraction), total: PIPELINE_STEPS.length });
    report(0);
    const started = performance.now();
    const value = work(report);
    timingsMs[step] = performance.now() - started;
    return value;
  };

  const projection = run('projection', () => sharedIdentifierProjection(input, clusteringProjection(settings.projection)));

  const findings = run('money-flows', (report) => {
    const transfers = indexTransfers(input);
    report(0.2);
    const cycles = findTransferCycles(input, settings.cycles, signal, transfers);
    report(0.6);
    const fanIns = findFanIns(input, settings.fanIn, signal, transfers);
    report(0.8);
    // Cash-out bursts are searched per cluster while scoring; this only indexes the payments.
    return { cycles, fanIns, payments: indexPayments(input) };
  });

  const clusters = run('clusters', (report) => {
    if (settings.fixedClusters) return fixedClusterMembers(settings.fixedClusters, settings.minClusterSize);
    const evidenceGroups: number[][] = findings.cycles.map((cycle) => cycle.accounts);
    for (const fan of findings.fanIns) {
      if (fan.passThroughSenders.length >= settings.fanInClusterMinSenders) evidenceGroups.push([fan.account, ...fan.passThroughSenders]);
    }
    const components = connectedComponents(projection, evidenceGroups);
    // Evidence as star edges (group head → each other account), filed under the component they fall in.
    const evidenceEdgesByComponent = new Map<number, [number, number][]>();
    for (const group of evidenceGroups) {
      const component = components.componentOf[group[0]];
      const edges = evidenceEdgesByComponent.get(component) ?? [];
      for (const account of group.slice(1)) edges.push([group[0], account]);
      evidenceEdgesByComponent.set(component, edges);
    }
    const found: number[][] = [];
    const localIndex = new Int32Array(input.accounts.count).fill(-1);
    for (let c = 0; c < components.count; c++) {
      if ((c & 0xfff) === 0) {
        throwIfAborted(signal);
        report(c / components.count);
      }
      const size = components.offsets[c + 1] - components.offsets[c];
      if (size < settings.minClusterSize) continue;
      const accounts = components.accounts.subarray(components.offsets[c], components.offsets[c + 1]);
      if (size <= settings.maxComponentSize) {
        found.push(Array.from(accounts));
        continue;
      }
      const evidenceEdges = evidenceEdgesByComponent.get(c) ?? [];
      found.push(
        ...(settings.knownCommunities
          ? splitAlongKnownCommunities(accounts, evidenceEdges, settings.knownCommunities, projection, localIndex, settings)
          : splitComponent(accounts, evidenceEdges, projection, localIndex, settings)),
      );
    }
    return found.filter((members) => members.length >= settings.minClusterSize);
  });

  const scored = run('scoring', (report) => {
    const index = indexFindings(findings);
    const scratch = scoringScratch(input.accounts.count, input.identifiers.count);
    const scoreOptions = { ...DEFAULT_RING_SCORE, ...settings.ringScore };
    return clusters.map((members, i): RingCluster => {
      if ((i & 0xfff) === 0) {
        throwIfAborted(signal);
        report(i / clusters.length);
      }
      const { score, kind, reasons } = ringScore(members, input, projection, index, scratch, scoreOptions);
      const flagged = score >= settings.flagThreshold && members.length >= settings.minClusterSize;
      return { id: `C-${accountName(input, members[0])}`, members, score, kind, reasons, flagged };
    });
  });

  const flaggedClusterCount = scored.filter((cluster) => cluster.flagged).length;
  const returned = settings.includeUnflagged ? scored : scored.filter((cluster) => cluster.flagged);
  returned.sort((a, b) => b.score - a.score || a.members[0] - b.members[0]);
  return {
    accountCount: input.accounts.count,
    supernodeCutoff: projection.supernodeCutoff,
    excludedHubs: projection.excludedHubs,
    clusters: returned,
    scoredClusterCount: scored.length,
    flaggedClusterCount,
    cycles: findings.cycles,
    fanIns: findings.fanIns,
    timingsMs,
    projection,
  };
}

/**
 * Clusters are cut from money relationships (flows repeated between a pair, away from money hubs),
 * not from every single payment, which joins strangers; the risk walk follows every flow.
 */
const clusteringProjection = (options: Partial<ProjectionOptions>): Partial<ProjectionOptions> => ({ moneyLinks: 'relationships', ...options });

/** The accounts of each upstream cluster (ascending), in order of first appearance; -1 is no cluster. */
function fixedClusterMembers(clusterOf: Int32Array, minClusterSize: number): number[][] {
  const byCluster = new Map<number, number[]>();
  clusterOf.forEach((cluster, account) => {
    if (cluster < 0) return;
    const members = byCluster.get(cluster) ?? [];
    members.push(account);
    byCluster.set(cluster, members);
  });
  return [...byCluster.values()].filter((members) => members.length >= minClusterSize);
}

/**
 * Splits one oversized component into Louvain communities (members ascending). Communities still
 * above maxComponentSize are split again on their own subgraph: on a component of 100k+ accounts
 * Louvain's resolution limit leaves communities of hundreds, where a ring is a dozen.
 */
function splitComponent(
  accounts: ArrayLike<number>,
  evidenceEdges: [number, number][],
  projection: SharedIdentifierProjection,
  localIndex: Int32Array,
  settings: RingPipelineOptions,
  depth = 0,
): number[][] {
  const position = new Map<number, number>();
  for (let i = 0; i < accounts.length; i++) position.set(accounts[i], i);
  const extra = evidenceEdges
    .filter(([a, b]) => position.has(a) && position.has(b))
    .map(([a, b]) => ({ a: position.get(a)!, b: position.get(b)!, weight: 1 }));
  const graph = projectedSubgraph(projection, accounts, localIndex, extra);
  const community = louvainCommunities(graph, settings.louvain);
  const groups: number[][] = [];
  for (let i = 0; i < accounts.length; i++) (groups[community[i]] ??= []).push(accounts[i]);
  if (groups.length === 1 || depth >= MAX_SPLIT_DEPTH) return groups;
  return groups.flatMap((group) =>
    group.length > settings.maxComponentSize ? splitComponent(group, evidenceEdges, projection, localIndex, settings, depth + 1) : [group],
  );
}

const MAX_SPLIT_DEPTH = 4;

/**
 * The server-side equivalent of splitComponent: one oversized component cut along communities that
 * Louvain found on the whole graph (GDS). Money-flow evidence is not in the server's projection, so
 * accounts it links are put back together, as its edges hold them together in splitComponent. Louvain
 * over a whole graph leaves communities of hundreds (its resolution limit), so a group still above
 * maxComponentSize falls back to in-process splitting, recursively, as splitComponent does.
 */
function splitAlongKnownCommunities(
  accounts: ArrayLike<number>,
  evidenceEdges: [number, number][],
  knownCommunities: Int32Array,
  projection: SharedIdentifierProjection,
  localIndex: Int32Array,
  settings: RingPipelineOptions,
): number[][] {
  const position = new Map<number, number>();
  for (let i = 0; i < accounts.length; i++) position.set(accounts[i], i);
  const sets = new UnionFind(accounts.length);
  const firstOfCommunity = new Map<number, number>();
  for (let i = 0; i < accounts.length; i++) {
    const community = knownCommunities[accounts[i]];
    // -1: the server's community was too small to be a cluster; the account stays alone unless evidence joins it.
    if (community < 0) continue;
    const first = firstOfCommunity.get(community);
    if (first === undefined) firstOfCommunity.set(community, i);
    else sets.union(first, i);
  }
  for (const [a, b] of evidenceEdges) {
    const from = position.get(a);
    const to = position.get(b);
    if (from !== undefined && to !== undefined) sets.union(from, to);
  }
  const groups = groupBy(accounts.length, (i) => sets.find(i));
  const found: number[][] = [];
  for (let g = 0; g < groups.count; g++) {
    const group = Array.from(groups.accounts.subarray(groups.offsets[g], groups.offsets[g + 1]), (i) => accounts[i]);
    if (group.length > settings.maxComponentSize) found.push(...splitComponent(group, evidenceEdges, projection, localIndex, settings));
    else found.push(group);
  }
  return found;
}
