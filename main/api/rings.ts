/**
 * The `rings` area of the contract: ring detection on the active graph, the ranked queue of flagged
 * clusters, one cluster's members and evidence, and an account's propagated risk.
 */
import { z } from 'zod';
import { IdentifierType, NodeKind, RingKind, SourceInfo } from './model';
import { RingReasonCode, RingReasonParams } from './ring-reasons';

const TaskId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');
const Score = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** The evidence behind a ring score (mirrors the analytics' reason kinds). */
export const RING_REASON_KINDS = ['shared-identifiers', 'account-age-burst', 'money-cycle', 'blacklisted-members', 'fan-in', 'round-amount-payments'] as const;
export const RingReasonKind = z.enum(RING_REASON_KINDS);

/**
 * Where detection runs: in RingScope (on the embedded graph or the whole Neo4j graph, streamed),
 * server-side with Neo4j GDS, or on upstream results (communities a batch job wrote, top ones loaded).
 */
export const DETECTION_MODES = ['in-process', 'gds', 'upstream'] as const;
export const DetectionMode = z.enum(DETECTION_MODES);
export type DetectionMode = z.infer<typeof DetectionMode>;

export const RingsDetectInput = z.strictObject({
  taskId: TaskId.optional(),
  /** Identifiers shared by more accounts than this are hubs (office IPs, shared addresses) and ignored. */
  supernodeCutoff: z.number().int('must be a whole number').min(2, 'must be at least 2').max(100_000).optional(),
  /** Clusters scoring at least this are flagged (default 0.5). */
  minScore: Score.optional(),
  /** Smallest cluster worth flagging (default 3 accounts). */
  minSize: z.number().int('must be a whole number').min(2, 'must be at least 2').max(1_000).optional(),
  /** 'auto' (the default) uses GDS when the connected Neo4j has it. */
  mode: z.enum(['auto', ...DETECTION_MODES]).optional(),
  /** Neo4j in-process mode: stop loading after this many relationships. */
  maxRelationships: z.number().int().min(1_000).max(100_000_000).optional(),
  /**
   * Neo4j in-process mode reads the whole graph, streamed, up to this many accounts (default 5M);
   * a larger graph is refused with the advice to run GDS server-side or read upstream results.
   */
  maxAccounts: z.number().int().min(1_000).max(50_000_000).optional(),
  /** Upstream mode: how many communities to load, best ranked first (default 200). */
  upstreamCommunities: z.number().int().min(1).max(10_000).optional(),
  /** Upstream mode: members read per community at most (default 500). */
  upstreamMaxMembers: z.number().int().min(2).max(100_000).optional(),
  /** Upstream mode: rank communities by their highest upstream risk score (default) or by size. */
  upstreamRankBy: z.enum(['score', 'size']).optional(),
});

/** What upstream mode read: how many communities, how ranked, and how many had more members than were loaded. */
export const UpstreamSummary = z.strictObject({
  communities: z.number().int().nonnegative(),
  cappedCommunities: z.number().int().nonnegative(),
  rankBy: z.enum(['score', 'size']),
  maxMembers: z.number().int().positive(),
});
export type UpstreamSummary = z.infer<typeof UpstreamSummary>;

export const ExcludedHub = z.strictObject({
  nodeId: z.string(),
  kind: NodeKind,
  /** The identifier's value, masked like everywhere else. */
  maskedLabel: z.string(),
  accountCount: z.number().int().nonnegative(),
  /** The mapped entry's own name and picture (an SSN), as on its GraphNode; absent: named and drawn by kind. */
  identifierType: IdentifierType.optional(),
});
export type ExcludedHub = z.infer<typeof ExcludedHub>;

/**
 * Evidence the schema mapping does not provide, so the ring reasons and walks that need it were not
 * used: creation time (opening bursts), known-bad and known-good markers (seeds), money flows
 * (cycles, fan-in), merchant payments (cash-out bursts).
 */
export const UNMAPPED_EVIDENCE = ['creation-time', 'known-bad', 'known-good', 'money-flows', 'payments'] as const;
export const UnmappedEvidence = z.enum(UNMAPPED_EVIDENCE);
export type UnmappedEvidence = z.infer<typeof UnmappedEvidence>;

export const RingsDetectResult = z.strictObject({
  /** Clusters of at least minSize accounts that were scored. */
  clusterCount: z.number().int().nonnegative(),
  flaggedCount: z.number().int().nonnegative(),
  accounts: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  supernodeCutoff: z.number().int(),
  minScore: Score,
  minSize: z.number().int(),
  /** The largest hubs left out (at most 20), and how many there were in all. */
  excludedHubs: z.array(ExcludedHub),
  excludedHubCount: z.number().int().nonnegative(),
  source: SourceInfo,
  mode: DetectionMode,
  /** True when a Neo4j load stopped at maxRelationships: only part of the graph was searched. */
  truncated: z.boolean(),
  /** Upstream mode only. */
  upstream: UpstreamSummary.optional(),
  /** What the mapping lacks and detection therefore did not use (empty for the demo graph). */
  notMapped: z.array(UnmappedEvidence),
  detectedAt: z.string(),
});
export type RingsDetectResult = z.infer<typeof RingsDetectResult>;

export const RingReasonDto = z.strictObject({
  kind: RingReasonKind,
  /** What the reason says, as a code and parameters the renderer words in the investigator's language. */
  code: RingReasonCode,
  params: RingReasonParams,
  /** Contribution in [0, 1]; reasons combine as independent evidence. */
  weight: Score,
});
export type RingReasonDto = z.infer<typeof RingReasonDto>;

export const RingClusterSummary = z.strictObject({
  clusterId: z.string(),
  score: Score,
  size: z.number().int().nonnegative(),
  ringKind: RingKind,
  /** Strongest first. */
  reasons: z.array(RingReasonDto),
  memberCount: z.number().int().nonnegative(),
  /** Identifiers (under the hub cutoff) that link two or more members. */
  identifierCount: z.number().int().nonnegative(),
  blacklistedCount: z.number().int().nonnegative(),
});
export type RingClusterSummary = z.infer<typeof RingClusterSummary>;

export const RingsListInput = z.strictObject({
  kinds: z.array(RingKind).max(RingKind.options.length).optional(),
  minScore: Score.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

export const ScoreHistogram = z.strictObject({
  /** Equal-width bins over [0, 1]: bin i counts scores in [i/n, (i+1)/n), the last one includes 1. */
  counts: z.array(z.number().int().nonnegative()),
  /** The flag threshold of the detection run, to mark on the chart. */
  threshold: Score,
});
export type ScoreHistogram = z.infer<typeof ScoreHistogram>;

export const RingsListResult = z.strictObject({
  /** Flagged clusters matching the filters (before paging). */
  total: z.number().int().nonnegative(),
  clusters: z.array(RingClusterSummary),
  /** Scores of every scored cluster of the run (flagged or not), so the chart shows where the cut falls. */
  histogram: ScoreHistogram,
  /** The run the list comes from; null (and the list empty) when detection has not run on the active graph. */
  detection: RingsDetectResult.nullable(),
});
export type RingsListResult = z.infer<typeof RingsListResult>;

export const RingsGetInput = z.strictObject({ clusterId: z.string().min(1, 'is required').max(200) });

export const RingReasonWithEvidence = RingReasonDto.extend({
  /** Nodes the reason is about (accounts of a cycle, the fan-in hub and its senders, …). */
  evidenceNodeIds: z.array(z.string()),
  /**
   * For a reason about a span of time (a cycle, a fan-in, a round-amount burst, accounts opened
   * together): the half-open window [from, to) from its first to its last cited transfer, payment or
   * account opening; otherwise null.
   */
  timeWindow: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
});

export const RingClusterDetail = RingClusterSummary.extend({
  memberIds: z.array(z.string()),
  identifierIds: z.array(z.string()),
  reasons: z.array(RingReasonWithEvidence),
});
export type RingClusterDetail = z.infer<typeof RingClusterDetail>;

export const RingsAccountRiskInput = z.strictObject({ nodeId: z.string().min(1, 'is required').max(512) });

export const RiskContributor = z.strictObject({
  nodeId: z.string(),
  label: z.string(),
  blacklisted: z.boolean(),
  /** Share of the account's propagated risk that flowed from this neighbour, in [0, 1]. */
  contribution: Score,
});

export const AccountRisk = z.strictObject({
  nodeId: z.string(),
  /**
   * not-run: no detection yet; not-in-detection: the account was outside the searched part of the graph;
   * ok: risk and contributors are set.
   */
  status: z.enum(['not-run', 'not-in-detection', 'ok']),
  /** Propagated risk normalised to [0, 1] (1 = the riskiest account that is not blacklisted itself). */
  risk: Score.nullable(),
  /**
   * Two-sided risk: the share of the account's walk mass that comes from known-bad rather than
   * known-good accounts, in [0, 1]; null when the graph marks no known-good accounts.
   */
  relativeRisk: Score.nullable(),
  /** True for an account that is itself a blacklisted seed of the propagation. */
  seed: z.boolean(),
  contributors: z.array(RiskContributor),
});
export type AccountRisk = z.infer<typeof AccountRisk>;

export const GraphSubgraphInput = z.strictObject({
  nodeIds: z.array(z.string().min(1).max(512)).min(1, 'give at least one node id').max(2_000, 'at most 2,000 nodes at a time'),
  /** Also return identifiers that two or more of the requested accounts share, with their links. */
  includeSharedIdentifiers: z.boolean().default(false),
});
