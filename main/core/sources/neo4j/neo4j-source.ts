/**
 * A team's Neo4j as a GraphSource: every read goes through the query catalog in READ access mode,
 * with labels and types from a schema mapping validated against the database, and comes back as
 * the same DTOs (masked the same way) as the embedded demo graph's.
 */
import { ApiError, MAX_PATH_HOPS, NODE_KINDS, type ExpandResult, type FollowMoneyResult, type MoneyLink, type TransactionsResult, type NodeKind, type GraphPath, type PathLinkType, type PathsResult, type PathToKnownBadResult, type TextSearchGroup, type TextSearchResult, type GraphEdge, type GraphNode, type NodeDetails, type SearchHit, type SnapshotQuery, type SourceInfo, type Subgraph, type UnmappedEvidence } from '../../../api';
import { graphQueries, hopLimit, quoteName, renderQuery, typeAlternatives, type PlainNode, type QueryRow, type QuotedName } from '../../../../graph-queries/catalog';
import { identifierSearchKey } from '../embedded-source';
import type { ExpandOptions, FollowMoneyOptions, GraphSource, KnownBadPathOptions, MoneyLinkOptions, PathRequest, SubgraphOptions } from '../graph-source';
import { cardLastFour, luceneQuery, phoneQuery, TEXT_SEARCH_COUNT_CAP } from '../text-search';
import { eventLinksParam, eventPaymentsParam, identifierPlaceholders, mappingPlaceholders, merchantOf, searchOrder, UNMAPPED, unmappedEvidence, type ValidatedMapping } from '../../schema/schema-mapping';
import { nearestPath, shortestPaths, type LevelNeighbours, type PathStep } from '../path-search';
import { edgeKindOf, identifierEntryOf, identifierNodeKind, nodeKindOf, parseNodeId, toGraphEdges, toGraphNode } from './dto-mapping';
import type { Neo4jClient } from './neo4j-client';
import type { LoadedSubgraph } from './subgraph-accumulator';
import { loadSubgraph, type SubgraphLoadOptions, type SubgraphRequest } from './subgraph-load';

export interface Neo4jSourceOptions {
  client: Neo4jClient;
  mapping: ValidatedMapping;
  /** Shown in the top bar, e.g. "Fraud graph (bolt://db:7687/fraud)". */
  name: string;
  accountCount: number | null;
}

/** Frontier nodes one path-next-hop statement takes (the catalog's id-list bound allows more; smaller keeps each read short). */
const FRONTIER_BATCH = 10_000;

/** Link kinds a path search follows: statement placeholders (relationship types, hop bound) and the chosen event-node links. */
interface ChosenLinks {
  names: Record<string, QuotedName>;
  eventLinks: ReturnType<typeof eventLinksParam>;
}

export class Neo4jGraphSource implements GraphSource {
  private readonly names: Record<string, QuotedName>;

  constructor(private readonly options: Neo4jSourceOptions) {
    this.names = mappingPlaceholders(options.mapping);
  }

  get mapping(): ValidatedMapping {
    return this.options.mapping;
  }

  get client(): Neo4jClient {
    return this.options.client;
  }

  info(): SourceInfo {
    return { kind: 'neo4j', name: this.options.name, accountCount: this.options.accountCount };
  }

