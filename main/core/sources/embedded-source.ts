/**
 * The embedded demo graph as a GraphSource: read-only indexes over a DemoDataset, built once.
 *
 * Node ids are opaque and stable for a dataset: `account:U0000123` (the userId is not PII),
 * `<kind>:<identifier index>` for identifiers (e.g. `phone:17`, never the raw value, which may be PII)
 * and `merchant:M00012`. Everything returned is a plain DTO with PII masked by maskIdentifier.
 *
 * Money flows are aggregated into one edge per (source, type, target) with count, totalAmount,
 * firstAt and lastAt: a household pays rent twelve times a year and a cycle may pass twice, and
 * drawing each transfer as its own edge would bury the structure an investigator looks for. Edge ids
 * are derived from both ends, so expanding either end yields the same edge.
 */
import { ApiError, IDENTIFIER_KINDS, inTimeWindow, linksInTimeWindow, type FollowMoneyResult, NODE_KINDS, type ExpandResult, type MoneyLink, type TransactionsResult, type NodeKind, type GraphPath, type PathLinkType, type PathsResult, type PathToKnownBadResult, type TextSearchGroup, type TextSearchResult, type GraphEdge, type GraphNode, type IdentifierKind, type NodeDetails, type PropertyValue, type SearchHit, type SourceInfo, type Subgraph } from '../../api';
import { userIdOf, type DemoDataset } from '../demo/dataset';
import { maskIdentifier } from '../privacy/mask';
import type { ExpandOptions, FollowMoneyOptions, GraphSource, KnownBadPathOptions, MoneyLinkOptions, PathRequest, SubgraphOptions } from './graph-source';
import { nearestPath, nodeByNode, shortestPaths, type PathStep } from './path-search';
import { cardLastFour, matchesWordStart, phoneQuery, TEXT_SEARCH_COUNT_CAP } from './text-search';

/** The embedded source's name is a code: the UI and the report word it in the reader's language. */
export const EMBEDDED_SOURCE_NAME = 'demo';

/** Relationship type from an account to each identifier kind, as in the demo schema. */
const IDENTIFIER_RELATIONSHIP: Record<IdentifierKind, string> = {
  device: 'USES_DEVICE',
  phone: 'HAS_PHONE',
  ip: 'USES_IP',
  card: 'HAS_CARD',
  address: 'LIVES_AT',
  email: 'HAS_EMAIL',
};
/** Property that holds each identifier kind's (masked) value; also what a search reports as `matchedOn`. */
const IDENTIFIER_PROPERTY: Record<IdentifierKind, string> = {
  device: 'deviceId',
  phone: 'phoneNumber',
  ip: 'ipAddress',
  card: 'cardNumber',
  address: 'address',
  email: 'email',
};
const TRANSFERRED_TO = 'TRANSFERRED_TO';
const PAID = 'PAID';
/** Every relationship type of the demo graph: what a path search may be asked to follow. */
const LINK_TYPES: ReadonlySet<string> = new Set([...Object.values(IDENTIFIER_RELATIONSHIP), TRANSFERRED_TO, PAID]);
/** Refuses a relationship type the demo graph does not have. */
function requireKnownTypes(linkTypes: readonly string[]): void {
  const unknownTypes = linkTypes.filter((type) => !LINK_TYPES.has(type));
  if (unknownTypes.length) {
    throw new ApiError('invalid_input', `Unknown link types: ${unknownTypes.join(', ')}`, { reason: 'input_invalid', fields: [{ path: 'linkTypes', message: `unknown: ${unknownTypes.join(', ')}` }] });
  }
}
/** How many records to scan between two cancellation checks on a hub. */
const CANCEL_CHECK_INTERVAL = 4_096;

/** Compressed sparse rows: the records of key k are rows[offsets[k] .. offsets[k + 1]). */
interface Csr {
  offsets: Int32Array;
  rows: Int32Array;
}

/** Groups record indexes by key (counting sort, O(records)); rows stay ascending within a key. */
function buildCsr(keyCount: number, keyOfRecord: Int32Array): Csr {
  const offsets = new Int32Array(keyCount + 1);
  for (let r = 0; r < keyOfRecord.length; r++) offsets[keyOfRecord[r] + 1]++;
  for (let k = 0; k < keyCount; k++) offsets[k + 1] += offsets[k];
  const next = offsets.slice(0, keyCount);
  const rows = new Int32Array(keyOfRecord.length);
  for (let r = 0; r < keyOfRecord.length; r++) rows[next[keyOfRecord[r]]++] = r;
  return { offsets, rows };
}

