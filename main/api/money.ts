/**
 * Money, time and paths (issue #10) in the contract: how two accounts connect, the money links among
 * selected accounts, following money over several hops, and full-text search grouped by kind.
 * Answers are data and codes (e.g. `no_path_within_hops` with its `maxHops`), never English sentences.
 */
import { z } from 'zod';
import { EdgeKind, GraphEdge, GraphNode, NodeKind } from './model';

/** Same rule as contract.ts's TaskId (importing it from there would be a module cycle). */
const TaskId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');
const NodeId = z.string().min(1, 'is required').max(512);
/** A relationship type as stored (checked against the active source's mapped types before any query). */
const RelationshipType = z.string().min(1, 'is required').max(200);
// Only a malformed text gets this wording; a value of the wrong type keeps zod's "expected string".
const IsoTime = z.iso.datetime({ offset: true, error: (issue) => (issue.code === 'invalid_format' ? 'must be an ISO-8601 date and time' : undefined) });

/** Longest path RingScope searches for: beyond it a path explains nothing to an investigator. */
export const MAX_PATH_HOPS = 10;

/** A half-open time window [from, to); either end may be left open. */
export const TimeWindow = z
  .object({ from: IsoTime.nullable().default(null), to: IsoTime.nullable().default(null) })
  .strict()
  .refine((window) => window.from === null || window.to === null || Date.parse(window.from) < Date.parse(window.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type TimeWindow = z.output<typeof TimeWindow>;

export const PathsInput = z
  .object({
    fromId: NodeId,
    toId: NodeId,
    /** Link kinds the path may use (any direction), as `pathLinkTypes` names them, e.g. ["USES_DEVICE", "TRANSFERRED_TO", "Transaction"]. */
    linkTypes: z.array(RelationshipType).min(1, 'choose at least one link kind').max(32),
    maxHops: z.number().int('must be a whole number').min(1).max(MAX_PATH_HOPS).default(6),
    /** false: one shortest path; true: every shortest path, up to `limit`. */
    all: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(25),
    taskId: TaskId.optional(),
  })
  .strict();
export type PathsInput = z.output<typeof PathsInput>;

/** One path: node ids from start to end, and the (folded) edge id of each hop. */
export const GraphPath = z.object({ nodeIds: z.array(z.string()).min(2), edgeIds: z.array(z.string()).min(1) }).strict();
export type GraphPath = z.infer<typeof GraphPath>;

export const PathsResult = z
  .object({
    /** `found`, or `no_path_within_hops` (a clear answer, not an error): nothing connects them in `maxHops` hops. */
    status: z.enum(['found', 'no_path_within_hops']),
    maxHops: z.number().int(),
    /** Hops of the shortest path(s), null when none was found. */
    length: z.number().int().nullable(),
    paths: z.array(GraphPath),
    /** True when there are more shortest paths than `limit`. */
    truncated: z.boolean(),
    /** Every node and edge on the paths, ready to add to the canvas (edges folded as in graph.expand). */
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
  })
  .strict();
export type PathsResult = z.infer<typeof PathsResult>;

/** Which entry of the schema mapping a path link kind comes from. */
export const PATH_LINK_ENTRIES = ['identifier', 'transfer', 'payment', 'account-link', 'event-link'] as const;

/**
 * One link kind a path may follow, as the active source maps it (for the path dialog's choices):
 * a relationship type, or for an event-node link `(a)-[T1]->(e:Label)-[T2]->(b)` the event label,
 * which also types the a → b money link drawn for it (one hop on a path).
 */
export const PathLinkType = z
  .object({
    type: z.string(),
    kind: EdgeKind,
    /** For identifier links, which identifier the type leads to; null for money links. */
    identifierKind: NodeKind.nullable(),
    mappedAs: z.enum(PATH_LINK_ENTRIES),
  })
  .strict();
export type PathLinkType = z.infer<typeof PathLinkType>;
export const PathLinkTypesResult = z.object({ linkTypes: z.array(PathLinkType) }).strict();
export type PathLinkTypesResult = z.infer<typeof PathLinkTypesResult>;

/** How far the details panel looks for a known-bad account by default. */
export const DEFAULT_KNOWN_BAD_HOPS = 4;

export const PathToKnownBadInput = z
  .object({
    nodeId: NodeId,
    maxHops: z.number().int('must be a whole number').min(1).max(MAX_PATH_HOPS).default(DEFAULT_KNOWN_BAD_HOPS),
    taskId: TaskId.optional(),
  })
  .strict();
export type PathToKnownBadInput = z.output<typeof PathToKnownBadInput>;

/**
 * The shortest path over the mapped identifier, transfer, direct account and event-node links (not
 * card payments: a merchant links thousands) from an account to the nearest other known-bad account (of several equally
 * near, the one with the smallest id). `no_known_bad_marker`: the
 * mapping marks no account known-bad, so there is nothing to look for.
 */
export const PathToKnownBadResult = z
  .object({
    status: z.enum(['found', 'no_path_within_hops', 'no_known_bad_marker']),
    maxHops: z.number().int(),
    length: z.number().int().nullable(),
    knownBadId: z.string().nullable(),
    path: GraphPath.nullable(),
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
  })
  .strict();
export type PathToKnownBadResult = z.infer<typeof PathToKnownBadResult>;

/** One money movement (a transfer or a payment) as stored, not folded. */
export const MoneyLink = z
  .object({
    /** Stable for the source's lifetime; unique among money links. */
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.string(),
    kind: z.enum(['transfer', 'payment']),
    amount: z.number().nullable(),
    /** ISO currency code when the graph stores one; null means unknown (never assumed). */
    currency: z.string().nullable(),
    at: z.string().nullable(),
  })
  .strict();
export type MoneyLink = z.infer<typeof MoneyLink>;

export const TransactionsInput = z
  .object({
    /** Accounts (and merchants): every money link between two of them is returned. */
    nodeIds: z.array(NodeId).min(1).max(2_000),
    window: TimeWindow.optional(),
    limit: z.number().int().min(1).max(50_000).default(5_000),
    taskId: TaskId.optional(),
  })
  .strict();
export type TransactionsInput = z.output<typeof TransactionsInput>;

export const TransactionsResult = z.object({ links: z.array(MoneyLink), truncated: z.boolean() }).strict();
export type TransactionsResult = z.infer<typeof TransactionsResult>;

export const LinkDetailsInput = z.object({ source: NodeId, target: NodeId, type: RelationshipType }).strict();
export const LinkDetails = z
  .object({
    edge: GraphEdge,
    /** For money links every movement, oldest first (at most 5,000); empty for identifier links. */
    links: z.array(MoneyLink),
    truncated: z.boolean(),
  })
  .strict();
export type LinkDetails = z.infer<typeof LinkDetails>;

export const FollowMoneyInput = z
  .object({
    nodeId: NodeId,
    /** forward: where the money went; backward: where it came from. */
    direction: z.enum(['forward', 'backward']),
    maxHops: z.number().int('must be a whole number').min(1).max(6).default(3),
    window: TimeWindow.optional(),
    limit: z.number().int().min(1).max(20_000).default(2_000),
    taskId: TaskId.optional(),
  })
  .strict();
export type FollowMoneyInput = z.output<typeof FollowMoneyInput>;

export const FollowMoneyResult = z
  .object({ nodes: z.array(GraphNode), links: z.array(MoneyLink), truncated: z.boolean() })
  .strict();
export type FollowMoneyResult = z.infer<typeof FollowMoneyResult>;

export const TextSearchInput = z
  .object({
    query: z.string().trim().min(1, 'is required').max(200),
    /** Hits listed per kind; `total` still counts them all (up to `countCap`). */
    limitPerKind: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export type TextSearchInput = z.output<typeof TextSearchInput>;

export const TextSearchGroup = z
  .object({
    kind: NodeKind,
    hits: z.array(z.object({ node: GraphNode, matchedOn: z.string() }).strict()),
    /** How many matched; with `totalIsLowerBound` the count stopped there ("more than N"). */
    total: z.number().int().nonnegative(),
    totalIsLowerBound: z.boolean(),
  })
  .strict();
export const TextSearchResult = z
  .object({
    /** `fulltext`: Neo4j full-text indexes answered; `prefix`: the fallback prefix search did. */
    method: z.enum(['fulltext', 'prefix']),
    groups: z.array(TextSearchGroup),
  })
  .strict();
export type TextSearchResult = z.infer<typeof TextSearchResult>;
export type TextSearchGroup = z.infer<typeof TextSearchGroup>;

export const RingMoneyFlowsInput = z.object({ clusterId: z.string().min(1, 'is required').max(200) }).strict();

/** One transfer along a cycle or into a fan-in: the canvas highlights the transfer edge from source to target. */
export const MoneyFlowStep = z.object({ source: z.string(), target: z.string(), amount: z.number().nullable(), at: z.string() }).strict();
export const RingMoneyFlows = z
  .object({
    /** Every money cycle inside the cluster, shortest in time first; steps in order, the last returns to the first account. */
    cycles: z.array(z.object({ accountIds: z.array(z.string()), steps: z.array(MoneyFlowStep), startedAt: z.string(), endedAt: z.string() }).strict()),
    /** Every fan-in into a member from senders in the cluster, steps in time order. */
    fanIns: z.array(
      z
        .object({
          receiverId: z.string(),
          senderIds: z.array(z.string()),
          /** Senders that passed on money they had just received (mules). */
          passThroughSenderIds: z.array(z.string()),
          steps: z.array(MoneyFlowStep),
          startedAt: z.string(),
          endedAt: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type RingMoneyFlows = z.infer<typeof RingMoneyFlows>;