  async search(query: string, limit: number, signal: AbortSignal): Promise<SearchHit[]> {
    const text = query.trim();
    const { client, mapping } = this.options;
    const read = { names: this.names, signal, timeoutMs: 15_000 };
    const byIdentifierKind = searchOrder(mapping).map(async (identifier) => {
      // A kind of the team's own (SSN, wallet) is looked up as typed.
      const key = identifier.kind ? identifierSearchKey(identifier.kind, text) : text;
      if (key === null) return { identifier, rows: [] };
      const names = { ...this.names, ...identifierPlaceholders(identifier) };
      // The normalised key finds values stored normalised (the demo's E.164 phones, digit-only cards);
      // the text as typed finds values stored in another exact form.
      const rows = await client.read('identifiers-by-value', { values: [...new Set([key, text])], limit }, { ...read, names });
      return { identifier, rows };
    });
    const merchant = merchantOf(mapping);
    const [accounts, merchants, identifiers] = await Promise.all([
      /\s/.test(text) ? [] : client.read('search-accounts-by-id', { prefixes: [...new Set([text, text.toUpperCase()])], limit }, read),
      merchant ? client.read('merchants-by-id', { ids: [...new Set([text.toUpperCase(), text])], limit, eventPayments: eventPaymentsParam(mapping) }, read) : [],
      Promise.all(byIdentifierKind),
    ]);

    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (node: GraphNode, matchedOn: string) => {
      if (hits.length < limit && !seen.has(node.id)) {
        seen.add(node.id);
        hits.push({ node, matchedOn });
      }
    };
    for (const row of accounts) add(toGraphNode(row.node, row.degree, mapping), mapping.account.idProperty);
    for (const row of merchants) add(toGraphNode(row.node, row.degree, mapping), merchant?.idProperty ?? 'merchantId');
    for (const { identifier, rows } of identifiers) {
      const matchedOn = identifier.valueProperty;
      for (const row of rows) {
        add(toGraphNode(row.node, row.degree, mapping), matchedOn);
        if (hits.length >= limit) break;
        // The accounts using a matched identifier are what the investigator is after.
        const users = await client.read('accounts-by-identifier', { elementId: row.node.elementId, limit: limit - hits.length }, read);
        for (const user of users) add(toGraphNode(user.node, user.degree, mapping), matchedOn);
      }
    }
    return hits;
  }

  async expand(nodeId: string, { limit, offset, signal, onProgress }: ExpandOptions): Promise<ExpandResult> {
    const { client, mapping } = this.options;
    const center = await this.resolve(nodeId, signal);
    const centerId = toGraphNode(center.node, center.degree, mapping).id;
    const elementId = center.node.elementId;
    const read = { names: this.names, signal };
    const eventParams = this.eventLinkParams();
    const [[total], rows] = await Promise.all([
      client.read('count-neighbours', { elementId, ...eventParams }, read),
      client.read('neighbourhood-page', { elementId, offset, limit, ...this.moneyTypes(), ...eventParams }, read),
    ]);
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    for (const row of rows) {
      const neighbour = toGraphNode(row.neighbour, row.neighbourDegree, mapping);
      nodes.push(neighbour);
      edges.push(...toGraphEdges(centerId, neighbour.id, row.flows, mapping));
    }
    onProgress?.(rows.length, rows.length);
    const totalNeighbours = total?.totalNeighbours ?? 0;
    const end = offset + rows.length;
    return { centerId, nodes, edges, totalNeighbours, nextOffset: end < totalNeighbours ? end : null };
  }

  async nodeDetails(nodeId: string): Promise<NodeDetails> {
    const center = await this.resolve(nodeId);
    const counts = await this.options.client.read('node-details', { elementId: center.node.elementId, ...this.eventLinkParams() }, { names: this.names });
    return { node: toGraphNode(center.node, center.degree, this.options.mapping), neighbourCounts: counts };
  }

  async subgraph(nodeIds: readonly string[], { includeSharedIdentifiers, signal }: SubgraphOptions): Promise<Subgraph> {
    const { client, mapping } = this.options;
    const [row] = await client.read('subgraph-between', this.subgraphParams(nodeIds, includeSharedIdentifiers), { names: this.names, signal });
    const idOfElement = new Map<string, string>();
    const nodes = (row?.drawn ?? []).map(({ node, degree }) => {
      const dto = toGraphNode(node, degree, mapping);
      idOfElement.set(node.elementId, dto.id);
      return dto;
    });
    const found = new Set(nodes.map((node) => node.id));
    const unknown = nodeIds.filter((nodeId) => !found.has(nodeId));
    if (unknown.length) {
      const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
      throw new ApiError('not_found', `No node with id ${unknown.slice(0, 5).join(', ')}${more} in this graph`, { reason: 'node_missing', params: { nodeId: unknown[0], count: unknown.length } });
    }
    const edges = (row?.flows ?? []).flatMap((flow) =>
      toGraphEdges(idOfElement.get(flow.source)!, idOfElement.get(flow.target)!, [{ ...flow, outgoing: true }], mapping),
    );
    return { nodes, edges };
  }

  subgraphQueries(nodeIds: readonly string[], { includeSharedIdentifiers }: Pick<SubgraphOptions, 'includeSharedIdentifiers'>): SnapshotQuery[] {
    const entry = graphQueries['subgraph-between'];
    return [{ name: entry.name, text: renderQuery(entry, this.names), params: this.subgraphParams(nodeIds, includeSharedIdentifiers) }];
  }

