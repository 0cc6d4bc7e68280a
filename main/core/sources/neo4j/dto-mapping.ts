/**
 * Plain Neo4j nodes and relationships (after bolt mapping) → the Api's GraphNode / GraphEdge DTOs,
 * shaped exactly like the embedded source's: same kinds, ids, labels, masked values and only the
 * mapped properties (a team's graph may hold more PII on a node than RingScope knows how to mask).
 *
 * Node ids: `account:<account id>` and `merchant:<merchant id>` (business keys, not PII, and the
 * same ids the embedded graph uses, so cases survive a switch of source); identifiers are
 * `<kind>:<elementId>` because their value (phone, card number) is PII and must not be in an id.
 */
import { epochMillisOf } from './temporal-values';
import { ApiError, IDENTIFIER_KINDS, type GraphEdge, type GraphNode, type IdentifierMapping, type NodeKind } from '../../../api';
import type { PlainNode } from '../../../../graph-queries/catalog';
import { maskMappedIdentifier } from '../../privacy/mask';
import type { ValidatedMapping } from '../../schema/schema-mapping';

/** What a RingScope node id points at in Neo4j: exactly one of the three is set. */
export interface NodeRef {
  accountId: string | null;
  merchantId: string | null;
  elementId: string | null;
}

/** Splits a node id into the lookup it needs; throws not_found for an id no Neo4j node can have. */
export function parseNodeId(nodeId: string): NodeRef {
  const colon = nodeId.indexOf(':');
  const kind = nodeId.slice(0, colon);
  const key = nodeId.slice(colon + 1);
  if (colon > 0 && key) {
    if (kind === 'account') return { accountId: key, merchantId: null, elementId: null };
    if (kind === 'merchant') return { accountId: null, merchantId: key, elementId: null };
    if ((IDENTIFIER_KINDS as readonly string[]).includes(kind) || kind === 'identifier') return { accountId: null, merchantId: null, elementId: key };
  }
  throw new ApiError('not_found', `No node with id ${nodeId} in this graph`, { reason: 'node_missing', params: { nodeId, count: 1 } });
}

/** The node's kind from its labels under the mapping, or null for a label RingScope does not map. */
export function nodeKindOf(node: PlainNode, mapping: ValidatedMapping): NodeKind | null {
  if (mapping.account.labels.some((label) => node.labels.includes(label))) return 'account';
  const identifier = identifierEntryOf(node, mapping);
  if (identifier) return identifierNodeKind(identifier);
  if (mapping.payment && node.labels.includes(mapping.payment.merchantLabel)) return 'merchant';
  if (eventMerchantOf(node, mapping)) return 'merchant';
  return null;
}

