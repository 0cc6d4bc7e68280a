import { groupBy } from './components';
import type { WeightedCsrGraph } from './projection';

export interface LouvainOptions {
  /** Above 1 favours smaller communities. */
  resolution: number;
  /** Stop a level's local moving when a full pass moves fewer nodes than this fraction. */
  minMovedFraction: number;
  maxPassesPerLevel: number;
  maxLevels: number;
}

const DEFAULT_LOUVAIN: LouvainOptions = { resolution: 1, minMovedFraction: 0.001, maxPassesPerLevel: 20, maxLevels: 10 };

interface LevelGraph extends WeightedCsrGraph {
  /** Weight of edges inside each (aggregated) node, each undirected edge counted once. */
  selfWeight: Float64Array;
}

/**
 * Louvain community detection (Blondel et al. 2008) on typed arrays: local moving by modularity
 * gain, then aggregation, until no node moves. Written here rather than taken from
 * graphology-communities-louvain because that one needs a graphology Graph of string keys, whose
 * construction alone costs more than the whole ring pipeline at 1M accounts (see tests/bench).
 * Returns a dense community number per node.
 */
export function louvainCommunities(graph: WeightedCsrGraph, options: Partial<LouvainOptions> = {}): Int32Array {
  const settings = { ...DEFAULT_LOUVAIN, ...options };
  const communityOfNode = new Int32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) communityOfNode[i] = i;
  let level: LevelGraph = { ...graph, selfWeight: new Float64Array(graph.nodeCount) };
  for (let round = 0; round < settings.maxLevels; round++) {
    const { communities, count, moved } = localMoving(level, settings);
    if (!moved) break;
    for (let i = 0; i < communityOfNode.length; i++) communityOfNode[i] = communities[communityOfNode[i]];
    if (count === level.nodeCount) break;
    level = aggregate(level, communities, count);
  }
  return groupBy(graph.nodeCount, (node) => communityOfNode[node]).componentOf;
}

function localMoving(graph: LevelGraph, settings: LouvainOptions): { communities: Int32Array; count: number; moved: boolean } {
  const { nodeCount, offsets, targets, weights, selfWeight } = graph;
  const degree = new Float64Array(nodeCount);
  let totalWeight = 0;
  for (let i = 0; i < nodeCount; i++) {
    let sum = 2 * selfWeight[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) sum += weights[e];
    degree[i] = sum;
    totalWeight += sum;
  }
  const community = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) community[i] = i;
  if (totalWeight === 0) return { communities: community, count: nodeCount, moved: false };
  const communityDegree = Float64Array.from(degree);
  const weightTo = new Float64Array(nodeCount);
  const neighbourCommunities = new Int32Array(nodeCount);
  const scale = settings.resolution / totalWeight;
  let movedAtAll = false;
  for (let pass = 0; pass < settings.maxPassesPerLevel; pass++) {
    let moves = 0;
    for (let i = 0; i < nodeCount; i++) {
      const own = community[i];
      let found = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const c = community[targets[e]];
        if (weightTo[c] === 0) neighbourCommunities[found++] = c;
        weightTo[c] += weights[e];
      }
      const k = degree[i];
      communityDegree[own] -= k;
      let best = own;
      let bestGain = weightTo[own] - communityDegree[own] * k * scale;
      for (let n = 0; n < found; n++) {
        const c = neighbourCommunities[n];
        const gain = weightTo[c] - communityDegree[c] * k * scale;
        if (gain > bestGain + 1e-12 || (gain === bestGain && c < best)) {
          best = c;
          bestGain = gain;
        }
      }
      for (let n = 0; n < found; n++) weightTo[neighbourCommunities[n]] = 0;
      weightTo[own] = 0;
      communityDegree[best] += k;
      if (best !== own) {
        community[i] = best;
        moves++;
      }
    }
    if (moves > 0) movedAtAll = true;
    if (moves <= settings.minMovedFraction * nodeCount) break;
  }
  const dense = groupBy(nodeCount, (node) => community[node]);
  return { communities: dense.componentOf, count: dense.count, moved: movedAtAll };
}

function aggregate(graph: LevelGraph, communities: Int32Array, count: number): LevelGraph {
  const { nodeCount, offsets, targets, weights, selfWeight } = graph;
  const byCommunity = groupBy(nodeCount, (node) => communities[node]);
  const newSelf = new Float64Array(count);
  const newOffsets = new Int32Array(count + 1);
  const newTargets: number[] = [];
  const newWeights: number[] = [];
  const accumulated = new Float64Array(count);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    for (let p = byCommunity.offsets[c]; p < byCommunity.offsets[c + 1]; p++) {
      const node = byCommunity.accounts[p];
      newSelf[c] += selfWeight[node];
      for (let e = offsets[node]; e < offsets[node + 1]; e++) {
        const other = communities[targets[e]];
        if (other === c) {
          newSelf[c] += weights[e] / 2;
          continue;
        }
        if (accumulated[other] === 0) touched.push(other);
        accumulated[other] += weights[e];
      }
    }
    for (const other of touched) {
      newTargets.push(other);
      newWeights.push(accumulated[other]);
      accumulated[other] = 0;
    }
    touched.length = 0;
    newOffsets[c + 1] = newTargets.length;
  }
  return {
    nodeCount: count,
    offsets: newOffsets,
    targets: Int32Array.from(newTargets),
    weights: Float64Array.from(newWeights),
    selfWeight: newSelf,
  };
}
