import { describe, expect, it } from 'vitest';
import { louvainCommunities } from '../../../main/core/analytics/communities';
import type { WeightedCsrGraph } from '../../../main/core/analytics/projection';

function csr(nodeCount: number, edges: [number, number, number][]): WeightedCsrGraph {
  const lists = Array.from({ length: nodeCount }, () => [] as [number, number][]);
  for (const [a, b, w] of edges) {
    lists[a].push([b, w]);
    lists[b].push([a, w]);
  }
  const offsets = new Int32Array(nodeCount + 1);
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  return { nodeCount, offsets, targets: Int32Array.from(lists.flat().map(([t]) => t)), weights: Float64Array.from(lists.flat().map(([, w]) => w)) };
}

const clique = (nodes: number[], weight = 1): [number, number, number][] =>
  nodes.flatMap((a, i) => nodes.slice(i + 1).map((b): [number, number, number] => [a, b, weight]));

describe('louvainCommunities', () => {
  it('separates dense groups joined by a weak link', () => {
    const groups = [
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14],
    ];
    const graph = csr(15, [...groups.flatMap((group) => clique(group)), [4, 5, 0.3], [9, 10, 0.3]]);
    const community = louvainCommunities(graph);
    for (const group of groups) expect(new Set(group.map((node) => community[node])).size).toBe(1);
    expect(new Set(community).size).toBe(3);
  });

  it('leaves isolated nodes in communities of their own and numbers communities densely', () => {
    const community = louvainCommunities(csr(4, [[0, 1, 1]]));
    expect(community[0]).toBe(community[1]);
    expect(new Set(community).size).toBe(3);
    expect(Math.max(...community)).toBe(2);
  });

  it('handles a graph with no nodes', () => {
    expect(louvainCommunities(csr(0, []))).toHaveLength(0);
  });
});