  private subgraphParams(nodeIds: readonly string[], includeSharedIdentifiers: boolean) {
    const refs = nodeIds.map(parseNodeId);
    const pick = (key: 'accountId' | 'merchantId' | 'elementId') => refs.flatMap((ref) => (ref[key] === null ? [] : [ref[key]]));
    return {
      accountIds: pick('accountId'),
      merchantIds: pick('merchantId'),
      elementIds: pick('elementId'),
      includeSharedIdentifiers,
      ...this.moneyTypes(),
      ...this.eventLinkParams(),
    };
  }

  async revealIdentifiers(nodeIds: readonly string[], signal: AbortSignal): Promise<Map<string, string>> {
    const { client, mapping } = this.options;
    const elementIds = nodeIds.flatMap((nodeId) => {
      const ref = parseNodeId(nodeId);
      return ref.elementId === null ? [] : [ref.elementId];
    });
    if (elementIds.length === 0) return new Map();
    const rows = await client.read('identifier-raw-values', { elementIds, identifierLabels: mapping.identifiers.map((identifier) => identifier.label) }, { signal });
    const revealed = new Map<string, string>();
    for (const { identifier } of rows) {
      const entry = identifierEntryOf(identifier, mapping);
      const raw = entry ? identifier.properties[entry.valueProperty] : null;
      if (entry && raw !== null && raw !== undefined) revealed.set(`${identifierNodeKind(entry)}:${identifier.elementId}`, String(raw));
    }
    return revealed;
  }

  async paths({ fromId, toId, linkTypes, maxHops, limit, signal }: PathRequest): Promise<PathsResult> {
    const { client } = this.options;
    const chosen = this.chosenLinks(linkTypes, maxHops);
    if (chosen.eventLinks.length > 0) return this.pathsThroughEvents(fromId, toId, chosen, { maxHops, limit, signal });
    const ends = { from: parseNodeId(fromId), to: parseNodeId(toId), ...this.moneyTypes() };
    // One more than asked for tells whether the list was cut.
    const rows =
      limit === 1
        ? await client.read('shortest-path', ends, { names: chosen.names, signal })
        : await client.read('all-shortest-paths', { ...ends, limit: limit + 1 }, { names: chosen.names, signal });
    if (rows.length === 0) throw new ApiError('not_found', `No node with id ${fromId} or ${toId} in this graph`, { reason: 'node_missing', params: { nodeId: `${fromId}, ${toId}` } });
    const found = rows.flatMap((row) => (row.path ? [row.path] : []));
    if (found.length === 0) return { status: 'no_path_within_hops', maxHops, length: null, paths: [], truncated: false, nodes: [], edges: [] };
    const kept = found.slice(0, limit);
    return { status: 'found', maxHops, length: kept[0].nodes.length - 1, truncated: found.length > limit, ...this.drawPaths(kept) };
  }

  /**
   * Paths that may pass event nodes, where an event hop a → e → b counts once: Cypher's shortest
   * path counts relationships, so the shortest path by hops is searched breadth-first here, one
   * catalogued statement per level (path-next-hop.cypher), and then drawn (path-hops.cypher).
   */
  private async pathsThroughEvents(fromId: string, toId: string, chosen: ChosenLinks, { maxHops, limit, signal }: { maxHops: number; limit: number; signal: AbortSignal }): Promise<PathsResult> {
    const [start, goal] = await Promise.all([this.resolve(fromId, signal), this.resolve(toId, signal)]);
    const found = await shortestPaths(start.node.elementId, goal.node.elementId, this.nextHops(chosen, null, signal), { maxHops, limit, signal });
    if (found.length === null) return { status: 'no_path_within_hops', maxHops, length: null, paths: [], truncated: false, nodes: [], edges: [] };
    return { status: 'found', maxHops, length: found.length, truncated: found.truncated, ...(await this.drawFoundPaths(found.paths, chosen, signal)) };
  }

