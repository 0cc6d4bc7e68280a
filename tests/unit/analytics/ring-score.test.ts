import { describe, expect, it } from 'vitest';
import { runRingPipeline, type RingCluster } from '../../../main/core/analytics/pipeline';
import { DAY, graph, HOUR, shared, T0 } from './fixtures';

// What each reason says, by kind: a code with parameters (the renderer words it), never a sentence.
const reasonsOf = (cluster: RingCluster | undefined) =>
  Object.fromEntries((cluster?.reasons ?? []).map(({ kind, code, params, ...rest }) => [kind, { code, params, sentence: 'text' in rest }]));
const says = (code: string, params: Record<string, unknown>) => ({ code, params, sentence: false });
const openedTogether = (accounts: number[]) => Object.fromEntries(accounts.map((account, i) => [account, T0 - 30 * DAY + i * HOUR]));

describe('ring score and reasons', () => {
  it('flags synthetic identities sharing devices and phones, opened in a burst', () => {
    const ring = [0, 1, 2, 3, 4, 5];
    const input = graph({
      accounts: 8,
      identifiers: [...shared('device', [0, 1, 2, 3], [3, 4, 5]), ...shared('phone', [0, 1], [2, 3], [4, 5])],
      createdAt: openedTogether(ring),
    });
    const result = runRingPipeline(input);
    expect(result.clusters).toHaveLength(1);
    const [cluster] = result.clusters;
    expect(cluster).toMatchObject({ members: ring, flagged: true, kind: 'shared-identity' });
    expect(reasonsOf(cluster)).toEqual({
      'shared-identifiers': says('shared_identifiers', { accounts: 6, kinds: ['device', 'phone'], counts: [2, 3] }),
      'account-age-burst': says('opening_burst', { opened: 6, accounts: 6, windowMs: 48 * HOUR }),
    });
    expect(cluster.score).toBeCloseTo(1 - cluster.reasons.reduce((rest, reason) => rest * (1 - reason.weight), 1), 12);
  });

  // Bug: with no creation time mapped, every account's createdAt was NaN and every cluster read as
  // "N of N accounts opened within 48 h". Unknown is never evidence.
  it('never reads unknown creation times as an opening burst', () => {
    const ring = [0, 1, 2, 3, 4, 5];
    const unknown = Object.fromEntries(ring.map((account) => [account, Number.NaN]));
    const input = graph({ accounts: 6, identifiers: shared('device', [0, 1, 2, 3, 4, 5]), createdAt: unknown });
    const [cluster] = runRingPipeline(input, { includeUnflagged: true }).clusters;
    expect(reasonsOf(cluster)).toEqual({ 'shared-identifiers': says('shared_identifiers', { accounts: 6, kinds: ['device'], counts: [1] }) });
  });

  it('counts an opening burst among the accounts whose creation time is known, out of the whole cluster', () => {
    const createdAt = { ...openedTogether([0, 1, 2, 3]), 4: Number.NaN, 5: Number.NaN };
    const input = graph({ accounts: 6, identifiers: shared('device', [0, 1, 2, 3, 4, 5]), createdAt });
    const [cluster] = runRingPipeline(input, { includeUnflagged: true }).clusters;
    expect(reasonsOf(cluster)['account-age-burst']).toEqual(says('opening_burst', { opened: 4, accounts: 6, windowMs: 48 * HOUR }));
  });

  it('clusters accounts tied only by direct links and finds the money cycle among them', () => {
    const input = graph({
      accounts: 5,
      accountLinks: [
        { from: 0, to: 1, weight: 0.6 },
        { from: 1, to: 2, weight: 0.6 },
        { from: 2, to: 0, weight: 0.6 },
      ],
      transfers: [
        { from: 0, to: 1, amount: 5000, at: T0 },
        { from: 1, to: 2, amount: 4900, at: T0 + HOUR },
        { from: 2, to: 0, amount: 4800, at: T0 + 2 * HOUR },
      ],
    });
    const [cluster] = runRingPipeline(input, { includeUnflagged: true }).clusters;
    expect(cluster.members).toEqual([0, 1, 2]);
    expect(Object.keys(reasonsOf(cluster))).toEqual(['money-cycle']);
  });

  it('does not flag a household that shares an address, an IP and a family tablet', () => {
    const input = graph({ accounts: 4, identifiers: [...shared('address', [0, 1, 2, 3]), ...shared('ip', [0, 1, 2, 3]), ...shared('device', [0, 1, 2])] });
    const result = runRingPipeline(input, { includeUnflagged: true });
    expect(result.flaggedClusterCount).toBe(0);
    expect(result.clusters[0].score).toBeLessThan(0.5);
    expect(reasonsOf(result.clusters[0])).toEqual({ 'shared-identifiers': says('shared_identifiers', { accounts: 3, kinds: ['device'], counts: [1] }) });
  });

  it('explains a laundering cycle with its route and duration', () => {
    const input = graph({
      accounts: 4,
      identifiers: shared('device', [0, 1, 2]),
      transfers: [
        { from: 0, to: 1, amount: 5000, at: T0 },
        { from: 1, to: 2, amount: 4900, at: T0 + HOUR },
        { from: 2, to: 0, amount: 4800, at: T0 + 2 * HOUR },
      ],
    });
    const [cluster] = runRingPipeline(input).clusters;
    expect(cluster.kind).toBe('laundering-cycle');
    expect(reasonsOf(cluster)['money-cycle']).toEqual(
      says('money_cycle', { accounts: 3, route: ['U0000000', 'U0000001', 'U0000002', 'U0000000'], durationMs: 2 * HOUR, moreCycles: 0 }),
    );
    expect(cluster.reasons[0].evidence).toEqual({ accounts: [0, 1, 2], transfers: [0, 1, 2] });
  });

  it('explains a mule fan-in and counts the senders passing money on', () => {
    // Accounts 0-3 share a device; 1-3 received money from outsiders 4-6 and forwarded it to 0.
    const input = graph({
      accounts: 7,
      identifiers: shared('device', [0, 1, 2, 3]),
      transfers: [1, 2, 3].flatMap((mule) => [
        { from: mule + 3, to: mule, amount: 1000, at: T0 },
        { from: mule, to: 0, amount: 900, at: T0 + mule * HOUR },
      ]),
    });
    const [cluster] = runRingPipeline(input).clusters;
    expect(cluster.kind).toBe('mule-fan-in');
    expect(reasonsOf(cluster)['fan-in']).toEqual(says('fan_in', { senders: 3, hub: 'U0000000', durationMs: 2 * HOUR, sharingSenders: 3, passingOn: 3 }));
  });

  it('explains a cash-out by clients linked through transaction nodes, paying one merchant through them, and never links the merchant’s other customers', () => {
    // What the loader makes of a payment network: clients 0-3 paid each other twice per pair through
    // transaction nodes (account links, one row per transaction); transactions to merchant 1 are payments.
    // Clients 4-9 paid the same merchant in the same hours and share nothing else with the ring.
    const ring = [0, 1, 2, 3];
    const pairs = ring.flatMap((a) => ring.filter((b) => b > a).map((b) => ({ from: a, to: b, weight: 0.5, flow: true })));
    const input = {
      ...graph({
        accounts: 10,
        accountLinks: [...pairs, ...pairs],
        payments: Array.from({ length: 10 }, (_, account) => ({ account, merchant: 1, amount: 1000, at: T0 + account * HOUR })),
      }),
      merchantIds: ['MCH-00', 'MCH-01'],
    };
    const { clusters } = runRingPipeline(input);
    expect(clusters.map((cluster) => cluster.members)).toEqual([ring]);
    expect(clusters[0].kind).toBe('cash-out');
    expect(reasonsOf(clusters[0])['round-amount-payments']).toEqual(says('merchant_burst', { accounts: 4, merchant: 'MCH-01', amounts: [1000], durationMs: 3 * HOUR }));
  });

  it('explains a cash-out at one merchant in round amounts', () => {
    const input = graph({
      accounts: 5,
      identifiers: shared('device', [0, 1, 2, 3]),
      payments: [
        { account: 0, merchant: 17, amount: 500, at: T0 },
        { account: 1, merchant: 17, amount: 1000, at: T0 + HOUR },
        { account: 2, merchant: 17, amount: 500, at: T0 + 2 * HOUR },
        { account: 3, merchant: 17, amount: 250, at: T0 + 3 * HOUR },
        { account: 4, merchant: 17, amount: 500, at: T0 + 3 * HOUR },
      ],
    });
    const [cluster] = runRingPipeline(input).clusters;
    expect(cluster.kind).toBe('cash-out');
    expect(reasonsOf(cluster)['round-amount-payments']).toEqual(says('merchant_burst', { accounts: 4, merchant: 'M00017', amounts: [250, 500, 1000], durationMs: 3 * HOUR }));
    expect(cluster.members).not.toContain(4);
  });

  it('counts blacklisted members, and names accounts and merchants by the ids given', () => {
    const input = {
      ...graph({ accounts: 3, identifiers: shared('phone', [0, 1, 2]), blacklisted: [0, 2] }),
      accountIds: ['alice', 'bob', 'carol'],
    };
    const [cluster] = runRingPipeline(input, { includeUnflagged: true }).clusters;
    expect(reasonsOf(cluster)['blacklisted-members']).toEqual(says('blacklisted_members', { members: 2 }));
    expect(cluster.id).toBe('C-alice');
  });

  it('flags only clusters that reach both the score threshold and the minimum size', () => {
    const ring = [0, 1, 2, 3];
    const input = graph({ accounts: 4, identifiers: shared('device', ring), createdAt: openedTogether(ring) });
    expect(runRingPipeline(input).flaggedClusterCount).toBe(1);
    expect(runRingPipeline(input, { minClusterSize: 5 }).flaggedClusterCount).toBe(0);
    expect(runRingPipeline(input, { flagThreshold: 0.99 }).flaggedClusterCount).toBe(0);
  });
});