const rowsOf = (csr: Csr, key: number): Int32Array => csr.rows.subarray(csr.offsets[key], csr.offsets[key + 1]);

/**
 * The lookup form of a typed identifier value, or null when the text cannot be one of that kind.
 * Phone: digits with a leading + ("+49 151 1234 5678", "0049151…" and "49151…" are the same number);
 * card: digits only; everything else: trimmed, lower case, single spaces.
 */
export function identifierSearchKey(kind: IdentifierKind, text: string): string | null {
  const trimmed = text.trim();
  switch (kind) {
    case 'phone': {
      const compact = trimmed.replace(/[\s\-().\/]/g, '');
      const international = compact.startsWith('00') ? `+${compact.slice(2)}` : /^\d/.test(compact) ? `+${compact}` : compact;
      return /^\+\d{8,15}$/.test(international) ? international : null;
    }
    case 'card': {
      const digits = trimmed.replace(/[\s-]/g, '');
      return /^\d{12,19}$/.test(digits) ? digits : null;
    }
    default:
      return trimmed ? trimmed.toLowerCase().replace(/\s+/g, ' ') : null;
  }
}

type NodeRef = { kind: 'account'; index: number } | { kind: 'merchant'; index: number } | { kind: IdentifierKind; index: number };

/** Money moved along one aggregated edge. */
interface FlowTotals {
  count: number;
  totalAmount: number;
  firstAt: number;
  lastAt: number;
}

interface Neighbour {
  ref: NodeRef;
  /** Edges between the centre and this neighbour (two for transfers both ways). */
  edges: { source: NodeRef; target: NodeRef; type: string; flow: FlowTotals | null }[];
}

function addFlow(totals: FlowTotals | undefined, amount: number, at: number): FlowTotals {
  if (!totals) return { count: 1, totalAmount: amount, firstAt: at, lastAt: at };
  totals.count++;
  totals.totalAmount += amount;
  totals.firstAt = Math.min(totals.firstAt, at);
  totals.lastAt = Math.max(totals.lastAt, at);
  return totals;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new ApiError('cancelled', 'The request was cancelled', { reason: 'cancelled' });
}

/** GraphSource over an in-memory DemoDataset, for the embedded default and tests. */
/** Marks on accounts kept outside the dataset (write-back of approved cases); see BlacklistOverlay. */
export interface AccountAnnotations {
  isBlacklisted(userId: string): boolean;
  annotationFor(userId: string): { properties: Record<string, PropertyValue> };
}

export class EmbeddedGraphSource implements GraphSource {
  private readonly linksByAccount: Csr;
  private readonly linksByIdentifier: Csr;
  private readonly transfersFrom: Csr;
  private readonly transfersTo: Csr;
  private readonly paymentsByAccount: Csr;
  private readonly paymentsByMerchant: Csr;
  /** Distinct neighbours of each account and merchant (identifiers' degree is their link count). */
  private readonly accountDegree: Int32Array;
  private readonly merchantDegree: Int32Array;
  /** Per identifier kind: search key → identifier indexes. */
  private readonly identifiersByKey: Map<string, number[]>[];
  private readonly merchantByMerchantId: Map<string, number>;

  private constructor(
    readonly dataset: DemoDataset,
    private readonly annotations: AccountAnnotations | null,
  ) {
    const { accounts, identifiers, identifierLinks, transfers, payments, merchants } = dataset;
    this.linksByAccount = buildCsr(accounts.count, identifierLinks.account);
    this.linksByIdentifier = buildCsr(identifiers.count, identifierLinks.identifier);
    this.transfersFrom = buildCsr(accounts.count, transfers.from);
    this.transfersTo = buildCsr(accounts.count, transfers.to);
    this.paymentsByAccount = buildCsr(accounts.count, payments.account);
    this.paymentsByMerchant = buildCsr(merchants.count, payments.merchant);

    // Distinct neighbours, counted with a "last counted for" stamp per key instead of a Set per node.
    const countOnce = (stamps: Int32Array, key: number, owner: number): number => {
      if (stamps[key] === owner) return 0;
      stamps[key] = owner;
      return 1;
    };
    const accountStamps = new Int32Array(accounts.count).fill(-1);
    const merchantStamps = new Int32Array(merchants.count).fill(-1);
    this.accountDegree = new Int32Array(accounts.count);
    for (let a = 0; a < accounts.count; a++) {
      let degree = this.linksByAccount.offsets[a + 1] - this.linksByAccount.offsets[a];
      for (const t of rowsOf(this.transfersFrom, a)) degree += countOnce(accountStamps, transfers.to[t], a);
      for (const t of rowsOf(this.transfersTo, a)) degree += countOnce(accountStamps, transfers.from[t], a);
      for (const p of rowsOf(this.paymentsByAccount, a)) degree += countOnce(merchantStamps, payments.merchant[p], a);
      this.accountDegree[a] = degree;
    }
    accountStamps.fill(-1);
    this.merchantDegree = new Int32Array(merchants.count);
    for (let m = 0; m < merchants.count; m++) {
      for (const p of rowsOf(this.paymentsByMerchant, m)) this.merchantDegree[m] += countOnce(accountStamps, payments.account[p], m);
    }

    this.identifiersByKey = IDENTIFIER_KINDS.map(() => new Map<string, number[]>());
    for (let j = 0; j < identifiers.count; j++) {
      const kind = IDENTIFIER_KINDS[identifiers.kind[j]];
      const key = identifierSearchKey(kind, identifiers.value[j]);
      if (key === null) continue;
      const byKey = this.identifiersByKey[identifiers.kind[j]];
      const existing = byKey.get(key);
      if (existing) existing.push(j);
      else byKey.set(key, [j]);
    }
    this.merchantByMerchantId = new Map(merchants.merchantId.map((id, m) => [id.toUpperCase(), m]));
  }