  pathLinkTypes(): PathLinkType[] {
    const { mapping } = this.options;
    // Event links between accounts sharing an event label are one kind, as Explore draws them as one
    // money link (event links to merchants are payments for detection, not steps between accounts).
    const eventLabels = [...new Set(eventLinksParam(mapping).map((link) => link.eventLabel))];
    return [
      ...mapping.identifiers.map((identifier) => ({ type: identifier.relationshipType, kind: 'identifier' as const, identifierKind: identifier.kind, mappedAs: 'identifier' as const })),
      ...(mapping.transfer ? [{ type: mapping.transfer.relationshipType, kind: 'transfer' as const, identifierKind: null, mappedAs: 'transfer' as const }] : []),
      ...(mapping.payment ? [{ type: mapping.payment.relationshipType, kind: 'payment' as const, identifierKind: null, mappedAs: 'payment' as const }] : []),
      ...mapping.accountLinks.map((link) => ({ type: link.relationshipType, kind: edgeKindOf(link.relationshipType, mapping), identifierKind: null, mappedAs: 'account-link' as const })),
      ...eventLabels.map((eventLabel) => ({ type: eventLabel, kind: edgeKindOf(eventLabel, mapping), identifierKind: null, mappedAs: 'event-link' as const })),
    ];
  }

  async pathToKnownBad(nodeId: string, { linkTypes, hubCutoff, maxHops, signal }: KnownBadPathOptions): Promise<PathToKnownBadResult> {
    const none = { maxHops, length: null, knownBadId: null, path: null, nodes: [], edges: [] };
    const chosen = this.chosenLinks(linkTypes, maxHops);
    if (!this.options.mapping.account.blacklistedProperty) return { status: 'no_known_bad_marker', ...none };
    if (chosen.eventLinks.length > 0) {
      const start = await this.resolve(nodeId, signal);
      // Account id of each known-bad account the search reached, by element id (the tie-break orders by account id).
      const knownBad = new Map<string, string>();
      const found = await nearestPath(start.node.elementId, (node) => knownBad.has(node), this.nextHops(chosen, hubCutoff, signal, knownBad), { maxHops, signal, goalOrder: (node) => knownBad.get(node)! });
      if (!found) return { status: 'no_path_within_hops', ...none };
      const { paths, nodes, edges } = await this.drawFoundPaths([found], chosen, signal);
      return { status: 'found', maxHops, length: found.edgeIds.length, knownBadId: paths[0].nodeIds.at(-1)!, path: paths[0], nodes, edges };
    }
    const rows = await this.options.client.read('path-to-known-bad', { from: parseNodeId(nodeId), hubCutoff, ...this.moneyTypes() }, { names: chosen.names, signal });
    if (rows.length === 0) throw new ApiError('not_found', `No node with id ${nodeId} in this graph`, { reason: 'node_missing', params: { nodeId } });
    const found = rows[0].path;
    if (!found) return { status: 'no_path_within_hops', ...none };
    const { paths, nodes, edges } = this.drawPaths([found]);
    return { status: 'found', maxHops, length: found.nodes.length - 1, knownBadId: paths[0].nodeIds.at(-1)!, path: paths[0], nodes, edges };
  }

  /**
   * The chosen link kinds as the path statements take them: relationship types (identifier, money and
   * direct account links) as a placeholder with the hop bound, event-node links as a parameter.
   * Refuses a kind the mapping does not have: only mapped names, checked against the discovered schema, enter a statement.
   */
  private chosenLinks(linkTypes: readonly string[], maxHops: number): ChosenLinks {
    const offered = this.pathLinkTypes();
    const unknownTypes = linkTypes.filter((type) => !offered.some((linkType) => linkType.type === type));
    if (unknownTypes.length) {
      throw new ApiError('invalid_input', `Link types not in the schema mapping: ${unknownTypes.join(', ')}`, { reason: 'input_invalid', fields: [{ path: 'linkTypes', message: `not mapped: ${unknownTypes.join(', ')}` }] });
    }
    const relationshipTypes = offered.filter((linkType) => linkType.mappedAs !== 'event-link' && linkTypes.includes(linkType.type)).map((linkType) => quoteName(linkType.type));
    return {
      names: { ...this.names, linkTypes: typeAlternatives(relationshipTypes.length ? relationshipTypes : [quoteName(UNMAPPED)]), maxHops: hopLimit(maxHops, MAX_PATH_HOPS) },
      eventLinks: eventLinksParam(this.options.mapping).filter((link) => linkTypes.includes(link.eventLabel)),
    };
  }

