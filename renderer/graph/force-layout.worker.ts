/**
 * Runs ForceAtlas2 (Barnes–Hut) off the UI thread for large canvases: fcose on a thousand nodes
 * blocks the page for seconds. Iterations run in slices so progress can be reported; the canvas
 * cancels by terminating the worker.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceLayoutMessage, ForceLayoutRequest } from './force-layout-protocol';

const SLICE = 25;

const scope = self as unknown as { onmessage: ((event: MessageEvent<ForceLayoutRequest>) => void) | null; postMessage(message: ForceLayoutMessage): void };

scope.onmessage = ({ data }) => {
  const { positions, fixed, edges, iterations, edgeLength } = data;
  const count = fixed.length;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let node = 0; node < count; node++) {
    // Coincident nodes have no force between them: spread them a little, deterministically.
    graph.addNode(node, { x: positions[2 * node] + (node % 7) * 0.01, y: positions[2 * node + 1] + (node % 11) * 0.01, fixed: fixed[node] === 1 });
  }
  for (let edge = 0; edge < edges.length; edge += 2) {
    if (edges[edge] !== edges[edge + 1]) graph.mergeEdge(edges[edge], edges[edge + 1]);
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: count > 250, scalingRatio: 4 };
  for (let done = 0; done < iterations; done += SLICE) {
    forceAtlas2.assign(graph, { iterations: Math.min(SLICE, iterations - done), settings });
    scope.postMessage({ type: 'progress', done: Math.min(done + SLICE, iterations), total: iterations });
  }
  const result = new Float64Array(2 * count);
  graph.forEachNode((node, attributes) => {
    result[2 * Number(node)] = attributes.x as number;
    result[2 * Number(node) + 1] = attributes.y as number;
  });
  scaleToEdgeLength(result, fixed, edges, edgeLength);
  scope.postMessage({ type: 'done', positions: result });
};

/** ForceAtlas2's scale is arbitrary: stretch the moved nodes about their centre to the wanted edge length. */
function scaleToEdgeLength(positions: Float64Array, fixed: Uint8Array, edges: Uint32Array, edgeLength: number): void {
  let total = 0;
  let counted = 0;
  for (let edge = 0; edge < edges.length; edge += 2) {
    const [a, b] = [edges[edge], edges[edge + 1]];
    if (fixed[a] && fixed[b]) continue;
    total += Math.hypot(positions[2 * a] - positions[2 * b], positions[2 * a + 1] - positions[2 * b + 1]);
    counted++;
  }
  if (counted === 0 || total === 0) return;
  const factor = edgeLength / (total / counted);
  let cx = 0;
  let cy = 0;
  let moving = 0;
  for (let node = 0; node < fixed.length; node++) {
    if (fixed[node]) continue;
    cx += positions[2 * node];
    cy += positions[2 * node + 1];
    moving++;
  }
  if (moving === 0) return;
  cx /= moving;
  cy /= moving;
  for (let node = 0; node < fixed.length; node++) {
    if (fixed[node]) continue;
    positions[2 * node] = cx + (positions[2 * node] - cx) * factor;
    positions[2 * node + 1] = cy + (positions[2 * node + 1] - cy) * factor;
  }
}
