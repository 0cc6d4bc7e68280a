import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api';
import { nodeByNode, shortestPaths, type LevelNeighbours, type PathStep } from '../../../main/core/sources/path-search';

/** An undirected graph from "a-b" edge names; edge ids are the names. */
function graphOf(...edges: string[]): LevelNeighbours {
  const adjacency = new Map<string, PathStep[]>();
  for (const edge of edges) {
    const [a, b] = edge.split('-');
    adjacency.set(a, [...(adjacency.get(a) ?? []), { node: b, edgeId: edge }]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), { node: a, edgeId: edge }]);
  }
  return nodeByNode((node) => adjacency.get(node) ?? [], new AbortController().signal);
}

const options = (maxHops: number, limit: number) => ({ maxHops, limit, signal: new AbortController().signal });

describe('shortestPaths (breadth-first, for in-memory sources)', () => {
  // Two shortest routes a→d (via b or c) of 2 hops, and a longer one via e-f.
  const diamond = graphOf('a-b', 'b-d', 'a-c', 'c-d', 'a-e', 'e-f', 'f-d');

  it('finds one shortest path with the edges it uses, not the longer route', async () => {
    const found = await shortestPaths('a', 'd', diamond, options(6, 1));
    expect(found.length).toBe(2);
    expect(found.paths).toEqual([{ nodeIds: ['a', 'b', 'd'], edgeIds: ['a-b', 'b-d'] }]);
    expect(found.truncated).toBe(true);
  });

  it('lists every shortest path when the cap allows, and says the list is whole', async () => {
    const found = await shortestPaths('a', 'd', diamond, options(6, 10));
    expect(found.paths.map((path) => path.nodeIds.join(''))).toEqual(['abd', 'acd']);
    expect(found.truncated).toBe(false);
  });

  it('answers "no path" when the goal is farther than maxHops, and when it is unreachable', async () => {
    const chain = graphOf('a-b', 'b-c', 'c-d', 'x-y');
    expect(await shortestPaths('a', 'd', chain, options(2, 1))).toEqual({ length: null, paths: [], truncated: false });
    expect((await shortestPaths('a', 'd', chain, options(3, 1))).length).toBe(3);
    expect((await shortestPaths('a', 'y', chain, options(10, 1))).paths).toEqual([]);
  });

  it('joins the routes from both ends at the meeting level: every combination once, each a real walk from start to goal', async () => {
    const bowtie = graphOf('s-a', 's-b', 'a-m', 'b-m', 'm-c', 'm-d', 'c-g', 'd-g', 's-x', 'x-y', 'y-z', 'z-w', 'w-g');
    const found = await shortestPaths('s', 'g', bowtie, options(6, 10));
    expect(found).toMatchObject({ length: 4, truncated: false });
    expect(found.paths.map((path) => path.nodeIds.join('')).sort()).toEqual(['samcg', 'samdg', 'sbmcg', 'sbmdg']);
    for (const { nodeIds, edgeIds } of found.paths) {
      expect(edgeIds.map((edgeId) => edgeId.split('-').sort())).toEqual(nodeIds.slice(1).map((node, i) => [nodeIds[i], node].sort()));
    }
    const capped = await shortestPaths('s', 'g', bowtie, options(6, 3));
    expect(capped.paths).toHaveLength(3);
    expect(capped.truncated).toBe(true);
    expect(await shortestPaths('s', 'g', bowtie, options(3, 10))).toEqual({ length: null, paths: [], truncated: false });
  });

  it('grows the end with the smaller frontier, so a hub at one end is never expanded past its first level', async () => {
    const leaves = Array.from({ length: 1000 }, (_, i) => `s-l${i}`);
    const asked: string[] = [];
    const graph = graphOf('s-x', 'x-g', ...leaves, ...leaves.map((_, i) => `l${i}-k${i}`));
    const counting: LevelNeighbours = (frontier) => {
      asked.push(...frontier);
      return graph(frontier);
    };
    const found = await shortestPaths('s', 'g', counting, options(6, 1));
    expect(found.paths).toEqual([{ nodeIds: ['s', 'x', 'g'], edgeIds: ['s-x', 'x-g'] }]);
    expect(asked).toEqual(['s', 'g']);
  });

  it('stops at a cancelled signal, between levels and inside a large one', async () => {
    const edges = [...Array.from({ length: 3000 }, (_, i) => `hub-n${i}`), ...Array.from({ length: 3000 }, (_, i) => `n${i}-m${i}`)];
    const controller = new AbortController();
    controller.abort();
    await expect(shortestPaths('hub', 'missing', graphOf(...edges), { maxHops: 4, limit: 1, signal: controller.signal })).rejects.toThrow(ApiError);
    const adjacency = new Map<string, PathStep[]>();
    for (const [a, b] of edges.map((edge) => edge.split('-'))) adjacency.set(a, [...(adjacency.get(a) ?? []), { node: b, edgeId: `${a}-${b}` }]);
    const level = nodeByNode((node) => adjacency.get(node) ?? [], controller.signal);
    await expect(level(Array.from({ length: 3000 }, (_, i) => `n${i}`))).rejects.toThrow(ApiError);
  });
});
