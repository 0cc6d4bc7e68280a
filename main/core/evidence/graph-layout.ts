import cytoscape from 'cytoscape';
import type { Subgraph } from '../../api';
import { Mulberry32 } from '../demo/prng';

export type NodePositions = Map<string, { x: number; y: number }>;

/** Above this many nodes the force layout is skipped: the rings layout alone stays readable enough and instant. */
const FORCE_LAYOUT_NODE_LIMIT = 400;

/**
 * Positions for the report's graph picture, computed headless in Node. Accounts start on an inner
 * ring and identifiers/merchants on an outer one (sorted by id), then cytoscape's cose layout relaxes
 * it without randomising, so the same case always gets the same picture.
 */
export function layoutCaseGraph(graph: Subgraph): NodePositions {
  const accounts = graph.nodes.filter((node) => node.kind === 'account').map((node) => node.id).sort();
  const others = graph.nodes.filter((node) => node.kind !== 'account').map((node) => node.id).sort();
  const ring = (ids: string[], radius: number, offset: number) =>
    ids.map((id, i) => [id, { x: radius * Math.cos(offset + (2 * Math.PI * i) / ids.length), y: radius * Math.sin(offset + (2 * Math.PI * i) / ids.length) }] as const);
  const start = new Map([...ring(accounts, 60 + 12 * accounts.length, 0), ...ring(others, 120 + 12 * accounts.length + 8 * others.length, Math.PI / Math.max(1, others.length))]);
  if (graph.nodes.length < 3 || graph.nodes.length > FORCE_LAYOUT_NODE_LIMIT) return start;

  const cy = cytoscape({
    headless: true,
    styleEnabled: false,
    elements: [
      ...graph.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id }, position: { ...start.get(node.id)! } })),
      ...graph.edges.map((edge) => ({ group: 'edges' as const, data: { id: edge.id, source: edge.source, target: edge.target } })),
    ],
  });
  const size = 400 * Math.sqrt(graph.nodes.length);
  const layout = cy.layout({
    name: 'cose',
    randomize: false,
    animate: false,
    fit: false,
    numIter: 1000,
    nodeRepulsion: () => 400_000,
    idealEdgeLength: () => 60,
    boundingBox: { x1: 0, y1: 0, w: size, h: size },
  } as cytoscape.LayoutOptions);
  // cose jitters with Math.random and runs synchronously when not animated: a seeded generator for
  // the duration of the run makes the picture reproducible, and the real one is back before anything else runs.
  const systemRandom = Math.random;
  const seeded = new Mulberry32(graph.nodes.length);
  Math.random = () => seeded.next();
  try {
    layout.run();
  } finally {
    Math.random = systemRandom;
  }
  const positions: NodePositions = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  cy.destroy();
  return positions;
}
