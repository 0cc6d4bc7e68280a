/**
 * GDS mode hands the server's Louvain communities and PageRank scores to the ring pipeline: these
 * tests pin how the pipeline uses them, on hand-built graphs whose in-process answer differs.
 */
import { describe, expect, it } from 'vitest';
import { runRingPipeline, type RingPipelineOptions } from '../../../main/core/analytics/pipeline';
import { graph, HOUR, shared, T0 } from '../analytics/fixtures';

/** Accounts 0..n-1 in a chain, each sharing a device with the next: one component of n accounts. */
function chain(accounts: number, extra: Parameters<typeof graph>[0] = { accounts }) {
  const links = Array.from({ length: accounts - 1 }, (_, a) => [a, a + 1]);
  return graph({ ...extra, accounts, identifiers: shared('device', ...links) });
}

/** Community numbers for consecutive runs of accounts, e.g. [20, 30] → twenty 7s then thirty 8s. */
function communities(...runs: number[]): Int32Array {
  return Int32Array.from(runs.flatMap((length, run) => new Array<number>(length).fill(run + 7)));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const clusterMembers = (options: Partial<RingPipelineOptions>, input = chain(50)) =>
  runRingPipeline(input, { includeUnflagged: true, ...options })
    .clusters.map((cluster) => cluster.members)
    .sort((a, b) => a[0] - b[0]);

describe('ring pipeline with results from the server (GDS mode)', () => {
  it('splits a component above the size threshold along the communities the server found', () => {
    expect(clusterMembers({ knownCommunities: communities(20, 30) })).toEqual([range(0, 20), range(20, 50)]);
    // In-process Louvain cuts the same chain elsewhere: the server's answer is what decided above.
    expect(clusterMembers({})).not.toEqual([range(0, 20), range(20, 50)]);
  });

  it('splits a server community still above the threshold in-process, as an oversized component would be', () => {
    const input = chain(100);
    const serverSplit = clusterMembers({ knownCommunities: communities(100) }, input);
    expect(serverSplit.every((members) => members.length <= 40)).toBe(true);
    expect(serverSplit).toEqual(clusterMembers({}, input));
  });

  it('keeps accounts that a money cycle links together even when the server put them in different communities', () => {
    const hop = (from: number, to: number, hours: number) => ({ from, to, amount: 1000 - hours * 10, at: T0 + hours * HOUR });
    const input = chain(50, { accounts: 50, transfers: [hop(18, 21, 0), hop(21, 19, 1), hop(19, 18, 2)] });
    expect(clusterMembers({ knownCommunities: communities(20, 15, 15) }, input)).toEqual([range(0, 35), range(35, 50)]);
  });

  it('leaves out accounts whose server community was too small to be a cluster', () => {
    const known = communities(20, 30);
    known.fill(-1, 45);
    expect(clusterMembers({ knownCommunities: known })).toEqual([range(0, 20), range(20, 45)]);
  });

  it('explains the risk scores the server computed instead of propagating risk again', () => {
    const input = chain(6, { accounts: 6, blacklisted: [0] });
    // Deliberately unlike PageRank from account 0, which would fall off along the chain.
    const knownRiskScores = Float64Array.from([0.5, 0.1, 0.2, 0.4, 0.3, 0]);
    const { risk } = runRingPipeline(input, { knownRiskScores });
    expect(risk.iterations).toBeNull();
    expect(Array.from(risk.normalised, (value) => Number(value.toFixed(9)))).toEqual([1, 0.25, 0.5, 1, 0.75, 0]);
    // Account 3 owes its risk to its neighbours 4 and 2, the one with more risk first.
    expect(Array.from(risk.topContributors.subarray(9, 12))).toEqual([4, 2, -1]);
  });
});
