import type { ExpandResult, NodeDetails, PathLinkType, PathsResult, PathToKnownBadResult, SearchHit, SnapshotQuery, SourceInfo, Subgraph, TextSearchResult, TransactionsResult, FollowMoneyResult } from '../../api';
import type { ExpandOptions, FollowMoneyOptions, GraphSource, KnownBadPathOptions, MoneyLinkOptions, PathRequest, SubgraphOptions } from './graph-source';

/**
 * The GraphSource the Api talks to: delegates to whichever source is active (the embedded demo
 * graph or a Neo4j connection) and lets the connection service swap it without rebuilding the core.
 */
export class ActiveGraphSource implements GraphSource {
  private active: GraphSource;
  private activeConnectionId: string | null = null;

  constructor(private readonly fallback: GraphSource) {
    this.active = fallback;
  }

  /** The source calls currently go to (for features only some sources have, such as streaming loads). */
  get current(): GraphSource {
    return this.active;
  }

  /** The saved connection behind the active source, or null for the embedded graph or unsaved settings. */
  get connectionId(): string | null {
    return this.activeConnectionId;
  }

  /** Makes `source` active and closes the one it replaces (unless that is the embedded fallback). */
  async activate(source: GraphSource, connectionId: string | null): Promise<void> {
    const previous = this.active;
    this.active = source;
    this.activeConnectionId = connectionId;
    if (previous !== this.fallback && previous !== source) await previous.close();
  }

  /** Returns to the embedded demo graph. */
  async useFallback(): Promise<void> {
    await this.activate(this.fallback, null);
  }

  info(): SourceInfo {
    return this.active.info();
  }

  search(query: string, limit: number, signal: AbortSignal): Promise<SearchHit[]> {
    return this.active.search(query, limit, signal);
  }

  expand(nodeId: string, options: ExpandOptions): Promise<ExpandResult> {
    return this.active.expand(nodeId, options);
  }

  nodeDetails(nodeId: string): Promise<NodeDetails> {
    return this.active.nodeDetails(nodeId);
  }

  subgraph(nodeIds: readonly string[], options: SubgraphOptions): Promise<Subgraph> {
    return this.active.subgraph(nodeIds, options);
  }

  subgraphQueries(nodeIds: readonly string[], options: Pick<SubgraphOptions, 'includeSharedIdentifiers'>): SnapshotQuery[] {
    return this.active.subgraphQueries?.(nodeIds, options) ?? [];
  }

  revealIdentifiers(nodeIds: readonly string[], signal: AbortSignal): Promise<Map<string, string>> {
    return this.active.revealIdentifiers(nodeIds, signal);
  }

  paths(request: PathRequest): Promise<PathsResult> {
    return this.active.paths(request);
  }

  pathLinkTypes(): PathLinkType[] {
    return this.active.pathLinkTypes();
  }

  pathToKnownBad(nodeId: string, options: KnownBadPathOptions): Promise<PathToKnownBadResult> {
    return this.active.pathToKnownBad(nodeId, options);
  }

  moneyLinks(nodeIds: readonly string[], options: MoneyLinkOptions): Promise<TransactionsResult> {
    return this.active.moneyLinks(nodeIds, options);
  }

  followMoney(nodeId: string, options: FollowMoneyOptions): Promise<FollowMoneyResult> {
    return this.active.followMoney(nodeId, options);
  }

  textSearch(query: string, options: { limitPerKind: number; signal: AbortSignal }): Promise<TextSearchResult> {
    return this.active.textSearch(query, options);
  }

  async close(): Promise<void> {
    if (this.active !== this.fallback) await this.active.close();
    await this.fallback.close();
  }
}
