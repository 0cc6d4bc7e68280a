/**
 * DTO → Cytoscape element conversion, kept pure (no Cytoscape instance, no DOM) so it is unit-tested
 * on its own and the imperative GraphView only adds what this module returns.
 */
import type { EdgeKind, GraphEdge, GraphNode, NodeKind } from '../../main/api';
import { moneyEdgeSummary, moneyEdgeWidth, type MoneyEdgeLabel } from './money-edges';
import { accountRiskScore, riskBand } from './risk';

export interface NodeElement {
  group: 'nodes';
  data: { id: string; kind: NodeKind; label: string; riskScore: number | null; blacklisted: boolean; node: GraphNode };
  /** Space-separated, as Cytoscape takes them: `kind-<kind>`, `risk-<band>` (accounts), `blacklisted`, `hub`. */
  classes: string;
}

export interface EdgeElement {
  group: 'edges';
  data: { id: string; source: string; target: string; type: string; kind: EdgeKind; edge: GraphEdge; label?: string; moneyWidth?: number };
  /** `edge-<kind>`. */
  classes: string;
}

export type GraphElement = NodeElement | EdgeElement;

/**
 * Neighbours loaded per expand (the investigator picks one). A node with more neighbours than one
 * page is a hub (an office IP, a popular merchant): drawn collapsed with its neighbour count, and
 * expanded a page at a time.
 */
export const NEIGHBOUR_PAGE_SIZES = [25, 50, 100, 200] as const;
export type NeighbourPageSize = (typeof NEIGHBOUR_PAGE_SIZES)[number];
export const DEFAULT_NEIGHBOUR_PAGE_SIZE: NeighbourPageSize = 50;

/** Whether a node stands for more neighbours than one page draws. */
export function isHub(node: GraphNode, pageSize: number): boolean {
  return node.kind !== 'account' && node.degree !== null && node.degree > pageSize;
}

/** How a hub's neighbour count reads on its second label line, in the investigator's language (the node, to name its kind). */
export type HubCountLabel = (count: number, node: GraphNode) => string;

const plainCount: HubCountLabel = (count) => String(count);

/**
 * One node as a Cytoscape element; the DTO rides along in data.node for the details panel. An
 * account in an opened ring is coloured by the higher of its own risk and `ringScore`.
 */
export function nodeElement(node: GraphNode, pageSize: number = DEFAULT_NEIGHBOUR_PAGE_SIZE, hubCount: HubCountLabel = plainCount, ringScore: number | null = null): NodeElement {
  const hub = isHub(node, pageSize);
  const riskScore = node.kind === 'account' ? accountRiskScore(node.riskScore, ringScore) : node.riskScore;
  const classes = [`kind-${node.kind}`];
  if (hub) classes.push('hub');
  // Only accounts carry a model score; identifiers would all read "unknown" and add noise.
  if (node.kind === 'account') classes.push(`risk-${riskBand(riskScore)}`);
  if (node.blacklisted) classes.push('blacklisted');
  // A mapped identifier entry's own picture (an SSN's ID card) over its kind's.
  if (node.identifierType) classes.push(`icon-${node.identifierType.icon}`);
  return {
    group: 'nodes',
    data: {
      id: node.id,
      kind: node.kind,
      label: hub ? `${node.label}\n${hubCount(node.degree!, node)}` : node.label,
      riskScore,
      blacklisted: node.blacklisted,
      node,
    },
    classes: classes.join(' '),
  };
}

/** One edge as a Cytoscape element; a (folded) money edge gets its width from the total and, with `moneyLabel`, a label. */
export function edgeElement(edge: GraphEdge, moneyLabel?: MoneyEdgeLabel): EdgeElement {
  const money = moneyEdgeSummary(edge);
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      kind: edge.kind,
      edge,
      ...(money ? { moneyWidth: moneyEdgeWidth(money.totalAmount), ...(moneyLabel ? { label: moneyLabel(money) } : {}) } : {}),
    },
    classes: `edge-${edge.kind}`,
  };
}
