import { describe, expect, it } from 'vitest';
import { sharedIdentifierProjection } from '../../../main/core/analytics/projection';
import { propagateRisk, propagateTwoSidedRisk } from '../../../main/core/analytics/risk-propagation';
import { graph, shared } from './fixtures';

/**
 * Personalised PageRank solved directly (Gaussian elimination) from a dense weight matrix:
 * x = (1 − d)·p + d·(M x + (dangling mass)·p), M[b][a] = w(a,b) / Σ_b w(a,b).
 */
function densePersonalisedPageRank(weights: number[][], seeds: number[], damping: number): number[] {
  const n = weights.length;
  const p = Array.from({ length: n }, (_, i) => (seeds.includes(i) ? 1 / seeds.length : 0));
  const degree = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  // Build A x = b with A = I − d·(M + p·danglingᵀ), b = (1 − d)·p.
  const a = Array.from({ length: n }, (_, row) =>
    Array.from({ length: n }, (_, col) => {
      const walk = degree[col] > 0 ? weights[col][row] / degree[col] : p[row];
      return (row === col ? 1 : 0) - damping * walk;
    }),
  );
  const b = p.map((value) => (1 - damping) * value);
  for (let col = 0; col < n; col++) {
    const pivot = a.slice(col).reduce((best, row, i) => (Math.abs(row[col]) > Math.abs(a[best][col]) ? col + i : best), col);
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row][col] / a[col][col];
      for (let k = col; k < n; k++) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  return b.map((value, i) => value / a[i][i]);
}

describe('propagateRisk', () => {
  // 0 (blacklisted) shares a device with 1; 1 a phone with 2 and 3; 2 and 3 an address; 4 is a
  // blacklisted account with no links (its walk restarts); 5 and 6 share a card but reach no seed.
  const input = graph({
    accounts: 7,
    identifiers: [...shared('device', [0, 1]), ...shared('phone', [1, 2, 3]), ...shared('address', [2, 3]), ...shared('card', [5, 6])],
    blacklisted: [0, 4],
  });
  const dense = [
    [0, 1, 0, 0, 0, 0, 0],
    [1, 0, 0.9, 0.9, 0, 0, 0],
    [0, 0.9, 0, 1.4, 0, 0, 0],
    [0, 0.9, 1.4, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 1, 0],
  ];

  it('matches a direct solution of the personalised PageRank equations', () => {
    const risk = propagateRisk(sharedIdentifierProjection(input), input.accounts.blacklisted, { tolerance: 1e-13 });
    const expected = densePersonalisedPageRank(dense, [0, 4], 0.85);
    expect(risk.converged).toBe(true);
    Array.from(risk.score).forEach((value, i) => expect(value).toBeCloseTo(expected[i], 9));
  });

  it('walks direct account links with their weights, on a graph with no shared identifiers at all', () => {
    // The same graph as above, but every tie is a direct link (calls, referrals, payment nodes):
    // 1–2 and 1–3 twice (a call and a referral), 2–3 once; a self-link is ignored.
    const links = [
      { from: 0, to: 1, weight: 1 },
      { from: 1, to: 2, weight: 0.5 },
      { from: 2, to: 1, weight: 0.4 },
      { from: 1, to: 3, weight: 0.9 },
      { from: 2, to: 3, weight: 1.4 },
      { from: 5, to: 6, weight: 1 },
      { from: 4, to: 4, weight: 1 },
    ];
    const linked = graph({ accounts: 7, accountLinks: links, blacklisted: [0, 4] });
    const risk = propagateRisk(sharedIdentifierProjection(linked), linked.accounts.blacklisted, { tolerance: 1e-13 });
    const expected = densePersonalisedPageRank(dense, [0, 4], 0.85);
    Array.from(risk.score).forEach((value, i) => expect(value).toBeCloseTo(expected[i], 9));
  });

  it('gives no risk to accounts with no path to a blacklisted account', () => {
    const risk = propagateRisk(sharedIdentifierProjection(input), input.accounts.blacklisted);
    expect(risk.score[5]).toBe(0);
    expect(risk.score[6]).toBe(0);
    expect(risk.score[3]).toBeGreaterThan(0);
  });

  it('explains an account by the neighbours that passed it the most risk, strongest first', () => {
    const risk = propagateRisk(sharedIdentifierProjection(input), input.accounts.blacklisted);
    const degree = dense.map((row) => row.reduce((sum, w) => sum + w, 0));
    for (const account of [1, 2, 3]) {
      const flows = dense[account]
        .map((weight, neighbour) => ({ neighbour, flow: weight > 0 ? (0.85 * weight * risk.score[neighbour]) / degree[neighbour] : 0 }))
        .filter(({ flow }) => flow > 0)
        .sort((a, b) => b.flow - a.flow);
      const expected = [...flows.map(({ neighbour }) => neighbour), -1, -1, -1].slice(0, 3);
      expect(Array.from(risk.topContributors.subarray(3 * account, 3 * account + 3))).toEqual(expected);
      expect(risk.topContributions[3 * account]).toBeCloseTo(flows[0].flow, 12);
    }
    // The seed is account 1's main source; an account nobody risky touches has no explanation.
    expect(risk.topContributors[3]).toBe(0);
    expect(Array.from(risk.topContributors.subarray(15, 18))).toEqual([-1, -1, -1]);
  });

  it('scales scores so the riskiest account without history is 1', () => {
    const risk = propagateRisk(sharedIdentifierProjection(input), input.accounts.blacklisted);
    expect(Math.max(risk.normalised[1], risk.normalised[2], risk.normalised[3])).toBe(1);
    expect(risk.normalised[1]).toBe(1);
  });

  it('gives everyone zero risk when nobody is blacklisted', () => {
    const clean = graph({ accounts: 3, identifiers: shared('device', [0, 1, 2]) });
    const risk = propagateRisk(sharedIdentifierProjection(clean), clean.accounts.blacklisted);
    expect(Array.from(risk.score)).toEqual([0, 0, 0]);
    expect(risk.seedCount).toBe(0);
  });
});

