import { describe, expect, it } from 'vitest';
import { runRingPipeline } from '../../../main/core/analytics/pipeline';
import { DAY, graph, HOUR, shared, T0, type GraphSpec } from './fixtures';

// Money moving between accounts as a team's graph maps it: transfers and transaction nodes become
// account links, one per flow, with the mapped weight (0.5, as discovery proposes).
const payment = (from: number, to: number) => ({ from, to, weight: 0.5, flow: true });
const openedTogether = (accounts: number[]) => Object.fromEntries(accounts.map((account, i) => [account, T0 - 30 * DAY + i * HOUR]));
const firstRing = [0, 1, 2, 3, 4];
const secondRing = [5, 6, 7, 8, 9];
// Two rings of synthetic identities, each on a device of its own, opened in a burst.
const twoRings = {
  identifiers: shared('device', firstRing, secondRing),
  createdAt: { ...openedTogether(firstRing), ...openedTogether(secondRing) },
} satisfies Partial<GraphSpec>;
const clustersOf = (spec: GraphSpec) =>
  runRingPipeline(graph(spec), { includeUnflagged: true })
    .clusters.map((cluster) => cluster.members)
    .sort((a, b) => a[0] - b[0]);

describe('money links in ring detection', () => {
  it('keeps two rings apart when one member of each paid the other once', () => {
    expect(clustersOf({ accounts: 10, ...twoRings, accountLinks: [payment(2, 7)] })).toEqual([firstRing, secondRing]);
  });

  it('keeps two rings apart when members of both pay a busy merchant again and again', () => {
    // Account 10 takes repeated payments from more accounts than the supernode cutoff (20): a merchant,
    // a utility, a landlord; among its customers are one member of each ring.
    const customers = [2, 7, ...Array.from({ length: 20 }, (_, i) => 11 + i)];
    const accountLinks = customers.flatMap((customer) => [payment(customer, 10), payment(customer, 10)]);
    expect(clustersOf({ accounts: 31, ...twoRings, accountLinks })).toEqual([firstRing, secondRing]);
  });

  it('finds a ring held together only by money moving back and forth or again and again between its members', () => {
    const ring = [0, 1, 2, 3];
    const accountLinks = [payment(0, 1), payment(1, 0), payment(1, 2), payment(1, 2), payment(2, 3), payment(3, 2), payment(3, 4)];
    expect(clustersOf({ accounts: 5, accountLinks, blacklisted: [0] })).toEqual([ring]);
  });

  it('still walks risk along a single payment: one flow from a fraudster is a lead, not a ring', () => {
    const result = runRingPipeline(graph({ accounts: 3, accountLinks: [payment(0, 1)], blacklisted: [0] }));
    expect(result.risk.score[1]).toBeGreaterThan(0);
    expect(result.risk.score[2]).toBe(0);
  });
});
