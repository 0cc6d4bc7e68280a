/**
 * Paths on the canvas (issue #10 and #8): a found path is added as one undoable command that never
 * moves what is drawn. Nodes not drawn yet go on a line between the drawn nodes they connect (or
 * onward from the last drawn one, away from the rest of the drawing); every further shortest path
 * gets its own lane beside the first, so parallel paths do not cover each other.
 */
import type { GraphEdge, GraphNode, GraphPath } from '../../main/api';
import { canvasNode, type CanvasCommand, type CanvasModel, type Point } from './canvas-model';

/** What a path search answered: the paths and the nodes and edges they pass. */
export interface FoundPaths {
  paths: readonly GraphPath[];
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

/** Distance between two consecutive new nodes of a path drawn onward from a drawn one. */
const STEP = 120;
/** Distance between the lanes of parallel shortest paths. */
const LANE = 70;

const round = (value: number) => Math.round(value * 100) / 100;

function unit(from: Point, to: Point, fallback: Point): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  return length === 0 ? fallback : { x: dx / length, y: dy / length };
}

/** Closer than this to a drawn node, a new node would cover it. */
const MIN_GAP = 60;

/** `wanted`, or the nearest spot above or below it that covers none of `taken`. */
function clearOf(wanted: Point, taken: readonly Point[]): Point {
  for (let step = 0; step < 40; step++) {
    const candidate = { x: wanted.x, y: round(wanted.y + laneOf(step) * (MIN_GAP / 2)) };
    if (taken.every((point) => Math.hypot(point.x - candidate.x, point.y - candidate.y) >= MIN_GAP)) return candidate;
  }
  return wanted;
}

/** Lane 0 for the first path, then 1, -1, 2, -2 … */
const laneOf = (index: number) => (index % 2 === 1 ? 1 : -1) * Math.ceil(index / 2);

/** Positions of `count` new nodes between `before` and `after` (either may be missing), on `lane`. */
function runPositions(before: Point | null, after: Point | null, count: number, lane: number, centre: Point | null): Point[] {
  const right = { x: 1, y: 0 };
  if (before && after) {
    const along = unit(before, after, right);
    const offset = lane * LANE;
    return Array.from({ length: count }, (_, k) => {
      const t = (k + 1) / (count + 1);
      return { x: round(before.x + (after.x - before.x) * t - along.y * offset), y: round(before.y + (after.y - before.y) * t + along.x * offset) };
    });
  }
  const anchor = (before ?? after)!;
  // Onward from the anchor, away from the middle of the drawing.
  const away = centre ? unit(centre, anchor, right) : right;
  const offset = lane * LANE;
  const onward = Array.from({ length: count }, (_, k) => ({ x: round(anchor.x + away.x * STEP * (k + 1) - away.y * offset), y: round(anchor.y + away.y * STEP * (k + 1) + away.x * offset) }));
  // A run before a drawn node is listed towards it: the nearest new node comes last.
  return before ? onward : onward.reverse();
}

/** Where each node of `paths` that `drawn` does not place goes; drawn nodes are not in the answer. */
export function placePathNodes(drawn: Readonly<Record<string, Point>>, paths: readonly GraphPath[]): Record<string, Point> {
  const placed: Record<string, Point> = {};
  const at = (id: string): Point | null => drawn[id] ?? placed[id] ?? null;
  const points = Object.values(drawn);
  const centre = points.length ? { x: points.reduce((sum, p) => sum + p.x, 0) / points.length, y: points.reduce((sum, p) => sum + p.y, 0) / points.length } : null;
  paths.forEach((path, index) => {
    const ids = path.nodeIds;
    if (!ids.some(at)) placed[ids[0]] = points.length ? { x: Math.max(...points.map((p) => p.x)) + 2 * STEP, y: centre!.y } : { x: 0, y: 0 };
    for (let i = 0; i < ids.length; ) {
      if (at(ids[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < ids.length && !at(ids[j])) j++;
      const run = ids.slice(i, j);
      runPositions(i > 0 ? at(ids[i - 1]) : null, j < ids.length ? at(ids[j]) : null, run.length, laneOf(index), centre).forEach((position, k) => {
        placed[run[k]] = clearOf(position, [...points, ...Object.values(placed)]);
      });
      i = j;
    }
  });
  return placed;
}

/** Adds the found paths (nothing drawn moves) and highlights exactly their nodes and edges. */
export function addPaths(found: FoundPaths): CanvasCommand {
  return {
    label: 'add',
    apply(model: CanvasModel): CanvasModel {
      const positions = placePathNodes(Object.fromEntries(Object.entries(model.nodes).map(([id, drawn]) => [id, drawn.position])), found.paths);
      const nodes = { ...model.nodes };
      for (const node of found.nodes) if (!nodes[node.id] && positions[node.id]) nodes[node.id] = canvasNode(node, positions[node.id]);
      const edges = { ...model.edges };
      for (const edge of found.edges) if (!edges[edge.id] && nodes[edge.source] && nodes[edge.target]) edges[edge.id] = edge;
      const highlighted = [...new Set(found.paths.flatMap((path) => [...path.nodeIds, ...path.edgeIds]))].filter((id) => nodes[id] || edges[id]);
      return { ...model, nodes, edges, highlighted };
    },
  };
}

/** Every node of the paths, for revealing them on the canvas. */
export const pathNodeIds = (found: Pick<FoundPaths, 'paths'>): string[] => [...new Set(found.paths.flatMap((path) => path.nodeIds))];