/** The merchant far end of a mapped event link a node is (by its label), if any. */
function eventMerchantOf(node: Pick<PlainNode, 'labels'>, mapping: ValidatedMapping): { label: string; idProperty: string } | undefined {
  for (const { farEnd } of mapping.eventLinks) if (farEnd.kind === 'merchant' && node.labels.includes(farEnd.label)) return farEnd;
  return undefined;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
/** Times read from Neo4j are ISO strings already (bolt mapping); epoch-millisecond numbers are converted. */
/** A time shown as ISO when it can be read (epoch s/ms, ISO text), as stored text otherwise, null when absent. */
function isoTime(value: unknown): string | null {
  const millis = epochMillisOf(value);
  if (Number.isFinite(millis)) return new Date(millis).toISOString();
  return typeof value === 'string' ? value : null;
}

/** A Neo4j node as a GraphNode; throws internal for a node whose labels the mapping does not cover. */
export function toGraphNode(node: PlainNode, degree: number | null, mapping: ValidatedMapping): GraphNode {
  const kind = nodeKindOf(node, mapping);
  const props = node.properties;
  if (kind === 'account') {
    const account = mapping.account;
    const id = text(props[account.idProperty]);
    const properties: GraphNode['properties'] = { [account.idProperty]: id };
    const riskScore = account.riskScoreProperty && typeof props[account.riskScoreProperty] === 'number' ? (props[account.riskScoreProperty] as number) : null;
    const blacklisted = account.blacklistedProperty ? props[account.blacklistedProperty] === true : false;
    if (account.createdAtProperty) properties[account.createdAtProperty] = isoTime(props[account.createdAtProperty]);
    if (account.riskScoreProperty) properties[account.riskScoreProperty] = riskScore;
    if (account.blacklistedProperty) properties[account.blacklistedProperty] = blacklisted;
    return { id: `account:${id}`, kind, key: id, label: id, properties, riskScore, blacklisted, degree };
  }
  if (kind === 'merchant' && mapping.payment && node.labels.includes(mapping.payment.merchantLabel)) {
    const payment = mapping.payment;
    const merchantId = text(props[payment.merchantIdProperty]);
    const properties: GraphNode['properties'] = { [payment.merchantIdProperty]: merchantId };
    if (payment.merchantNameProperty) properties[payment.merchantNameProperty] = text(props[payment.merchantNameProperty]);
    if (payment.merchantCategoryProperty) properties[payment.merchantCategoryProperty] = text(props[payment.merchantCategoryProperty]);
    const name = payment.merchantNameProperty ? text(props[payment.merchantNameProperty]) : '';
    return { id: `merchant:${merchantId}`, kind, key: merchantId, label: name || merchantId, properties, riskScore: null, blacklisted: false, degree };
  }
  const eventMerchant = kind === 'merchant' ? eventMerchantOf(node, mapping) : undefined;
  if (eventMerchant) {
    // Paid through event nodes: the mapping names only the id key (the one ring results name merchants by).
    const merchantId = text(props[eventMerchant.idProperty]);
    return { id: `merchant:${merchantId}`, kind: 'merchant', key: merchantId, label: merchantId, properties: { [eventMerchant.idProperty]: merchantId }, riskScore: null, blacklisted: false, degree };
  }
  const identifier = identifierEntryOf(node, mapping);
  if (!identifier) throw new ApiError('internal', `A node labelled ${node.labels.join(':')} is not covered by the schema mapping`, { reason: 'mapping_gap', params: { labels: node.labels.join(':') } });
  const masked = maskMappedIdentifier(identifier, text(props[identifier.valueProperty]));
  const nodeKind = identifierNodeKind(identifier);
  const named = identifier.displayName !== null || identifier.icon !== null || identifier.kind === null;
  return {
    id: `${nodeKind}:${node.elementId}`,
    kind: nodeKind,
    key: masked,
    label: masked,
    properties: { [identifier.valueProperty]: masked },
    riskScore: null,
    blacklisted: false,
    degree,
    // A kind of the team's own has no word of RingScope's: without a display name it is called by its label.
    ...(named && { identifierType: { displayName: identifier.displayName ?? (identifier.kind ? null : identifier.label), icon: identifier.icon ?? identifier.kind ?? 'generic' } }),
  };
}

/** The mapping entry a node is an identifier of (by its label), if any. */
export function identifierEntryOf(node: Pick<PlainNode, 'labels'>, mapping: ValidatedMapping): IdentifierMapping | undefined {
  return mapping.identifiers.find((candidate) => node.labels.includes(candidate.label));
}

/** An entry's node kind: its built-in kind, or `identifier` for a kind of the team's own. */
export const identifierNodeKind = (identifier: IdentifierMapping): NodeKind => identifier.kind ?? 'identifier';

/** Parallel relationships of one type and direction between two nodes, folded (see neighbourhood-page.cypher). */
export interface FoldedFlow {
  type: string;
  /** True when the relationships start at the centre node. */
  outgoing: boolean;
  count: number;
  totalAmount: number | null;
  firstAt: string | number | null;
  lastAt: string | number | null;
}

/**
 * What an edge of this type means under the mapping. Money through a mapped event node is typed by
 * the event label: to a merchant (`toMerchant`) it is a payment, between two clients it moves money
 * like a transfer (one label, a Transaction, may be both).
 */
export function edgeKindOf(type: string, mapping: ValidatedMapping, toMerchant = false): GraphEdge['kind'] {
  if (mapping.transfer?.relationshipType === type) return 'transfer';
  if (mapping.payment?.relationshipType === type) return 'payment';
  if (toMerchant && mapping.eventLinks.some((link) => link.farEnd.kind === 'merchant' && link.eventLabel === type)) return 'payment';
  if (mapping.eventLinks.some((link) => link.eventLabel === type)) return 'transfer';
  return 'identifier';
}

/** The edges between a centre and one neighbour: one per folded flow, ids derived from both ends like the embedded graph's. */
export function toGraphEdges(centerId: string, neighbourId: string, flows: readonly FoldedFlow[], mapping: ValidatedMapping): GraphEdge[] {
  return flows.map((flow) => {
    const source = flow.outgoing ? centerId : neighbourId;
    const target = flow.outgoing ? neighbourId : centerId;
    const kind = edgeKindOf(flow.type, mapping, target.startsWith('merchant:'));
    const properties: GraphEdge['properties'] =
      kind === 'identifier'
        ? {}
        : {
            count: flow.count,
            totalAmount: flow.totalAmount === null ? null : Math.round(flow.totalAmount * 100) / 100,
            firstAt: isoTime(flow.firstAt),
            lastAt: isoTime(flow.lastAt),
          };
    return { id: `${source}-${flow.type}->${target}`, source, target, type: flow.type, kind, properties };
  });
}
