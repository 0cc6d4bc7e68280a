import type { ExpandResult, SnapshotQuery, NodeDetails, PathLinkType, PathsResult, PathToKnownBadResult, SearchHit, SourceInfo, Subgraph, TextSearchResult, TimeWindow, TransactionsResult, FollowMoneyResult } from '../../api';

export interface ExpandOptions {
  limit: number;
  offset: number;
  signal: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

export interface SubgraphOptions {
  includeSharedIdentifiers: boolean;
  signal: AbortSignal;
}

export interface PathRequest {
  fromId: string;
  toId: string;
  /** Link kinds the path may use, as `pathLinkTypes` names them; each must be one the source maps (else invalid_input). */
  linkTypes: readonly string[];
  maxHops: number;
  /** 1: one shortest path; more: every shortest path up to this many. */
  limit: number;
  signal: AbortSignal;
}

export interface KnownBadPathOptions {
  linkTypes: readonly string[];
  /** Identifiers with more links than this are hubs (an office IP) and are not passed through, as in ring detection. */
  hubCutoff: number;
  maxHops: number;
  signal: AbortSignal;
}

export interface MoneyLinkOptions {
  window: TimeWindow | null;
  limit: number;
  signal: AbortSignal;
}

export interface FollowMoneyOptions extends MoneyLinkOptions {
  direction: 'forward' | 'backward';
  maxHops: number;
}

/**
 * Where the graph comes from: the embedded demo graph or a team's Neo4j. Implementations return
 * plain DTOs with PII already masked; nothing source-specific leaks past this interface.
 */
export interface GraphSource {
  info(): SourceInfo;
  /** Accounts by id, or accounts and identifiers by identifier value (phone, device id, card, …). */
  search(query: string, limit: number, signal: AbortSignal): Promise<SearchHit[]>;
  /** One page of a node's neighbours with the edges to them; throws not_found for an unknown id. */
  expand(nodeId: string, options: ExpandOptions): Promise<ExpandResult>;
  nodeDetails(nodeId: string): Promise<NodeDetails>;
  /**
   * The given nodes and every edge among them (money flows folded as in expand); with
   * includeSharedIdentifiers also the identifiers two or more of them link to. Throws not_found
   * naming ids the graph does not have.
   */
  subgraph(nodeIds: readonly string[], options: SubgraphOptions): Promise<Subgraph>;
  /**
   * Optional: the Cypher statements `subgraph` runs for these arguments, as run. Sources that run
   * no Cypher (the embedded demo graph) leave it out.
   */
  subgraphQueries?(nodeIds: readonly string[], options: Pick<SubgraphOptions, 'includeSharedIdentifiers'>): SnapshotQuery[];
  /**
   * The stored, unmasked values of identifier nodes (phone, card, e-mail, address, IP) by node id,
   * for an evidence export that includes personal data; ids that are not identifiers are left out.
   * The caller audits the reveal.
   */
  revealIdentifiers(nodeIds: readonly string[], signal: AbortSignal): Promise<Map<string, string>>;
  /** Shortest path(s) between two nodes; `no_path_within_hops` when none is short enough. */
  paths(request: PathRequest): Promise<PathsResult>;
  /** The link kinds `paths` may follow: every mapped identifier, money and direct account link type, and each event-node link's event label. */
  pathLinkTypes(): PathLinkType[];
  /** Shortest path over the given link types (each one `pathLinkTypes` lists) from a node to the nearest other known-bad account. */
  pathToKnownBad(nodeId: string, options: KnownBadPathOptions): Promise<PathToKnownBadResult>;
  /** Every money link (transfer, payment; not folded) between two of the given nodes, oldest first; other and unknown ids add nothing. */
  moneyLinks(nodeIds: readonly string[], options: MoneyLinkOptions): Promise<TransactionsResult>;
  /** Money links hop by hop from a node along the money (forward) or against it (backward), each link once, up to `limit` links. */
  followMoney(nodeId: string, options: FollowMoneyOptions): Promise<FollowMoneyResult>;
  /** Full-text search over the searchable properties, grouped by node kind with how many matched. */
  textSearch(query: string, options: { limitPerKind: number; signal: AbortSignal }): Promise<TextSearchResult>;
  close(): Promise<void>;
}