  /**
   * Indexes a generated dataset (about 0.1 s for 20,000 accounts). `annotations` carries marks written
   * back by approved cases: the demo graph is regenerated at every start, so it cannot hold them itself.
   */
  static fromDataset(dataset: DemoDataset, annotations: AccountAnnotations | null = null): EmbeddedGraphSource {
    return new EmbeddedGraphSource(dataset, annotations);
  }

  info(): SourceInfo {
    const count = this.dataset.accounts.count;
    return { kind: 'embedded', name: EMBEDDED_SOURCE_NAME, accountCount: count };
  }

  async revealIdentifiers(nodeIds: readonly string[]): Promise<Map<string, string>> {
    const revealed = new Map<string, string>();
    for (const nodeId of nodeIds) {
      const ref = this.parseNodeId(nodeId);
      if (ref && ref.kind !== 'account' && ref.kind !== 'merchant') revealed.set(nodeId, this.dataset.identifiers.value[ref.index]);
    }
    return revealed;
  }

  /** Node id of account `index`, e.g. `account:U0000123`. */
  accountNodeId(index: number): string {
    return `account:${userIdOf(index)}`;
  }

  /** Node id of identifier `index`, e.g. `phone:17` (never the value, which may be PII). */
  identifierNodeId(index: number): string {
    return this.nodeId({ kind: IDENTIFIER_KINDS[this.dataset.identifiers.kind[index]], index });
  }

  /** Account index behind an account node id, or -1 when the id is not an account of this graph. */
  accountIndexOfNodeId(nodeId: string): number {
    const ref = this.parseNodeId(nodeId);
    return ref?.kind === 'account' ? ref.index : -1;
  }

  async search(query: string, limit: number, signal: AbortSignal): Promise<SearchHit[]> {
    throwIfCancelled(signal);
    const text = query.trim();
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (ref: NodeRef, matchedOn: string) => {
      const node = this.toNode(ref);
      if (hits.length < limit && !seen.has(node.id)) {
        seen.add(node.id);
        hits.push({ node, matchedOn });
      }
    };
    for (const index of this.accountsByUserIdPrefix(text, limit)) add({ kind: 'account', index }, 'userId');
    const merchant = this.merchantByMerchantId.get(text.toUpperCase());
    if (merchant !== undefined) add({ kind: 'merchant', index: merchant }, 'merchantId');
    IDENTIFIER_KINDS.forEach((kind, kindIndex) => {
      const key = identifierSearchKey(kind, text);
      for (const identifier of (key !== null && this.identifiersByKey[kindIndex].get(key)) || []) {
        add({ kind, index: identifier }, IDENTIFIER_PROPERTY[kind]);
        // The accounts using a matched identifier are what the investigator is after.
        for (const link of rowsOf(this.linksByIdentifier, identifier)) {
          if (hits.length >= limit) break;
          add({ kind: 'account', index: this.dataset.identifierLinks.account[link] }, IDENTIFIER_PROPERTY[kind]);
        }
      }
    });
    return hits;
  }

