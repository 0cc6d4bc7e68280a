/**
 * A team's Neo4j as a GraphSource: every read goes through the query catalog in READ access mode,
 * with labels and types from a schema mapping validated against the database, and comes back as
 * the same DTOs (masked the same way) as the embedded demo graph's.
 */
import { ApiError, type ExpandResult, type GraphEdge, type GraphNode, type NodeDetails, type SearchHit, type SourceInfo, type Subgraph, type UnmappedEvidence } from '../../../api';
import type { QuotedName } from '../../../../graph-queries/catalog';
import { identifierSearchKey } from '../embedded-source';
import type { ExpandOptions, GraphSource, SubgraphOptions } from '../graph-source';
import { identifierPlaceholders, mappingPlaceholders, unmappedEvidence, type ValidatedMapping } from '../../schema/schema-mapping';
import { mappedIdentifierKinds, nodeKindOf, parseNodeId, toGraphEdges, toGraphNode } from './dto-mapping';
import type { Neo4jClient } from './neo4j-client';
import { loadSubgraph, type LoadedSubgraph, type SubgraphLoadOptions, type SubgraphRequest } from './subgraph-load';

export interface Neo4jSourceOptions {
  client: Neo4jClient;
  mapping: ValidatedMapping;
  /** Shown in the top bar, e.g. "Fraud graph (bolt://db:7687/fraud)". */
  name: string;
  accountCount: number | null;
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
    const byIdentifierKind = mappedIdentifierKinds(mapping).map(async (kind) => {
      const key = identifierSearchKey(kind, text);
      if (key === null) return { kind, rows: [] };
      const names = { ...this.names, ...identifierPlaceholders(mapping, kind) };
      // The normalised key finds values stored normalised (the demo's E.164 phones, digit-only cards);
      // the text as typed finds values stored in another exact form.
      const rows = await client.read('identifiers-by-value', { values: [...new Set([key, text])], limit }, { ...read, names });
      return { kind, rows };
    });
    const [accounts, merchants, identifiers] = await Promise.all([
      /\s/.test(text) ? [] : client.read('search-accounts-by-id', { prefixes: [...new Set([text, text.toUpperCase()])], limit }, read),
      mapping.payment ? client.read('merchants-by-id', { ids: [...new Set([text.toUpperCase(), text])], limit }, read) : [],
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
    for (const row of merchants) add(toGraphNode(row.node, row.degree, mapping), mapping.payment?.merchantIdProperty ?? 'merchantId');
    for (const { kind, rows } of identifiers) {
      const matchedOn = mapping.identifiers.find((identifier) => identifier.kind === kind)?.valueProperty ?? kind;
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
    const [[total], rows] = await Promise.all([
      client.read('count-neighbours', { elementId }, read),
      client.read(
        'neighbourhood-page',
        { elementId, offset, limit, transferType: mapping.transfer?.relationshipType ?? null, paymentType: mapping.payment?.relationshipType ?? null },
        read,
      ),
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
    const counts = await this.options.client.read('node-details', { elementId: center.node.elementId }, { names: this.names });
    return { node: toGraphNode(center.node, center.degree, this.options.mapping), neighbourCounts: counts };
  }

  async subgraph(nodeIds: readonly string[], { includeSharedIdentifiers, signal }: SubgraphOptions): Promise<Subgraph> {
    const { client, mapping } = this.options;
    const refs = nodeIds.map(parseNodeId);
    const pick = (key: 'accountId' | 'merchantId' | 'elementId') => refs.flatMap((ref) => (ref[key] === null ? [] : [ref[key]]));
    const [row] = await client.read(
      'subgraph-between',
      {
        accountIds: pick('accountId'),
        merchantIds: pick('merchantId'),
        elementIds: pick('elementId'),
        includeSharedIdentifiers,
        transferType: mapping.transfer?.relationshipType ?? null,
        paymentType: mapping.payment?.relationshipType ?? null,
      },
      { names: this.names, signal },
    );
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
      throw new ApiError('not_found', `No node with id ${unknown.slice(0, 5).join(', ')}${more} in this graph`);
    }
    const edges = (row?.flows ?? []).flatMap((flow) =>
      toGraphEdges(idOfElement.get(flow.source)!, idOfElement.get(flow.target)!, [{ ...flow, outgoing: true }], mapping),
    );
    return { nodes, edges };
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
      const kind = nodeKindOf(identifier, mapping);
      const valueProperty = mapping.identifiers.find((candidate) => candidate.kind === kind)?.valueProperty;
      const raw = valueProperty ? identifier.properties[valueProperty] : null;
      if (kind && raw !== null && raw !== undefined) revealed.set(`${kind}:${identifier.elementId}`, String(raw));
    }
    return revealed;
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
    const [row] = await this.options.client.read('node-by-ref', parseNodeId(nodeId), { names: this.names, signal });
    if (!row) throw new ApiError('not_found', `No node with id ${nodeId} in this graph`);
    return row;
  }
}
