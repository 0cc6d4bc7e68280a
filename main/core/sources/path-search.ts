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

/**
 * Every shortest path from `start` to `goal` of at most `maxHops` hops, up to `limit` of them (one
 * when limit is 1). The search stops at the level where the goal is reached, so it never explores
 * beyond the shortest length. Paths come in a stable order (neighbour order of each step).
 */
export async function shortestPaths(
  start: string,
  goal: string,
  neighbours: LevelNeighbours,
  { maxHops, limit, signal }: { maxHops: number; limit: number; signal: AbortSignal },
): Promise<ShortestPaths> {
  // Per reached node: its depth and the (predecessor, edge) pairs that reach it at that depth.
  const reached = new Map<string, { depth: number; from: PathStep[] }>([[start, { depth: 0, from: [] }]]);
  let frontier = [start];
  for (let depth = 1; depth <= maxHops && frontier.length > 0 && !reached.has(goal); depth++) {
    if (signal.aborted) throw cancelled();
    const next: string[] = [];
    for (const [node, step] of await neighbours(frontier)) {
      const seen = reached.get(step.node);
      if (!seen) {
        reached.set(step.node, { depth, from: [{ node, edgeId: step.edgeId }] });
        next.push(step.node);
      } else if (seen.depth === depth) {
        seen.from.push({ node, edgeId: step.edgeId });
      }
    }
    frontier = next;
  }
  const end = reached.get(goal);
  if (!end || goal === start) return { length: null, paths: [], truncated: false };

  // Walk the predecessor graph back from the goal, depth first, collecting up to limit + 1 paths.
  const paths: GraphPath[] = [];
  const walk = (node: string, nodeIds: string[], edgeIds: string[]): void => {
    if (paths.length > limit) return;
    if (node === start) {
      paths.push({ nodeIds: [start, ...nodeIds], edgeIds: [...edgeIds] });
      return;
    }
    for (const step of reached.get(node)!.from) walk(step.node, [node, ...nodeIds], [step.edgeId, ...edgeIds]);
  };
  walk(goal, [], []);
  return { length: end.depth, paths: paths.slice(0, limit), truncated: paths.length > limit };
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