  /** One level of the breadth-first path search, read in batches; `knownBad` collects the known-bad accounts reached. */
  private nextHops(chosen: ChosenLinks, hubCutoff: number | null, signal: AbortSignal, knownBad?: Map<string, string>): LevelNeighbours {
    return async (frontier) => {
      const steps: (readonly [string, PathStep])[] = [];
      for (let offset = 0; offset < frontier.length; offset += FRONTIER_BATCH) {
        const batch = frontier.slice(offset, offset + FRONTIER_BATCH);
        const rows = await this.options.client.read('path-next-hop', { frontier: batch, eventLinks: chosen.eventLinks, hubCutoff }, { names: chosen.names, signal });
        for (const { fromId, nextId, knownBadId } of rows) {
          if (knownBadId !== null) knownBad?.set(nextId, String(knownBadId));
          // The edge is drawn once the path is known (path-hops.cypher); here a step only needs its ends.
          steps.push([fromId, { node: nextId, edgeId: `${fromId} ${nextId}` }]);
        }
      }
      return steps;
    };
  }

  /** Paths found by the breadth-first search (element ids), as node and folded edge ids with the DTOs to draw them. */
  private async drawFoundPaths(found: readonly GraphPath[], chosen: ChosenLinks, signal: AbortSignal) {
    const rows = await this.options.client.read('path-hops', { paths: found.map((path) => path.nodeIds), eventLinks: chosen.eventLinks, ...this.moneyTypes() }, { names: chosen.names, signal });
    return this.drawPaths(rows.flatMap((row) => (row.path ? [row.path] : [])));
  }

  private moneyTypes() {
    const { mapping } = this.options;
    return { transferType: mapping.transfer?.relationshipType ?? null, paymentType: mapping.payment?.relationshipType ?? null };
  }

  /** The mapped event-node links for the exploration statements: between accounts, and to merchants. */
  private eventLinkParams() {
    const { mapping } = this.options;
    return { eventLinks: eventLinksParam(mapping), eventPayments: eventPaymentsParam(mapping) };
  }

