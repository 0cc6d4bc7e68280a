/**
 * The single contract between the renderer and the main process, in the spirit of GitHub Desktop's
 * ipc-shared.ts but checked at run time: every method's input and output is a zod schema.
 * Add a method here first; the shells, the preload and the renderer bridges follow from it.
 */
import { z } from 'zod';
import { GraphNode, Subgraph, SourceInfo } from './model';
import * as connections from './connections';
import * as investigation from './investigation';
import * as rings from './rings';
import * as evidence from './evidence';
import * as money from './money';
import { Identity, SwitchDemoIdentityInput } from './trust';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Cancellable methods take an optional taskId chosen by the caller; progress events carry it back. */
export const TaskId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');

const NodeId = z.string().min(1, 'is required').max(512);

export const SearchInput = z.strictObject({
  query: z.string().trim().min(1, 'type an account id, phone number, device id or card number').max(200),
  limit: z.number().int().min(1).max(100).default(20),
});
export const SearchHit = z.strictObject({
  node: GraphNode,
  /** Which property the query matched, e.g. "userId" or "phoneNumber". */
  matchedOn: z.string(),
});
export const SearchResult = z.strictObject({ hits: z.array(SearchHit) });

export const ExpandInput = z.strictObject({
  nodeId: NodeId,
  /** Neighbours returned per call: hubs are paged, never drawn whole. */
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
  taskId: TaskId.optional(),
});
export const ExpandResult = Subgraph.extend({
  centerId: z.string(),
  /** All neighbours of the centre in the graph; more than returned means the node is paged. */
  totalNeighbours: z.number().int().nonnegative(),
  /** Offset for the next page, or null when this page reached the end. */
  nextOffset: z.number().int().nonnegative().nullable(),
});

export const NodeDetailsInput = z.strictObject({ nodeId: NodeId });
export const NodeDetails = z.strictObject({
  node: GraphNode,
  /** Neighbour counts per relationship type, e.g. { type: 'USES_DEVICE', count: 2 }. */
  neighbourCounts: z.array(z.strictObject({ type: z.string(), count: z.number().int().nonnegative() })),
});

export const Health = z.strictObject({
  status: z.literal('ok'),
  version: z.string(),
  source: SourceInfo,
  /** The investigator: the authenticated Neo4j user or a demo identity; a team lead holds a certificate of the team key. */
  user: Identity,
});

export const CancelInput = z.strictObject({ taskId: TaskId });
export const CancelResult = z.strictObject({ cancelled: z.boolean() });

export const apiContract = {
  system: {
    health: method(z.strictObject({}), Health),
    /** Embedded demo only: act as the demo analyst or the demo team lead (refused with a Neo4j store). */
    useDemoIdentity: method(SwitchDemoIdentityInput, Identity),
  },
  graph: {
    search: method(SearchInput.strict(), SearchResult),
    expand: method(ExpandInput.strict(), ExpandResult),
    nodeDetails: method(NodeDetailsInput.strict(), NodeDetails),
    /** The requested nodes and the edges among them (a cluster to draw), optionally with the identifiers they share. */
    subgraph: method(rings.GraphSubgraphInput.strict(), Subgraph),
    /** Shortest path (or every shortest path, capped) between two nodes over chosen link types; "none within N hops" is an answer. */
    paths: method(money.PathsInput, money.PathsResult),
    /** Full-text search (merchant names, cities, e-mail domains, card last four, phone formats) grouped by kind, with totals. */
    textSearch: method(money.TextSearchInput, money.TextSearchResult),
    /** The relationship types the active source maps, which graph.paths may follow. */
    pathLinkTypes: method(z.strictObject({}), money.PathLinkTypesResult),
    /** Shortest path over shared identifiers and transfers from an account to the nearest other known-bad account; "none within N hops" is an answer. */
    pathToKnownBad: method(money.PathToKnownBadInput, money.PathToKnownBadResult),
    /** Every money link (unfolded) among the selected accounts and merchants, oldest first, optionally in a time window. */
    transactions: method(money.TransactionsInput, money.TransactionsResult),
    /** One drawn edge: its kind and folded totals, and for a money edge every movement it folds. */
    linkDetails: method(money.LinkDetailsInput, money.LinkDetails),
    /** "Follow the money": a node's money links forward (where it went) or backward (where it came from) up to N hops, in a time window. */
    followMoney: method(money.FollowMoneyInput, money.FollowMoneyResult),
  },
  tasks: {
    cancel: method(CancelInput.strict(), CancelResult),
  },
  connections: {
    list: method(z.strictObject({}).strict(), connections.ConnectionsListResult),
    save: method(connections.ConnectionsSaveInput.strict(), connections.SavedConnection),
    remove: method(connections.ConnectionsRemoveInput.strict(), connections.ConnectionsRemoveResult),
    test: method(connections.ConnectionTarget, connections.ConnectionTestResult),
    /** Switches the active graph source to this Neo4j connection. */
    connect: method(connections.ConnectionTarget, SourceInfo),
    /** Switches back to the embedded demo graph. */
    useDemo: method(z.strictObject({}).strict(), SourceInfo),
  },
  schema: {
    discover: method(connections.ConnectionTarget, connections.DiscoveredSchema),
    save: method(connections.SchemaSaveInput.strict(), connections.SavedConnection),
  },
  cases: {
    list: method(investigation.CaseListInput.strict(), investigation.CaseList),
    get: method(investigation.CaseGetInput.strict(), investigation.Case),
    create: method(investigation.CaseCreateInput.strict(), investigation.Case),
    update: method(investigation.CaseUpdateInput.strict(), investigation.Case),
    addNote: method(investigation.CaseNoteInput.strict(), investigation.Case),
    tag: method(investigation.CaseTagInput.strict(), investigation.Case),
    updateMembers: method(investigation.CaseMembersInput.strict(), investigation.Case),
    /** Keeps the canvas as a named view of the case (a name already used replaces that view); choose: make it the package's picture. */
    saveView: method(investigation.CaseSaveViewInput.strict(), investigation.Case),
    /** Marks the view the evidence package draws its picture from, or none. */
    chooseView: method(investigation.CaseChooseViewInput.strict(), investigation.Case),
    removeView: method(investigation.CaseRemoveViewInput.strict(), investigation.Case),
    submit: method(investigation.CaseTransitionInput.strict(), investigation.Case),
    reopen: method(investigation.CaseTransitionInput.strict(), investigation.Case),
    close: method(investigation.CaseTransitionInput.strict(), investigation.Case),
  },
  review: {
    /** Cases waiting for a team lead, oldest submission first. */
    queue: method(z.strictObject({}).strict(), investigation.CaseList),
    approve: method(investigation.ReviewInput.strict(), investigation.Case),
    reject: method(investigation.ReviewRejectInput.strict(), investigation.Case),
    /** Reverses an approval: clears the blacklist in the graph and tells the scoring service. */
    revoke: method(investigation.ReviewRejectInput.strict(), investigation.Case),
  },
  audit: {
    list: method(investigation.AuditListInput.strict(), investigation.AuditList),
    verify: method(z.strictObject({}).strict(), investigation.AuditVerification),
  },
  outbox: {
    list: method(investigation.OutboxListInput.strict(), investigation.OutboxList),
    retryNow: method(investigation.OutboxRetryInput.strict(), investigation.OutboxEntry),
  },
  rings: {
    /** Runs ring detection on the active graph (cancellable, with progress) and keeps the result for list/get. */
    detect: method(rings.RingsDetectInput.strict(), rings.RingsDetectResult),
    list: method(rings.RingsListInput.strict(), rings.RingsListResult),
    get: method(rings.RingsGetInput.strict(), rings.RingClusterDetail),
    accountRisk: method(rings.RingsAccountRiskInput.strict(), rings.AccountRisk),
    /** Every money cycle and fan-in of a flagged cluster, transfers in order with amounts and times, to list and highlight one by one. */
    moneyFlows: method(money.RingMoneyFlowsInput, money.RingMoneyFlows),
  },
  evidence: {
    /** Writes the case's evidence package (cancellable, with progress); includePii unmasks personal data and is audited. */
    export: method(evidence.EvidenceExportInput.strict(), evidence.EvidenceExportResult),
    /** Re-checks a package in the exports folder against its manifest and audit chain. */
    verify: method(evidence.EvidenceVerifyInput.strict(), evidence.EvidenceVerification),
  },
} as const;

