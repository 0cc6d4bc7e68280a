/**
 * Groups by community: Louvain on the links drawn on the canvas (all, or among the selection),
 * one group per community of three or more nodes. Seeded, so the same canvas groups the same way.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { CanvasModel, GroupSpec } from './canvas-model';

const MIN_MEMBERS = 3;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function communityGroups(model: CanvasModel, among: readonly string[] | null, labelOf: (index: number, members: number) => string): GroupSpec[] {
  const allowed = new Set(among ?? Object.keys(model.nodes));
  const graph = new Graph({ type: 'undirected' });
  for (const id of Object.keys(model.nodes)) if (allowed.has(id)) graph.addNode(id);
  for (const edge of Object.values(model.edges)) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.mergeEdge(edge.source, edge.target);
  }
  if (graph.size === 0) return [];
  const communityOf = louvain(graph, { rng: seededRandom(20261130) });
  const members = new Map<number, string[]>();
  for (const id of graph.nodes()) members.set(communityOf[id], [...(members.get(communityOf[id]) ?? []), id]);
  return [...members.values()]
    .filter((ids) => ids.length >= MIN_MEMBERS)
    .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]))
    .map((ids, index) => ({ id: `group:community-${index + 1}-${ids[0]}`, label: labelOf(index + 1, ids.length), memberIds: ids }));
}
