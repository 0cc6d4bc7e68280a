import type { Case, Subgraph } from '../../api';
import { layoutCaseGraph, type NodePositions } from './graph-layout';

/** Space left between the chosen view's drawing and the case nodes it does not hold. */
const GAP_BELOW_VIEW = 120;

/** The chosen view a picture follows, as the report names it. */
export interface PictureView {
  name: string;
  savedBy: string;
  savedAt: string;
  /** Case nodes the view hides: left out of the picture (still in the tables and files). */
  hiddenNodes: number;
  /** Case nodes the view does not hold: laid out here and placed below it. */
  addedNodes: number;
}

/** What the report draws of the case graph, and where. */
export interface CasePicture {
  /** The case graph less the nodes the chosen view hides, and their links. */
  drawn: Subgraph;
  /** A position for every node of the case graph (cytoscape.json keeps the hidden ones too). */
  positions: NodePositions;
  /** The chosen view followed, or null when the case has none and the graph was laid out here. */
  view: PictureView | null;
}

/**
 * The case graph as the investigator arranged it in the case's chosen view: the view's positions
 * and hidden set. Case nodes the view lacks (members added after it was saved) are laid out on
 * their own and placed below it, so every member is still drawn. Without a chosen view, the
 * case graph is laid out here (layoutCaseGraph).
 */
export function casePicture(caseRecord: Case, graph: Subgraph): CasePicture {
  const chosen = caseRecord.views.find((view) => view.id === caseRecord.chosenViewId);
  if (!chosen) return { drawn: graph, positions: layoutCaseGraph(graph), view: null };

  const saved = new Map(chosen.workspace.nodes.map((node) => [node.id, node]));
  const positions: NodePositions = new Map();
  for (const node of graph.nodes) {
    const inView = saved.get(node.id);
    if (inView) positions.set(node.id, { ...inView.position });
  }
  const rest = graph.nodes.filter((node) => !positions.has(node.id));
  if (rest.length) {
    const restIds = new Set(rest.map((node) => node.id));
    const restPositions = layoutCaseGraph({ nodes: rest, edges: graph.edges.filter((edge) => restIds.has(edge.source) && restIds.has(edge.target)) });
    const viewBox = boundsOf([...positions.values()]);
    const restBox = boundsOf([...restPositions.values()]);
    const dx = viewBox ? viewBox.minX - restBox!.minX : 0;
    const dy = viewBox ? viewBox.maxY + GAP_BELOW_VIEW - restBox!.minY : 0;
    for (const [id, point] of restPositions) positions.set(id, { x: point.x + dx, y: point.y + dy });
  }
  const hidden = new Set(graph.nodes.filter((node) => saved.get(node.id)?.hidden).map((node) => node.id));
  const drawn: Subgraph = {
    nodes: graph.nodes.filter((node) => !hidden.has(node.id)),
    edges: graph.edges.filter((edge) => !hidden.has(edge.source) && !hidden.has(edge.target)),
  };
  return { drawn, positions, view: { name: chosen.name, savedBy: chosen.savedBy, savedAt: chosen.savedAt, hiddenNodes: hidden.size, addedNodes: rest.length } };
}

function boundsOf(points: readonly { x: number; y: number }[]): { minX: number; maxY: number; minY: number } | null {
  if (!points.length) return null;
  return { minX: Math.min(...points.map((p) => p.x)), minY: Math.min(...points.map((p) => p.y)), maxY: Math.max(...points.map((p) => p.y)) };
}