  async expand(nodeId: string, { limit, offset, signal, onProgress }: ExpandOptions): Promise<ExpandResult> {
    throwIfCancelled(signal);
    const centre = this.requireNode(nodeId);
    const neighbours = this.neighboursOf(centre, signal);
    const page = neighbours.slice(offset, offset + limit);
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    page.forEach((neighbour, i) => {
      if (i % CANCEL_CHECK_INTERVAL === 0) throwIfCancelled(signal);
      nodes.push(this.toNode(neighbour.ref));
      for (const edge of neighbour.edges) edges.push(this.toEdge(edge));
    });
    onProgress?.(page.length, page.length);
    const end = offset + page.length;
    return { centerId: nodeId, nodes, edges, totalNeighbours: neighbours.length, nextOffset: end < neighbours.length ? end : null };
  }

  async nodeDetails(nodeId: string): Promise<NodeDetails> {
    const ref = this.requireNode(nodeId);
    const counts = new Map<string, number>();
    for (const neighbour of this.neighboursOf(ref, new AbortController().signal)) {
      for (const type of new Set(neighbour.edges.map((edge) => edge.type))) counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return { node: this.toNode(ref), neighbourCounts: [...counts].map(([type, count]) => ({ type, count })) };
  }

  async subgraph(nodeIds: readonly string[], { includeSharedIdentifiers, signal }: SubgraphOptions): Promise<Subgraph> {
    throwIfCancelled(signal);
    const wanted = new Map<string, NodeRef>();
    const unknown: string[] = [];
    for (const nodeId of nodeIds) {
      const ref = this.parseNodeId(nodeId);
      if (ref) wanted.set(nodeId, ref);
      else unknown.push(nodeId);
    }
    if (unknown.length) {
      const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
      throw new ApiError('not_found', `No node with id ${unknown.slice(0, 5).join(', ')}${more} in the demo graph`, { reason: 'node_missing', params: { nodeId: unknown[0], count: unknown.length } });
    }
    const accounts = [...wanted.values()].filter((ref) => ref.kind === 'account').map((ref) => ref.index);
    if (includeSharedIdentifiers) {
      const { identifierLinks, identifiers } = this.dataset;
      const sharers = new Map<number, number>();
      for (const account of accounts) {
        for (const identifier of new Set(Array.from(rowsOf(this.linksByAccount, account), (link) => identifierLinks.identifier[link]))) {
          sharers.set(identifier, (sharers.get(identifier) ?? 0) + 1);
        }
      }
      for (const [identifier, count] of sharers) {
        if (count < 2) continue;
        const ref: NodeRef = { kind: IDENTIFIER_KINDS[identifiers.kind[identifier]], index: identifier };
        wanted.set(this.nodeId(ref), ref);
      }
    }
    // Every edge has an account at one end, so walking the accounts' neighbourhoods finds them all.
    const edges = new Map<string, GraphEdge>();
    for (const account of accounts) {
      for (const neighbour of this.neighboursOf({ kind: 'account', index: account }, signal)) {
        if (!wanted.has(this.nodeId(neighbour.ref))) continue;
        for (const edge of neighbour.edges) {
          const dto = this.toEdge(edge);
          edges.set(dto.id, dto);
        }
      }
    }
    return { nodes: [...wanted.values()].map((ref) => this.toNode(ref)), edges: [...edges.values()] };
  }

  async paths({ fromId, toId, linkTypes, maxHops, limit, signal }: PathRequest): Promise<PathsResult> {
    requireKnownTypes(linkTypes);
    this.requireNode(fromId);
    this.requireNode(toId);
    const walk = this.pathWalk(linkTypes, signal);
    const found = await shortestPaths(fromId, toId, nodeByNode(walk.steps, signal), { maxHops, limit, signal });
    return { status: found.length === null ? 'no_path_within_hops' : 'found', maxHops, ...found, ...walk.drawn(found.paths) };
  }

  pathLinkTypes(): PathLinkType[] {
    return [
      ...IDENTIFIER_KINDS.map((kind) => ({ type: IDENTIFIER_RELATIONSHIP[kind], kind: 'identifier' as const, identifierKind: kind, mappedAs: 'identifier' as const })),
      { type: TRANSFERRED_TO, kind: 'transfer', identifierKind: null, mappedAs: 'transfer' },
      { type: PAID, kind: 'payment', identifierKind: null, mappedAs: 'payment' },
    ];
  }

  async pathToKnownBad(nodeId: string, { linkTypes, hubCutoff, maxHops, signal }: KnownBadPathOptions): Promise<PathToKnownBadResult> {
    requireKnownTypes(linkTypes);
    this.requireNode(nodeId);
    const walk = this.pathWalk(linkTypes, signal, hubCutoff);
    const isKnownBad = (id: string) => id.startsWith('account:') && this.toNode(this.requireNode(id)).blacklisted;
    const path = await nearestPath(nodeId, isKnownBad, nodeByNode(walk.steps, signal), { maxHops, signal });
    if (!path) return { status: 'no_path_within_hops', maxHops, length: null, knownBadId: null, path: null, nodes: [], edges: [] };
    return { status: 'found', maxHops, length: path.edgeIds.length, knownBadId: path.nodeIds.at(-1)!, path, ...walk.drawn([path]) };
  }

  /**
   * Neighbours along the given link types for a path search (never into an identifier with more
   * than `hubCutoff` links), and the DTOs of what the found paths pass.
   */
  private pathWalk(linkTypes: readonly string[], signal: AbortSignal, hubCutoff = Infinity) {
    const allowed = new Set(linkTypes);
    const rawEdges = new Map<string, Neighbour['edges'][number]>();
    const refs = new Map<string, NodeRef>();
    const steps = (nodeId: string): PathStep[] =>
      this.neighboursOf(refs.get(nodeId) ?? this.requireNode(nodeId), signal).flatMap((neighbour) => {
        // Transfers both ways are two edges; a path needs one of them.
        const edge = neighbour.edges.find((candidate) => allowed.has(candidate.type));
        if (!edge || this.identifierLinkCount(neighbour.ref) > hubCutoff) return [];
        const node = this.nodeId(neighbour.ref);
        const edgeId = this.edgeId(edge);
        refs.set(node, neighbour.ref);
        rawEdges.set(edgeId, edge);
        return [{ node, edgeId }];
      });
    const drawn = (paths: readonly GraphPath[]): Subgraph => ({
      nodes: [...new Set(paths.flatMap((path) => path.nodeIds))].map((id) => this.toNode(refs.get(id) ?? this.requireNode(id))),
      edges: [...new Set(paths.flatMap((path) => path.edgeIds))].map((id) => this.toEdge(rawEdges.get(id)!)),
    });
    return { steps, drawn };
  }

  async moneyLinks(nodeIds: readonly string[], { window, limit, signal }: MoneyLinkOptions): Promise<TransactionsResult> {
    throwIfCancelled(signal);
    const refs = nodeIds.flatMap((nodeId) => this.parseNodeId(nodeId) ?? []);
    const accounts = new Set(refs.flatMap((ref) => (ref.kind === 'account' ? [ref.index] : [])));
    const merchants = new Set(refs.flatMap((ref) => (ref.kind === 'merchant' ? [ref.index] : [])));
    const { transfers, payments } = this.dataset;
    const links: MoneyLink[] = [];
    for (const account of accounts) {
      for (const t of rowsOf(this.transfersFrom, account)) if (accounts.has(transfers.to[t])) links.push(this.transferLink(t));
      for (const p of rowsOf(this.paymentsByAccount, account)) if (merchants.has(payments.merchant[p])) links.push(this.paymentLink(p));
    }
    const inWindow = linksInTimeWindow(links, window).sort((a, b) => a.at!.localeCompare(b.at!) || a.id.localeCompare(b.id));
    return { links: inWindow.slice(0, limit), truncated: inWindow.length > limit };
  }

  async followMoney(nodeId: string, { direction, maxHops, window, limit, signal }: FollowMoneyOptions): Promise<FollowMoneyResult> {
    const start = this.requireNode(nodeId);
    const reached = new Map<string, NodeRef>([[nodeId, start]]);
    const links = new Map<string, MoneyLink>();
    let frontier = [start];
    let truncated = false;
    for (let hop = 1; hop <= maxHops && frontier.length > 0 && !truncated; hop++) {
      throwIfCancelled(signal);
      // Each hop's links oldest first, as the Neo4j source reads them.
      const hopLinks = frontier.flatMap((ref) => this.moneyLinksAt(ref, direction)).filter((link) => !links.has(link.id) && inTimeWindow(link, window));
      hopLinks.sort((a, b) => a.at!.localeCompare(b.at!) || a.id.localeCompare(b.id));
      const next: NodeRef[] = [];
      for (const link of hopLinks) {
        if (links.size === limit) {
          truncated = true;
          break;
        }
        links.set(link.id, link);
        for (const end of [link.source, link.target]) {
          if (reached.has(end)) continue;
          const ref = this.requireNode(end);
          reached.set(end, ref);
          next.push(ref);
        }
      }
      frontier = next;
    }
    return { nodes: [...reached.values()].map((ref) => this.toNode(ref)), links: [...links.values()], truncated };
  }

  /** The money links leaving (forward) or reaching (backward) one node. */
  private moneyLinksAt(ref: NodeRef, direction: 'forward' | 'backward'): MoneyLink[] {
    if (ref.kind === 'account') {
      if (direction === 'backward') return Array.from(rowsOf(this.transfersTo, ref.index), (t) => this.transferLink(t));
      return [...Array.from(rowsOf(this.transfersFrom, ref.index), (t) => this.transferLink(t)), ...Array.from(rowsOf(this.paymentsByAccount, ref.index), (p) => this.paymentLink(p))];
    }
    if (ref.kind === 'merchant' && direction === 'backward') return Array.from(rowsOf(this.paymentsByMerchant, ref.index), (p) => this.paymentLink(p));
    return [];
  }

  private transferLink(t: number): MoneyLink {
    const { from, to, amount, at } = this.dataset.transfers;
    return this.moneyLink(`transfer:${t}`, { kind: 'account', index: from[t] }, { kind: 'account', index: to[t] }, TRANSFERRED_TO, amount[t], at[t]);
  }

  private paymentLink(p: number): MoneyLink {
    const { account, merchant, amount, at } = this.dataset.payments;
    return this.moneyLink(`payment:${p}`, { kind: 'account', index: account[p] }, { kind: 'merchant', index: merchant[p] }, PAID, amount[p], at[p]);
  }

  private moneyLink(id: string, source: NodeRef, target: NodeRef, type: string, amount: number, at: number): MoneyLink {
    return {
      id,
      source: this.nodeId(source),
      target: this.nodeId(target),
      type,
      kind: type === PAID ? 'payment' : 'transfer',
      amount: Math.round(amount * 100) / 100,
      // The demo graph stores no currency: unknown, never assumed.
      currency: null,
      at: new Date(at).toISOString(),
    };
  }

  /** How many accounts link to an identifier (0 for accounts and merchants). */
  private identifierLinkCount(ref: NodeRef): number {
    if (ref.kind === 'account' || ref.kind === 'merchant') return 0;
    return this.linksByIdentifier.offsets[ref.index + 1] - this.linksByIdentifier.offsets[ref.index];
  }

  /** Word-start search over ids, merchant names and categories and identifier values (same matches as the Neo4j full-text indexes). */
  async textSearch(query: string, { limitPerKind, signal }: { limitPerKind: number; signal: AbortSignal }): Promise<TextSearchResult> {
    throwIfCancelled(signal);
    const text = query.trim();
    const groups = new Map<NodeKind, { refs: { ref: NodeRef; matchedOn: string }[]; total: number }>();
    const add = (ref: NodeRef, matchedOn: string): void => {
      const group = groups.get(ref.kind) ?? { refs: [], total: 0 };
      groups.set(ref.kind, group);
      group.total++;
      if (group.refs.length < limitPerKind) group.refs.push({ ref, matchedOn });
    };
    for (const index of this.accountsByUserIdPrefix(text, TEXT_SEARCH_COUNT_CAP + 1)) add({ kind: 'account', index }, 'userId');
    const { merchantId, name, category } = this.dataset.merchants;
    for (let m = 0; m < this.dataset.merchants.count; m++) {
      const matchedOn = matchesWordStart(name[m], text) ? 'name' : matchesWordStart(merchantId[m], text) ? 'merchantId' : matchesWordStart(category[m], text) ? 'category' : null;
      if (matchedOn) add({ kind: 'merchant', index: m }, matchedOn);
    }
    const lastFour = cardLastFour(text);
    const fullCard = identifierSearchKey('card', text);
    const phone = phoneQuery(text);
    const { identifiers } = this.dataset;
    for (let j = 0; j < identifiers.count; j++) {
      if (j % CANCEL_CHECK_INTERVAL === 0) throwIfCancelled(signal);
      const kind = IDENTIFIER_KINDS[identifiers.kind[j]];
      const value = identifiers.value[j];
      const matches =
        kind === 'card'
          ? (lastFour !== null && value.endsWith(lastFour)) || value === fullCard
          : kind === 'phone'
            ? phone !== null && ('exact' in phone ? value === phone.exact : value.endsWith(phone.suffix))
            : kind === 'ip'
              ? text.length >= 2 && value.startsWith(text)
              : matchesWordStart(value, text);
      if (matches) add({ kind, index: j }, IDENTIFIER_PROPERTY[kind]);
    }
    const result: TextSearchGroup[] = NODE_KINDS.flatMap((kind) => {
      const group = groups.get(kind);
      if (!group) return [];
      const total = Math.min(group.total, TEXT_SEARCH_COUNT_CAP);
      return [{ kind, hits: group.refs.map(({ ref, matchedOn }) => ({ node: this.toNode(ref), matchedOn })), total, totalIsLowerBound: group.total > TEXT_SEARCH_COUNT_CAP }];
    });
    return { method: 'fulltext', groups: result };
  }

  async close(): Promise<void> {}

  private accountsByUserIdPrefix(text: string, limit: number): number[] {
    const match = /^u(\d+)$/i.exec(text);
    if (!match) return [];
    const accountCount = this.dataset.accounts.count;
    const digits = match[1];
    // userIds are zero-padded to 7 digits: "U00012" is the prefix of U0001200 … U0001299.
    const span = digits.length < 7 ? 10 ** (7 - digits.length) : 1;
    const first = Number(digits) * span;
    if (digits.length > 7 && userIdOf(first) !== `U${digits}`) return [];
    const indexes: number[] = [];
    for (let index = first; index < Math.min(first + span, accountCount) && indexes.length < limit; index++) indexes.push(index);
    return indexes;
  }

  private parseNodeId(nodeId: string): NodeRef | null {
    const colon = nodeId.indexOf(':');
    if (colon <= 0) return null;
    const kind = nodeId.slice(0, colon);
    const key = nodeId.slice(colon + 1);
    if (kind === 'account') {
      const index = /^U\d{7,}$/.test(key) ? Number(key.slice(1)) : -1;
      return index >= 0 && index < this.dataset.accounts.count && userIdOf(index) === key ? { kind, index } : null;
    }
    if (kind === 'merchant') {
      const index = this.merchantByMerchantId.get(key);
      return index !== undefined && this.dataset.merchants.merchantId[index] === key ? { kind, index } : null;
    }
    const kindIndex = IDENTIFIER_KINDS.indexOf(kind as IdentifierKind);
    const index = /^\d{1,10}$/.test(key) ? Number(key) : -1;
    if (kindIndex < 0 || index < 0 || index >= this.dataset.identifiers.count || this.dataset.identifiers.kind[index] !== kindIndex) return null;
    return { kind: kind as IdentifierKind, index };
  }

  private requireNode(nodeId: string): NodeRef {
    const ref = this.parseNodeId(nodeId);
    if (!ref) throw new ApiError('not_found', `No node with id ${nodeId} in the demo graph`, { reason: 'node_missing', params: { nodeId, count: 1 } });
    return ref;
  }

  private nodeId(ref: NodeRef): string {
    if (ref.kind === 'account') return this.accountNodeId(ref.index);
    if (ref.kind === 'merchant') return `merchant:${this.dataset.merchants.merchantId[ref.index]}`;
    return `${ref.kind}:${ref.index}`;
  }

  /**
   * All neighbours of a node in display order: for an account its identifiers (by kind, then index),
   * then transfer counterparties, then merchants (each by index); for an identifier or a merchant its
   * accounts by index.
   */
  private neighboursOf(ref: NodeRef, signal: AbortSignal): Neighbour[] {
    const { identifierLinks, identifiers, transfers, payments } = this.dataset;
    if (ref.kind === 'account') {
      const account = ref;
      const identifierNeighbours = Array.from(rowsOf(this.linksByAccount, account.index), (link) => identifierLinks.identifier[link])
        .sort((a, b) => identifiers.kind[a] - identifiers.kind[b] || a - b)
        .map((identifier): Neighbour => {
          const target: NodeRef = { kind: IDENTIFIER_KINDS[identifiers.kind[identifier]], index: identifier };
          return { ref: target, edges: [{ source: account, target, type: IDENTIFIER_RELATIONSHIP[target.kind as IdentifierKind], flow: null }] };
        });
      const sent = new Map<number, FlowTotals>();
      const received = new Map<number, FlowTotals>();
      for (const t of rowsOf(this.transfersFrom, account.index)) sent.set(transfers.to[t], addFlow(sent.get(transfers.to[t]), transfers.amount[t], transfers.at[t]));
      for (const t of rowsOf(this.transfersTo, account.index)) received.set(transfers.from[t], addFlow(received.get(transfers.from[t]), transfers.amount[t], transfers.at[t]));
      const counterparties = [...new Set([...sent.keys(), ...received.keys()])].sort((a, b) => a - b).map((index): Neighbour => {
        const other: NodeRef = { kind: 'account', index };
        const edges: Neighbour['edges'] = [];
        const out = sent.get(index);
        const back = received.get(index);
        if (out) edges.push({ source: account, target: other, type: TRANSFERRED_TO, flow: out });
        if (back) edges.push({ source: other, target: account, type: TRANSFERRED_TO, flow: back });
        return { ref: other, edges };
      });
      const paid = new Map<number, FlowTotals>();
      for (const p of rowsOf(this.paymentsByAccount, account.index)) paid.set(payments.merchant[p], addFlow(paid.get(payments.merchant[p]), payments.amount[p], payments.at[p]));
      const merchantNeighbours = [...paid.keys()].sort((a, b) => a - b).map((index): Neighbour => {
        const merchant: NodeRef = { kind: 'merchant', index };
        return { ref: merchant, edges: [{ source: account, target: merchant, type: PAID, flow: paid.get(index)! }] };
      });
      return [...identifierNeighbours, ...counterparties, ...merchantNeighbours];
    }
    if (ref.kind === 'merchant') {
      const payers = new Map<number, FlowTotals>();
      const rows = rowsOf(this.paymentsByMerchant, ref.index);
      rows.forEach((p, i) => {
        if (i % CANCEL_CHECK_INTERVAL === 0) throwIfCancelled(signal);
        payers.set(payments.account[p], addFlow(payers.get(payments.account[p]), payments.amount[p], payments.at[p]));
      });
      return [...payers.keys()].sort((a, b) => a - b).map((index): Neighbour => {
        const account: NodeRef = { kind: 'account', index };
        return { ref: account, edges: [{ source: account, target: ref, type: PAID, flow: payers.get(index)! }] };
      });
    }
    const accounts = Array.from(rowsOf(this.linksByIdentifier, ref.index), (link) => identifierLinks.account[link]).sort((a, b) => a - b);
    return accounts.map((index): Neighbour => {
      const account: NodeRef = { kind: 'account', index };
      return { ref: account, edges: [{ source: account, target: ref, type: IDENTIFIER_RELATIONSHIP[ref.kind], flow: null }] };
    });
  }

  private toNode(ref: NodeRef): GraphNode {
    const id = this.nodeId(ref);
    if (ref.kind === 'account') {
      const { createdAt, riskScore, blacklisted } = this.dataset.accounts;
      const userId = userIdOf(ref.index);
      const risk = Math.round(riskScore[ref.index] * 10_000) / 10_000;
      const writtenBack = this.annotations?.annotationFor(userId).properties ?? {};
      const isBlacklisted = blacklisted[ref.index] === 1 || (this.annotations?.isBlacklisted(userId) ?? false);
      return {
        id,
        kind: 'account',
        key: userId,
        label: userId,
        properties: { userId, createdAt: new Date(createdAt[ref.index]).toISOString(), riskScore: risk, ...writtenBack, blacklisted: isBlacklisted },
        riskScore: risk,
        blacklisted: isBlacklisted,
        degree: this.accountDegree[ref.index],
      };
    }
    if (ref.kind === 'merchant') {
      const { merchantId, name, category } = this.dataset.merchants;
      return {
        id,
        kind: 'merchant',
        key: merchantId[ref.index],
        label: name[ref.index],
        properties: { merchantId: merchantId[ref.index], name: name[ref.index], category: category[ref.index] },
        riskScore: null,
        blacklisted: false,
        degree: this.merchantDegree[ref.index],
      };
    }
    const masked = maskIdentifier(ref.kind, this.dataset.identifiers.value[ref.index]);
    return {
      id,
      kind: ref.kind,
      key: masked,
      label: masked,
      properties: { [IDENTIFIER_PROPERTY[ref.kind]]: masked },
      riskScore: null,
      blacklisted: false,
      degree: this.linksByIdentifier.offsets[ref.index + 1] - this.linksByIdentifier.offsets[ref.index],
    };
  }

  private toEdge(edge: Neighbour['edges'][number]): GraphEdge {
    const source = this.nodeId(edge.source);
    const target = this.nodeId(edge.target);
    const kind = edge.type === TRANSFERRED_TO ? 'transfer' : edge.type === PAID ? 'payment' : 'identifier';
    const properties: GraphEdge['properties'] = edge.flow
      ? {
          count: edge.flow.count,
          totalAmount: Math.round(edge.flow.totalAmount * 100) / 100,
          firstAt: new Date(edge.flow.firstAt).toISOString(),
          lastAt: new Date(edge.flow.lastAt).toISOString(),
        }
      : {};
    return { id: this.edgeId(edge), source, target, type: edge.type, kind, properties };
  }

  /** Derived from both ends, so expanding either end (or finding a path) yields the same edge id. */
  private edgeId(edge: Neighbour['edges'][number]): string {
    return `${this.nodeId(edge.source)}-${edge.type}->${this.nodeId(edge.target)}`;
  }
}