export type ApiContract = typeof apiContract;
export type ApiArea = keyof ApiContract;
export type ApiMethodName<A extends ApiArea> = keyof ApiContract[A] & string;

type MethodSpec = { input: z.ZodType; output: z.ZodType };
type Spec<A extends ApiArea, M extends ApiMethodName<A>> = ApiContract[A][M] extends MethodSpec ? ApiContract[A][M] : never;

/** What a caller passes: defaults may be left out. */
export type ApiInput<A extends ApiArea, M extends ApiMethodName<A>> = z.input<Spec<A, M>['input']>;
/** What a handler receives after validation: defaults filled in. */
export type ApiParsedInput<A extends ApiArea, M extends ApiMethodName<A>> = z.output<Spec<A, M>['input']>;
export type ApiOutput<A extends ApiArea, M extends ApiMethodName<A>> = z.output<Spec<A, M>['output']>;

/**
 * What a long task is doing, as a code the renderer words in the user's language (`progress.step.<code>`),
 * never an English sentence.
 */
export const PROGRESS_STEPS = [
  'working',
  'done',
  'neighbours.load',
  'rings.load-graph',
  'rings.projection',
  'rings.money-flows',
  'rings.clusters',
  'rings.scoring',
  'rings.risk-propagation',
  'rings.gds-projection',
  'rings.gds-components',
  'rings.gds-louvain',
  'rings.gds-pagerank',
  'rings.gds-candidates',
  'rings.upstream-ranking',
  'rings.upstream-members',
  'rings.upstream-load',
  'evidence.read-case',
  'evidence.load-graph',
  'evidence.read-audit',
  'evidence.draw-report',
  'evidence.write-package',
] as const;
export const ProgressStep = z.enum(PROGRESS_STEPS);
export type ProgressStep = z.infer<typeof ProgressStep>;

/** Progress of a long task (expand, load, ring detection, export); `total` null when unknown. */
export const ProgressEvent = z.strictObject({
  taskId: TaskId,
  step: ProgressStep,
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

/** The Api object the renderer programs against, whichever shell it runs in. */
export type Api = {
  [A in ApiArea]: { [M in ApiMethodName<A>]: (input: ApiInput<A, M>) => Promise<ApiOutput<A, M>> };
} & {
  events: { onProgress(listener: (event: ProgressEvent) => void): () => void };
};

/** Every "area.method" name, for shells that register one route or channel per method. */
export const apiMethodPaths = (Object.keys(apiContract) as ApiArea[]).flatMap((area) =>
  Object.keys(apiContract[area]).map((name) => ({ area, name, path: `${area}.${name}` })),
);

export type SearchResult = z.infer<typeof SearchResult>;
export type SearchHit = z.infer<typeof SearchHit>;
export type ExpandResult = z.infer<typeof ExpandResult>;
export type NodeDetails = z.infer<typeof NodeDetails>;
export type Health = z.infer<typeof Health>;