  /** Paths as read by the path statements, as node and (folded) edge ids with the DTOs to draw them. */
  private drawPaths(found: readonly NonNullable<QueryRow<'shortest-path'>['path']>[]): { paths: GraphPath[]; nodes: GraphNode[]; edges: GraphEdge[] } {
    const { mapping } = this.options;
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const paths = found.map((path) => {
      const idOfElement = new Map<string, string>();
      for (const { node, degree } of path.nodes) {
        const dto = toGraphNode(node, degree, mapping);
        idOfElement.set(node.elementId, dto.id);
        nodes.set(dto.id, dto);
      }
      // Hops come unordered from the query: hop i joins path nodes i and i + 1, in either direction.
      const hopBetween = new Map(path.hops.map((hop) => [[hop.source, hop.target].sort().join(' '), hop]));
      const edgeIds = path.nodes.slice(1).map(({ node }, i) => {
        const hop = hopBetween.get([path.nodes[i].node.elementId, node.elementId].sort().join(' '))!;
        const [edge] = toGraphEdges(idOfElement.get(hop.source)!, idOfElement.get(hop.target)!, [{ ...hop, outgoing: true }], mapping);
        edges.set(edge.id, edge);
        return edge.id;
      });
      return { nodeIds: path.nodes.map(({ node }) => idOfElement.get(node.elementId)!), edgeIds };
    });
    return { paths, nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  async moneyLinks(nodeIds: readonly string[], { window, limit, signal }: MoneyLinkOptions): Promise<TransactionsResult> {
    const { client } = this.options;
    const refs = nodeIds.map(parseNodeId);
    const millis = (time: string | null | undefined) => (time ? Date.parse(time) : null);
    const rows = await client.read(
      'money-links-among',
      {
        accountIds: refs.flatMap((ref) => (ref.accountId === null ? [] : [ref.accountId])),
        merchantIds: refs.flatMap((ref) => (ref.merchantId === null ? [] : [ref.merchantId])),
        ...this.moneyTypes(),
        ...this.eventLinkParams(),
        fromMillis: millis(window?.from),
        toMillis: millis(window?.to),
        limit: limit + 1,
      },
      { names: this.names, signal },
    );
    const toLink = this.moneyLinkReader();
    const links = rows.slice(0, limit).map((row) => toLink(row).link);
    return { links, truncated: rows.length > limit };
  }

  async followMoney(nodeId: string, { direction, maxHops, window, limit, signal }: FollowMoneyOptions): Promise<FollowMoneyResult> {
    const { client, mapping } = this.options;
    const start = await this.resolve(nodeId, signal);
    const toLink = this.moneyLinkReader();
    const nodes = new Map<string, GraphNode>([[start.node.elementId, toGraphNode(start.node, start.degree, mapping)]]);
    const links = new Map<string, MoneyLink>();
    let frontier = [start.node.elementId];
    let truncated = false;
    for (let hop = 1; hop <= maxHops && frontier.length > 0 && !truncated; hop++) {
      const rows = await client.read(
        'money-links-next-hop',
        {
          frontier,
          forward: direction === 'forward',
          ...this.moneyTypes(),
          ...this.eventLinkParams(),
          fromMillis: window?.from ? Date.parse(window.from) : null,
          toMillis: window?.to ? Date.parse(window.to) : null,
          limit: limit - links.size + 1,
        },
        { names: this.names, signal },
      );
      const next: string[] = [];
      for (const row of rows) {
        if (links.has(row.id)) continue;
        if (links.size === limit) {
          truncated = true;
          break;
        }
        const { link, source, target } = toLink(row);
        links.set(row.id, link);
        for (const [node, dto] of [source, target]) {
          if (nodes.has(node.elementId)) continue;
          nodes.set(node.elementId, dto);
          next.push(node.elementId);
        }
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], links: [...links.values()], truncated };
  }

  /** Turns money-link rows into MoneyLink DTOs, converting each end node once. */
  private moneyLinkReader() {
    const { mapping } = this.options;
    const drawn = new Map<string, GraphNode>();
    const dtoOf = (node: PlainNode): [PlainNode, GraphNode] => {
      const dto = drawn.get(node.elementId) ?? toGraphNode(node, null, mapping);
      drawn.set(node.elementId, dto);
      return [node, dto];
    };
    return (row: { id: string; source: PlainNode; target: PlainNode; type: string; amount: number | null; at: string | number | null }) => {
      const source = dtoOf(row.source);
      const target = dtoOf(row.target);
      const link: MoneyLink = {
        id: row.id,
        source: source[1].id,
        target: target[1].id,
        type: row.type,
        kind: edgeKindOf(row.type, mapping, target[1].kind === 'merchant') === 'payment' ? 'payment' : 'transfer',
        amount: row.amount === null ? null : Math.round(row.amount * 100) / 100,
        // No currency is mapped yet: unknown, never assumed.
        currency: null,
        at: typeof row.at === 'number' ? new Date(row.at).toISOString() : row.at,
      };
      return { link, source, target };
    };
  }

  /**
   * Searches every searchable property: through a full-text index where one covers it (see
   * search-indexes.cypher), else by prefix; cards by their last four digits and phones in national
   * or international format. Each search counts its matches up to TEXT_SEARCH_COUNT_CAP.
   */
  async textSearch(query: string, { limitPerKind, signal }: { limitPerKind: number; signal: AbortSignal }): Promise<TextSearchResult> {
    const { client, mapping } = this.options;
    const text = query.trim();
    const read = { signal, timeoutMs: 15_000 };
    const counted = { limit: limitPerKind, countCap: TEXT_SEARCH_COUNT_CAP + 1 };
    const prefixes = [...new Set([text, text.toLowerCase(), text.toUpperCase(), text.charAt(0).toUpperCase() + text.slice(1).toLowerCase()])];
    const indexes = await client.read('fulltext-index-list', {}, read);
    const lucene = luceneQuery(text);
    let usedIndex = false;

    // Searchable (label, property) pairs under the mapping; identifiers a text search makes no sense for are left out.
    const searchable: { label: string; property: string }[] = mapping.account.labels.map((label) => ({ label, property: mapping.account.idProperty }));
    if (mapping.payment) {
      const { merchantLabel, merchantIdProperty, merchantNameProperty, merchantCategoryProperty } = mapping.payment;
      for (const property of [merchantNameProperty, merchantIdProperty, merchantCategoryProperty]) if (property) searchable.push({ label: merchantLabel, property });
    }
    for (const identifier of mapping.identifiers) {
      if (identifier.kind !== 'card' && identifier.kind !== 'phone') searchable.push({ label: identifier.label, property: identifier.valueProperty });
    }
    const searches: Promise<{ total: number; hits: { node: PlainNode; degree: number }[]; matchedOn: string }>[] = [];
    const indexesUsed = new Set<string>();
    for (const { label, property } of searchable) {
      const index = indexes.find((candidate) => candidate.labels.includes(label) && candidate.properties.includes(property));
      if (index && lucene) {
        usedIndex = true;
        if (indexesUsed.has(index.name)) continue;
        indexesUsed.add(index.name);
        searches.push(
          client.read('fulltext-search', { indexName: index.name, query: lucene, ...counted }, { ...read, names: this.names }).then(([row]) => ({ ...row, matchedOn: index.properties.join(', ') })),
        );
      } else if (!index) {
        const names = { ...this.names, label: quoteName(label), property: quoteName(property) };
        searches.push(client.read('text-prefix-search', { prefixes, ...counted }, { ...read, names }).then(([row]) => ({ ...row, matchedOn: property })));
      }
    }
    const lastFour = cardLastFour(text);
    const phone = phoneQuery(text);
    for (const identifier of mapping.identifiers) {
      const names = { ...this.names, ...identifierPlaceholders(identifier) };
      const matchedOn = identifier.valueProperty;
      if (identifier.kind === 'card' && lastFour) {
        searches.push(client.read('identifiers-by-suffix', { suffix: lastFour, ...counted }, { ...read, names }).then(([row]) => ({ ...row, matchedOn })));
      } else if (identifier.kind === 'phone' && phone && 'suffix' in phone) {
        searches.push(client.read('identifiers-by-suffix', { suffix: phone.suffix, ...counted }, { ...read, names }).then(([row]) => ({ ...row, matchedOn })));
      } else if (identifier.kind === 'card' || identifier.kind === 'phone') {
        const key = identifierSearchKey(identifier.kind, text);
        if (key === null) continue;
        searches.push(
          client.read('identifiers-by-value', { values: [key], limit: limitPerKind }, { ...read, names }).then((rows) => ({ total: rows.length, hits: rows, matchedOn })),
        );
      }
    }

    const groups = new Map<NodeKind, { hits: TextSearchGroup['hits']; total: number; seen: Set<string> }>();
    for (const search of await Promise.all(searches)) {
      for (const { node, degree } of search.hits) {
        const dto = toGraphNode(node, degree, mapping);
        const group = groups.get(dto.kind) ?? { hits: [], total: 0, seen: new Set<string>() };
        groups.set(dto.kind, group);
        if (group.hits.length < limitPerKind && !group.seen.has(dto.id)) {
          group.seen.add(dto.id);
          group.hits.push({ node: dto, matchedOn: search.matchedOn });
        }
      }
      const kind = search.hits[0] ? nodeKindOf(search.hits[0].node, mapping) : null;
      // Two searches of one kind (merchant name and category by prefix) may both count a node: the larger count is the honest floor.
      if (kind) groups.get(kind)!.total = Math.max(groups.get(kind)!.total, search.total);
    }
    return {
      method: usedIndex ? 'fulltext' : 'prefix',
      groups: NODE_KINDS.flatMap((kind) => {
        const group = groups.get(kind);
        if (!group) return [];
        const overCap = group.total > TEXT_SEARCH_COUNT_CAP;
        return [{ kind, hits: group.hits, total: Math.max(group.hits.length, Math.min(group.total, TEXT_SEARCH_COUNT_CAP)), totalIsLowerBound: overCap }];
      }),
    };
  }

  /** What this source's mapping does not provide, so detection cannot use it. */
  unmappedEvidence(): UnmappedEvidence[] {
    return unmappedEvidence(this.options.mapping);
  }

  /** Streams the accounts around seeds (or a window of the whole graph) into ring-detection columns. */
  loadSubgraph(request: SubgraphRequest, options: SubgraphLoadOptions): Promise<LoadedSubgraph> {
    return loadSubgraph(this.options.client, this.options.mapping, request, options);
  }

  async close(): Promise<void> {
    await this.options.client.close();
  }

  private async resolve(nodeId: string, signal?: AbortSignal) {
    const [row] = await this.options.client.read('node-by-ref', { ...parseNodeId(nodeId), eventPayments: eventPaymentsParam(this.options.mapping) }, { names: this.names, signal });
    if (!row) throw new ApiError('not_found', `No node with id ${nodeId} in this graph`, { reason: 'node_missing', params: { nodeId, count: 1 } });
    return row;
  }
}
