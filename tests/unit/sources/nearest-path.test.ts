import { describe, expect, it } from 'vitest';
import { nearestPath, nodeByNode, type LevelNeighbours, type PathStep } from '../../../main/core/sources/path-search';

/** An undirected graph from "a-b" pairs; the edge id is the pair. */
function graph(pairs: string[]): LevelNeighbours {
  const steps = new Map<string, PathStep[]>();
  for (const pair of pairs) {
    const [a, b] = pair.split('-');
    steps.set(a, [...(steps.get(a) ?? []), { node: b, edgeId: pair }]);
    steps.set(b, [...(steps.get(b) ?? []), { node: a, edgeId: pair }]);
  }
  return nodeByNode((node) => steps.get(node) ?? [], new AbortController().signal);
}

const signal = new AbortController().signal;

describe('nearestPath (the embedded search for the nearest known-bad account)', () => {
  it('returns the shortest path to the nearest goal, and of equally near goals the smallest id', async () => {
    const neighbours = graph(['s-d1', 'd1-z', 'd1-b', 's-p1', 'p1-a', 'a-far']);
    expect(await nearestPath('s', (node) => ['z', 'b', 'far'].includes(node), neighbours, { maxHops: 4, signal })).toEqual({ nodeIds: ['s', 'd1', 'b'], edgeIds: ['s-d1', 'd1-b'] });
  });

  it('never counts the start itself and answers null when no goal is within the hop limit', async () => {
    const neighbours = graph(['s-d1', 'd1-a', 'a-d2', 'd2-bad']);
    expect(await nearestPath('s', (node) => node === 's' || node === 'bad', neighbours, { maxHops: 3, signal })).toBeNull();
    expect((await nearestPath('s', (node) => node === 'bad', neighbours, { maxHops: 4, signal }))?.nodeIds).toEqual(['s', 'd1', 'a', 'd2', 'bad']);
  });

  it('of equally near goals takes the one whose goalOrder sorts first (the Neo4j search orders by account id, not element id)', async () => {
    const neighbours = graph(['s-e9', 's-e1']);
    const accountIdOf: Record<string, string> = { e9: 'A001', e1: 'A002' };
    expect((await nearestPath('s', (node) => node in accountIdOf, neighbours, { maxHops: 1, signal, goalOrder: (node) => accountIdOf[node] }))?.nodeIds).toEqual(['s', 'e9']);
  });
});
