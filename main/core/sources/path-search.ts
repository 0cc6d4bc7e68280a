/**
 * Shortest paths by breadth-first search, level by level, over any graph given as a neighbour
 * function of a whole level: in memory for the embedded demo graph (`nodeByNode`), one catalogued
 * statement per level for Neo4j when a path may pass event nodes (a hop through one counts once,
 * which Cypher's own shortest path cannot count; graph-queries/path-next-hop.cypher).
 */
import { ApiError, type GraphPath } from '../../api';

export interface PathStep {
  node: string;
  edgeId: string;
}

/** The steps leaving every node of a search level: (node, step) pairs, in frontier order. */
export type LevelNeighbours = (frontier: readonly string[]) => Promise<Iterable<readonly [string, PathStep]>>;

export interface ShortestPaths {
  /** Hops of the shortest paths, or null when the goal is not within maxHops. */
  length: number | null;
  paths: GraphPath[];
  /** More shortest paths exist than the limit allowed. */
  truncated: boolean;
}

/** How many nodes to visit between two cancellation checks. */
const CANCEL_CHECK_INTERVAL = 1_024;

const cancelled = () => new ApiError('cancelled', 'The request was cancelled', { reason: 'cancelled' });

/** A level's neighbours from a neighbour function of one node (an in-memory graph), checking for cancellation as it goes. */
export function nodeByNode(neighbours: (node: string) => Iterable<PathStep>, signal: AbortSignal): LevelNeighbours {
  let visited = 0;
  return async (frontier) => {
    const steps: [string, PathStep][] = [];
    for (const node of frontier) {
      if (++visited % CANCEL_CHECK_INTERVAL === 0 && signal.aborted) throw cancelled();
      for (const step of neighbours(node)) steps.push([node, step]);
    }
    return steps;
  };
}

/** Per reached node of one side of the search: its depth and the (neighbour, edge) pairs one level nearer that side's end. */
type Reached = Map<string, { depth: number; via: PathStep[] }>;

/**
 * Every shortest path from `start` to `goal` of at most `maxHops` hops, up to `limit` of them (one
 * when limit is 1). Links are undirected: the search grows from both ends, a level at a time on the
 * side with the smaller frontier, and stops at the level where the two meet, so it never explores
 * beyond the shortest length (nor, on a large graph, much more than the two neighbourhoods it needs).
 * Paths come in a stable order (meeting node and neighbour order).
 */
export async function shortestPaths(
  start: string,
  goal: string,
  neighbours: LevelNeighbours,
  { maxHops, limit, signal }: { maxHops: number; limit: number; signal: AbortSignal },
): Promise<ShortestPaths> {
  const none = { length: null, paths: [], truncated: false };
  if (start === goal) return none;
  const sides = [start, goal].map((end) => ({ reached: new Map([[end, { depth: 0, via: [] }]]) as Reached, frontier: [end], depth: 0 }));
  let meeting: string[] = [];
  // Before a level is added no node is reached from both ends, so the ends are more than the two depths apart.
  while (meeting.length === 0 && sides[0].depth + sides[1].depth < maxHops) {
    if (signal.aborted) throw cancelled();
    const [grown, other] = sides[0].frontier.length <= sides[1].frontier.length ? sides : [sides[1], sides[0]];
    if (grown.frontier.length === 0) return none;
    grown.depth++;
    const next: string[] = [];
    for (const [node, step] of await neighbours(grown.frontier)) {
      const seen = grown.reached.get(step.node);
      if (!seen) {
        grown.reached.set(step.node, { depth: grown.depth, via: [{ node, edgeId: step.edgeId }] });
        next.push(step.node);
      } else if (seen.depth === grown.depth) {
        seen.via.push({ node, edgeId: step.edgeId });
      }
    }
    grown.frontier = next;
    // Every node of the new level reached from the other end lies on a shortest path, and every shortest path crosses one.
    meeting = next.filter((node) => other.reached.has(node));
  }
  if (meeting.length === 0) return none;

  // The routes from an end to a node, nodes and edges listed from the end, at most limit + 1.
  const routes = (reached: Reached, node: string): { nodeIds: string[]; edgeIds: string[] }[] => {
    const found: { nodeIds: string[]; edgeIds: string[] }[] = [];
    const walk = (at: string, nodeIds: string[], edgeIds: string[]): void => {
      if (found.length > limit) return;
      const { via } = reached.get(at)!;
      if (via.length === 0) found.push({ nodeIds: [at, ...nodeIds], edgeIds });
      for (const step of via) walk(step.node, [at, ...nodeIds], [step.edgeId, ...edgeIds]);
    };
    walk(node, [], []);
    return found;
  };
  const paths: GraphPath[] = [];
  for (const node of meeting) {
    const fromGoal = routes(sides[1].reached, node);
    for (const head of routes(sides[0].reached, node)) {
      for (const tail of fromGoal) {
        if (paths.length > limit) break;
        paths.push({ nodeIds: [...head.nodeIds, ...tail.nodeIds.slice(0, -1).reverse()], edgeIds: [...head.edgeIds, ...[...tail.edgeIds].reverse()] });
      }
    }
  }
  return { length: sides[0].depth + sides[1].depth, paths: paths.slice(0, limit), truncated: paths.length > limit };
}

/**
 * A shortest path from `start` to the nearest node `isGoal` accepts (never `start` itself), at most
 * `maxHops` hops; of several goals equally near, the one whose `goalOrder` (default: its id) sorts
 * first, so every source names the same one. Null when none is within reach.
 */
export async function nearestPath(
  start: string,
  isGoal: (node: string) => boolean,
  neighbours: LevelNeighbours,
  { maxHops, signal, goalOrder = (node) => node }: { maxHops: number; signal: AbortSignal; goalOrder?: (node: string) => string },
): Promise<GraphPath | null> {
  const cameFrom = new Map<string, PathStep | null>([[start, null]]);
  let frontier = [start];
  for (let depth = 1; depth <= maxHops && frontier.length > 0; depth++) {
    if (signal.aborted) throw cancelled();
    const next: string[] = [];
    for (const [node, step] of await neighbours(frontier)) {
      if (cameFrom.has(step.node)) continue;
      cameFrom.set(step.node, { node, edgeId: step.edgeId });
      next.push(step.node);
    }
    // Code-unit order, as Cypher's ORDER BY and Array.prototype.sort compare strings.
    const goals = next.filter(isGoal).sort((a, b) => (goalOrder(a) < goalOrder(b) ? -1 : goalOrder(a) > goalOrder(b) ? 1 : 0));
    if (goals.length > 0) {
      const nodeIds = [goals[0]];
      const edgeIds: string[] = [];
      for (let step = cameFrom.get(goals[0]); step; step = cameFrom.get(step.node)) {
        nodeIds.unshift(step.node);
        edgeIds.unshift(step.edgeId);
      }
      return { nodeIds, edgeIds };
    }
    frontier = next;
  }
  return null;
}
