import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../../../main/core/analytics/components';
import { DEFAULT_KIND_WEIGHTS, projectedSubgraph, sharedIdentifierProjection, type ProjectionOptions } from '../../../main/core/analytics/projection';
import { graph, shared } from './fixtures';

/** Projected edge weights as "a-b" → weight, for readable assertions. */
function edges(input: ReturnType<typeof graph>, cutoff?: number, options: Partial<ProjectionOptions> = {}): Map<string, number> {
  const projection = sharedIdentifierProjection(input, { ...options, ...(cutoff !== undefined && { supernodeCutoff: cutoff }) });
  const accounts = Array.from({ length: input.accounts.count }, (_, a) => a);
  const sub = projectedSubgraph(projection, accounts, new Int32Array(accounts.length).fill(-1));
  const result = new Map<string, number>();
  for (let a = 0; a < sub.nodeCount; a++) {
    for (let e = sub.offsets[a]; e < sub.offsets[a + 1]; e++) if (a < sub.targets[e]) result.set(`${a}-${sub.targets[e]}`, sub.weights[e]);
  }
  return result;
}

describe('sharedIdentifierProjection', () => {
  it('links accounts that share an identifier, weighted by the identifier kind', () => {
    const input = graph({ accounts: 4, identifiers: [...shared('device', [0, 1]), ...shared('ip', [2, 3])] });
    expect(edges(input)).toEqual(
      new Map([
        ['0-1', DEFAULT_KIND_WEIGHTS.device],
        ['2-3', DEFAULT_KIND_WEIGHTS.ip],
      ]),
    );
  });

  it('adds up the weights of every identifier two accounts share', () => {
    const input = graph({ accounts: 2, identifiers: [...shared('device', [0, 1]), ...shared('phone', [0, 1]), ...shared('address', [0, 1])] });
    const weight = edges(input).get('0-1')!;
    expect(weight).toBeCloseTo(DEFAULT_KIND_WEIGHTS.device + DEFAULT_KIND_WEIGHTS.phone + DEFAULT_KIND_WEIGHTS.address);
  });

  it('excludes an identifier shared by more accounts than the cutoff and lists it with its account count', () => {
    const office = Array.from({ length: 6 }, (_, a) => a);
    const input = graph({ accounts: 8, identifiers: [...shared('ip', office), ...shared('device', [6, 7]), ...shared('phone', [0, 1, 2, 3, 4])] });
    const projection = sharedIdentifierProjection(input, { supernodeCutoff: 5 });
    expect(projection.supernodeCutoff).toBe(5);
    expect(projection.excludedHubs).toEqual([{ identifier: 0, kind: 'ip', accountCount: 6 }]);
    // The phone shared by exactly `cutoff` accounts is kept; account 5 is only linked through the hub.
    expect(projection.identifierOffsets[6] - projection.identifierOffsets[5]).toBe(0);
    expect(edges(input, 5).has('0-5')).toBe(false);
    expect(edges(input, 5).has('0-4')).toBe(true);
  });

  it('lists supernodes largest first', () => {
    const input = graph({ accounts: 10, identifiers: [...shared('ip', [0, 1, 2, 3]), ...shared('address', [0, 1, 2, 3, 4, 5, 6])] });
    expect(sharedIdentifierProjection(input, { supernodeCutoff: 3 }).excludedHubs.map((hub) => hub.accountCount)).toEqual([7, 4]);
  });

  it('counts a link repeated in the data once', () => {
    const input = graph({ accounts: 3, identifiers: [{ kind: 'device', members: [0, 0, 1, 1, 1] }] });
    const projection = sharedIdentifierProjection(input);
    expect(edges(input).get('0-1')).toBe(DEFAULT_KIND_WEIGHTS.device);
    expect(projection.weightedDegree[0]).toBe(DEFAULT_KIND_WEIGHTS.device);
  });

  it('gives the same projection when the links are not sorted by account', () => {
    const sorted = graph({ accounts: 4, identifiers: [...shared('device', [0, 2, 3]), ...shared('card', [1, 3])] });
    const order = [4, 2, 0, 3, 1];
    const unsorted = {
      ...sorted,
      identifierLinks: {
        count: sorted.identifierLinks.count,
        account: Int32Array.from(order, (i) => sorted.identifierLinks.account[i]),
        identifier: Int32Array.from(order, (i) => sorted.identifierLinks.identifier[i]),
      },
    };
    expect(edges(unsorted)).toEqual(edges(sorted));
  });

  it('handles an empty graph, isolated accounts and an identifier used by one account only', () => {
    expect(sharedIdentifierProjection(graph({ accounts: 0 })).excludedHubs).toEqual([]);
    const input = graph({ accounts: 3, identifiers: shared('email', [0], [1]) });
    const projection = sharedIdentifierProjection(input);
    expect(Array.from(projection.weightedDegree)).toEqual([0, 0, 0]);
    expect(connectedComponents(projection).count).toBe(3);
  });

  it('treats one identifier shared by everyone as a supernode, so it links nobody', () => {
    const everyone = Array.from({ length: 50 }, (_, a) => a);
    const projection = sharedIdentifierProjection(graph({ accounts: 50, identifiers: shared('ip', everyone) }));
    expect(projection.excludedHubs).toEqual([{ identifier: 0, kind: 'ip', accountCount: 50 }]);
    expect(connectedComponents(projection).count).toBe(50);
  });

  it('adds up every money flow as a link of its own, or, as relationships, links only pairs paid more than once away from money hubs', () => {
    // 0→1 twice (0.5 and 0.8), 2→3 and back, 4→5 once, a referral 5–6 (a standing link), and account
    // 7 paid twice each by 8, 9 and 10: more money counterparties than a cutoff of 2.
    const flow = (from: number, to: number, weight = 0.5) => ({ from, to, weight, flow: true });
    const accountLinks = [flow(0, 1), flow(0, 1, 0.8), flow(2, 3), flow(3, 2), flow(4, 5), { from: 5, to: 6, weight: 0.3 }, ...[8, 9, 10].flatMap((payer) => [flow(payer, 7), flow(payer, 7)])];
    const input = graph({ accounts: 11, accountLinks });
    expect(edges(input, 2)).toEqual(new Map([['0-1', 1.3], ['2-3', 1], ['4-5', 0.5], ['5-6', 0.3], ['7-8', 1], ['7-9', 1], ['7-10', 1]]));
    expect(edges(input, 2, { moneyLinks: 'relationships' })).toEqual(new Map([['0-1', 0.8], ['2-3', 0.5], ['5-6', 0.3]]));
  });
});