describe('propagateTwoSidedRisk', () => {
  // A chain known-bad 0 – 1 – 2 – 3 – known-good 4 (equal device links), and 5 – 6 reached by neither.
  const input = graph({ accounts: 7, identifiers: shared('device', [0, 1], [1, 2], [2, 3], [3, 4], [5, 6]), blacklisted: [0] });
  const knownGood = Uint8Array.from([0, 0, 0, 0, 1, 0, 0]);
  const risk = propagateTwoSidedRisk(sharedIdentifierProjection(input), input.accounts.blacklisted, knownGood, { tolerance: 1e-13 });

  it('falls from the bad end of a chain to the good end, even in the middle by symmetry', () => {
    const [, r1, r2, r3, r4] = risk.relative;
    expect(r1).toBeGreaterThan(r2);
    expect(r2).toBeGreaterThan(r3);
    expect(r3).toBeGreaterThan(r4);
    // The chain is symmetric: account 2 gets as much mass from each side, so its share is b / (2b + 1/7).
    const b = risk.bad.score[2];
    expect(risk.good[2]).toBeCloseTo(b, 12);
    expect(r2).toBeCloseTo(b / (2 * b + 1 / 7), 12);
  });

  it('gives 0, not an even chance, to accounts neither walk reaches', () => {
    expect(risk.relative[5]).toBe(0);
    expect(risk.relative[6]).toBe(0);
  });

  it('keeps the one-sided score and divides it by weighted degree for the degree-normalised variant', () => {
    expect(Array.from(risk.bad.score)).toEqual(Array.from(propagateRisk(sharedIdentifierProjection(input), input.accounts.blacklisted, { tolerance: 1e-13 }).score));
    expect(risk.degreeNormalised[1]).toBeCloseTo(risk.bad.score[1] / 2, 12);
    expect(risk.degreeNormalised[6]).toBe(0);
  });
});