describe('runRingPipeline', () => {
  it('splits a component larger than the size threshold into its communities', () => {
    // Two rings of 8 (each on its own devices, opened together) joined by one shared IP.
    const first = [0, 1, 2, 3, 4, 5, 6, 7];
    const second = [8, 9, 10, 11, 12, 13, 14, 15];
    const input = graph({
      accounts: 16,
      identifiers: [...shared('device', first.slice(0, 5), first.slice(3), second.slice(0, 5), second.slice(3)), ...shared('ip', [7, 8])],
      createdAt: { ...openedTogether(first), ...openedTogether(second) },
    });
    expect(runRingPipeline(input).clusters.map((cluster) => cluster.members)).toHaveLength(1);
    const split = runRingPipeline(input, { maxComponentSize: 10 }).clusters.map((cluster) => cluster.members);
    expect(split.sort((a, b) => a[0] - b[0])).toEqual([first, second]);
  });

  it('copes with an empty graph and with accounts that have no links at all', () => {
    for (const accounts of [0, 5]) {
      const result = runRingPipeline(graph({ accounts }));
      expect(result.clusters).toEqual([]);
      expect(result.risk.score).toHaveLength(accounts);
    }
  });

  it('reports progress through every step and stops when aborted', () => {
    const input = graph({ accounts: 4, identifiers: shared('device', [0, 1, 2, 3]) });
    const steps = new Set<string>();
    let last = 0;
    runRingPipeline(input, {}, { onProgress: (progress) => (steps.add(progress.step), (last = progress.done / progress.total)) });
    expect([...steps]).toEqual(['projection', 'money-flows', 'clusters', 'scoring', 'risk-propagation']);
    expect(last).toBe(1);
    const controller = new AbortController();
    const abortAtScoring = (progress: { step: string }) => progress.step === 'scoring' && controller.abort();
    expect(() => runRingPipeline(input, {}, { signal: controller.signal, onProgress: abortAtScoring })).toThrow(/cancelled/);
  });
});
