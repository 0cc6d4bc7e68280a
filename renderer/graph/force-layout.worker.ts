/**
 * Runs ForceAtlas2 (Barnes–Hut) off the UI thread for large canvases: fcose on a thousand nodes
 * blocks the page for seconds. Iterations run in slices so progress can be reported and the run
 * stops once the nodes barely move; the canvas cancels by terminating the worker.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceLayoutMessage, ForceLayoutRequest } from './force-layout-protocol';

const SLICE = 10;
/** Fewer iterations than this never count as converged (the first ones untangle the seed). */
const MIN_ITERATIONS = 20;
/** Converged when a node moves on average less than this share of the layout's radius per iteration. */
const CONVERGED_MOVE = 0.01;
/**
 * Mean distance to the centre, per √nodes, that ForceAtlas2 settles at with the settings below:
 * seeding at that scale keeps the current arrangement's shape and saves the iterations that would
 * only shrink or grow it.
 */
const SETTLED_RADIUS_PER_ROOT_NODE = 7.3;

const scope = self as unknown as { onmessage: ((event: MessageEvent<ForceLayoutRequest>) => void) | null; postMessage(message: ForceLayoutMessage, transfer?: Transferable[]): void };

scope.onmessage = ({ data }) => {
  const { positions, fixed, edges, iterations, edgeLength } = data;
  const count = fixed.length;
  // The layout starts from the current arrangement (fixed nodes included) moved to the origin and
  // scaled to where ForceAtlas2 settles; the result is mapped back to the canvas the same way.
  const seed = settledSeed(positions);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let node = 0; node < count; node++) {
    // Coincident nodes have no force between them: spread them a little, deterministically.
    const x = (positions[2 * node] - seed.cx) * seed.scale + (node % 7) * 0.01;
    const y = (positions[2 * node + 1] - seed.cy) * seed.scale + (node % 11) * 0.01;
    graph.addNode(node, { x, y, fixed: fixed[node] === 1 });
  }
  for (let edge = 0; edge < edges.length; edge += 2) {
    if (edges[edge] !== edges[edge + 1]) graph.mergeEdge(edges[edge], edges[edge + 1]);
  }
  // slowDown 1 (not the inferred one, ~8 at 1,000 nodes) and a coarser Barnes–Hut theta: the
  // seed is already near its settled scale, so big careful steps are wasted time.
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: count > 250, barnesHutTheta: 0.8, scalingRatio: 4, slowDown: 1 };
  const before = new Float64Array(2 * count);
  for (let done = 0; done < iterations; ) {
    readPositions(graph, before);
    const slice = Math.min(SLICE, iterations - done);
    forceAtlas2.assign(graph, { iterations: slice, settings });
    done += slice;
    const converged = done >= MIN_ITERATIONS && meanMoveShare(graph, before) / slice < CONVERGED_MOVE;
    scope.postMessage({ type: 'progress', done: converged ? iterations : done, total: iterations });
    if (converged) break;
  }
  const result = new Float64Array(2 * count);
  readPositions(graph, result);
  for (let node = 0; node < count; node++) {
    // Fixed nodes get their own positions back exactly, not a float's round trip.
    result[2 * node] = fixed[node] ? positions[2 * node] : result[2 * node] / seed.scale + seed.cx;
    result[2 * node + 1] = fixed[node] ? positions[2 * node + 1] : result[2 * node + 1] / seed.scale + seed.cy;
  }
  scaleToEdgeLength(result, fixed, edges, edgeLength);
  // Transferred, not copied: the canvas gets the buffer itself.
  scope.postMessage({ type: 'done', positions: result }, [result.buffer]);
};

function readPositions(graph: Graph, into: Float64Array): void {
  graph.forEachNode((node, attributes) => {
    into[2 * Number(node)] = attributes.x as number;
    into[2 * Number(node) + 1] = attributes.y as number;
  });
}

/** Centre and scale that move `positions` to the origin at ForceAtlas2's settled radius. */
function settledSeed(positions: Float64Array): { cx: number; cy: number; scale: number } {
  const count = positions.length / 2;
  const [cx, cy] = centre(positions);
  const radius = meanRadius(positions, cx, cy);
  return { cx, cy, scale: radius > 0 ? (SETTLED_RADIUS_PER_ROOT_NODE * Math.sqrt(count)) / radius : 1 };
}

function centre(positions: Float64Array): [number, number] {
  const count = positions.length / 2;
  let cx = 0;
  let cy = 0;
  for (let node = 0; node < count; node++) {
    cx += positions[2 * node];
    cy += positions[2 * node + 1];
  }
  return [cx / count, cy / count];
}

function meanRadius(positions: Float64Array, cx: number, cy: number): number {
  const count = positions.length / 2;
  let total = 0;
  for (let node = 0; node < count; node++) total += Math.hypot(positions[2 * node] - cx, positions[2 * node + 1] - cy);
  return total / count;
}

/** How far nodes moved since `before`, on average, as a share of the layout's mean radius. */
function meanMoveShare(graph: Graph, before: Float64Array): number {
  const after = new Float64Array(before.length);
  readPositions(graph, after);
  let moved = 0;
  for (let index = 0; index < after.length; index += 2) moved += Math.hypot(after[index] - before[index], after[index + 1] - before[index + 1]);
  const [cx, cy] = centre(after);
  const radius = meanRadius(after, cx, cy);
  return radius > 0 ? moved / (after.length / 2) / radius : 0;
}

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
