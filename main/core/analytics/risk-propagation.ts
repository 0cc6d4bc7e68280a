import { throwIfAborted } from './input';
import type { SharedIdentifierProjection } from './projection';

export interface RiskPropagationOptions {
  /** Probability of following a shared identifier rather than jumping back to a blacklisted seed. */
  damping: number;
  /** Stop when the L1 change of one iteration falls below this. */
  tolerance: number;
  maxIterations: number;
}

// An L1 change of 1e-7 leaves every score within ~1e-6 of the fixed point (error ≤ change × d / (1 − d)): far finer than any risk band.
export const DEFAULT_RISK_PROPAGATION: RiskPropagationOptions = { damping: 0.85, tolerance: 1e-7, maxIterations: 200 };

/** Propagated risk of every account, with the neighbours that contributed most to it. */
export interface PropagatedRisk {
  /** Personalised PageRank mass of each account; sums to 1 over all accounts when there is a seed. */
  score: Float64Array;
  /** Score divided by the largest score of a non-seed account, so "1" is the riskiest account without history. */
  normalised: Float64Array;
  /** Up to three contributing neighbours per account (account a's are at 3a..3a+2), -1 when fewer. */
  topContributors: Int32Array;
  /** The score each of those neighbours passed on to the account. */
  topContributions: Float64Array;
  /** Iterations run here; null when the scores were computed elsewhere (GDS on the server). */
  iterations: number | null;
  converged: boolean | null;
  seedCount: number;
  /** Two-sided relative risk (see TwoSidedRisk.relative) when known-good accounts are marked; null otherwise. */
  relative?: Float64Array | null;
}

export const TOP_CONTRIBUTORS = 3;

/**
 * Personalised PageRank from the blacklisted accounts over the shared-identifier projection.
 * A random walker restarts at a uniformly chosen seed with probability 1 - damping and otherwise
 * moves to a neighbour in proportion to the projected edge weight; accounts with no neighbours
 * send their mass back to the seeds. The transition is applied per identifier (O(links) per
 * iteration): every member of an identifier receives weight × (the sum of its members' score per
 * unit degree, minus its own share), which equals the walk over the projected account pairs.
 */
export function propagateRisk(
  projection: SharedIdentifierProjection,
  blacklisted: Uint8Array,
  options: Partial<RiskPropagationOptions> = {},
  signal?: AbortSignal,
): PropagatedRisk {
  const { damping, tolerance, maxIterations } = { ...DEFAULT_RISK_PROPAGATION, ...options };
  const { accountCount } = projection;
  const seeds: number[] = [];
  for (let a = 0; a < accountCount; a++) if (blacklisted[a]) seeds.push(a);
  // Mass never leaves the seeds' components (dangling mass returns to the seeds), so iterating over
  // the accounts reachable from a seed is exact, and far cheaper than the whole graph. They are
  // renumbered 0..n-1 so the iterations run over small, contiguous arrays.
  const local = reachableSubgraph(projection, seeds);
  const n = local.accounts.length;
  const seedCount = seeds.length;
  const restart = seedCount > 0 ? 1 / seedCount : 0;

  let current = new Float64Array(n);
  let next = new Float64Array(n);
  const perUnitDegree = new Float64Array(n);
  for (let i = 0; i < seedCount; i++) current[i] = restart;
  let iterations = 0;
  let converged = seedCount === 0;
  while (!converged && iterations < maxIterations) {
    throwIfAborted(signal);
    iterations++;
    let danglingMass = 0;
    for (let i = 0; i < n; i++) {
      if (local.degree[i] > 0) perUnitDegree[i] = current[i] / local.degree[i];
      else danglingMass += current[i];
    }
    next.fill(0);
    const { offsets, members, weights } = local;
    for (let j = 0; j < weights.length; j++) {
      const weight = weights[j];
      const start = offsets[j];
      const end = offsets[j + 1];
      let sum = 0;
      for (let k = start; k < end; k++) sum += perUnitDegree[members[k]];
      for (let k = start; k < end; k++) next[members[k]] += weight * (sum - perUnitDegree[members[k]]);
    }
    const restartMass = (1 - damping + damping * danglingMass) * restart;
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] *= damping;
      if (i < seedCount) next[i] += restartMass;
      change += Math.abs(next[i] - current[i]);
    }
    [current, next] = [next, current];
    converged = change < tolerance;
  }
  const score = new Float64Array(accountCount);
  for (let i = 0; i < n; i++) score[local.accounts[i]] = current[i];
  return { ...explainedRisk(projection, blacklisted, score, { damping }, signal), iterations, converged };
}

/**
 * Normalises personalised PageRank scores and finds each account's top contributing neighbours;
 * used directly for scores computed elsewhere (GDS PageRank on the server). The scale of `score` does
 * not matter: only ratios between accounts are kept.
 */
export function explainedRisk(
  projection: SharedIdentifierProjection,
  blacklisted: Uint8Array,
  score: Float64Array,
  { damping }: Pick<RiskPropagationOptions, 'damping'>,
  signal?: AbortSignal,
): PropagatedRisk {
  const { accountCount } = projection;
  let seedCount = 0;
  for (let a = 0; a < accountCount; a++) seedCount += blacklisted[a] ? 1 : 0;
  const { topContributors, topContributions } = explainRisk(projection, score, damping, seedCount > 0, signal);
  let maxNonSeed = 0;
  for (let a = 0; a < accountCount; a++) if (!blacklisted[a] && score[a] > maxNonSeed) maxNonSeed = score[a];
  const normalised = new Float64Array(accountCount);
  if (maxNonSeed > 0) for (let a = 0; a < accountCount; a++) normalised[a] = Math.min(1, score[a] / maxNonSeed);
  return { score, normalised, topContributors, topContributions, iterations: null, converged: null, seedCount };
}

/** For each account, the three neighbours whose score flowed into it most in the final walk step. */
function explainRisk(
  projection: SharedIdentifierProjection,
  score: Float64Array,
  damping: number,
  hasSeeds: boolean,
  signal: AbortSignal | undefined,
): { topContributors: Int32Array; topContributions: Float64Array } {
  const { accountCount, memberOffsets, members, identifierOffsets, accountIdentifiers, identifierWeight, weightedDegree } = projection;
  const topContributors = new Int32Array(accountCount * TOP_CONTRIBUTORS).fill(-1);
  const topContributions = new Float64Array(accountCount * TOP_CONTRIBUTORS);
  if (!hasSeeds) return { topContributors, topContributions };
  const flow = new Float64Array(accountCount);
  const touched: number[] = [];
  for (let a = 0; a < accountCount; a++) {
    if (score[a] === 0 || identifierOffsets[a] === identifierOffsets[a + 1]) continue;
    if ((a & 0xffff) === 0) throwIfAborted(signal);
    for (let p = identifierOffsets[a]; p < identifierOffsets[a + 1]; p++) {
      const identifier = accountIdentifiers[p];
      const weight = identifierWeight[identifier];
      for (let k = memberOffsets[identifier]; k < memberOffsets[identifier + 1]; k++) {
        const neighbour = members[k];
        if (neighbour === a || score[neighbour] === 0) continue;
        if (flow[neighbour] === 0) touched.push(neighbour);
        flow[neighbour] += (damping * weight * score[neighbour]) / weightedDegree[neighbour];
      }
    }
    const base = a * TOP_CONTRIBUTORS;
    for (const neighbour of touched) {
      const value = flow[neighbour];
      flow[neighbour] = 0;
      // Insertion into a 3-slot list kept in descending order; ties go to the lower account index.
      let slot = TOP_CONTRIBUTORS;
      while (
        slot > 0 &&
        (topContributors[base + slot - 1] < 0 ||
          value > topContributions[base + slot - 1] ||
          (value === topContributions[base + slot - 1] && neighbour < topContributors[base + slot - 1]))
      ) {
        slot--;
      }
      if (slot >= TOP_CONTRIBUTORS) continue;
      for (let s = TOP_CONTRIBUTORS - 1; s > slot; s--) {
        topContributors[base + s] = topContributors[base + s - 1];
        topContributions[base + s] = topContributions[base + s - 1];
      }
      topContributors[base + slot] = neighbour;
      topContributions[base + slot] = value;
    }
    touched.length = 0;
  }
  return { topContributors, topContributions };
}

/** The part of the projection reachable from the seeds, renumbered: seeds first, then breadth-first order. */
interface ReachableSubgraph {
  /** Global account index of each local account. */
  accounts: Int32Array;
  degree: Float64Array;
  /** Local members of each reachable identifier, and its kind weight. */
  offsets: Int32Array;
  members: Int32Array;
  weights: Float64Array;
}

function reachableSubgraph(projection: SharedIdentifierProjection, seeds: number[]): ReachableSubgraph {
  const { accountCount, identifierCount, memberOffsets, members, identifierOffsets, accountIdentifiers, identifierWeight, weightedDegree } = projection;
  const localOf = new Int32Array(accountCount).fill(-1);
  const seenIdentifier = new Uint8Array(identifierCount);
  const accounts: number[] = [];
  const identifiers: number[] = [];
  for (const seed of seeds) {
    localOf[seed] = accounts.length;
    accounts.push(seed);
  }
  for (let head = 0; head < accounts.length; head++) {
    const account = accounts[head];
    for (let p = identifierOffsets[account]; p < identifierOffsets[account + 1]; p++) {
      const identifier = accountIdentifiers[p];
      if (seenIdentifier[identifier]) continue;
      seenIdentifier[identifier] = 1;
      identifiers.push(identifier);
      for (let k = memberOffsets[identifier]; k < memberOffsets[identifier + 1]; k++) {
        if (localOf[members[k]] >= 0) continue;
        localOf[members[k]] = accounts.length;
        accounts.push(members[k]);
      }
    }
  }
  const offsets = new Int32Array(identifiers.length + 1);
  identifiers.forEach((identifier, j) => (offsets[j + 1] = offsets[j] + memberOffsets[identifier + 1] - memberOffsets[identifier]));
  const localMembers = new Int32Array(offsets[identifiers.length]);
  identifiers.forEach((identifier, j) => {
    for (let k = memberOffsets[identifier]; k < memberOffsets[identifier + 1]; k++) localMembers[offsets[j] + k - memberOffsets[identifier]] = localOf[members[k]];
  });
  return {
    accounts: Int32Array.from(accounts),
    degree: Float64Array.from(accounts, (account) => weightedDegree[account]),
    offsets,
    members: localMembers,
    weights: Float64Array.from(identifiers, (identifier) => identifierWeight[identifier]),
  };
}

/** Risk from both sides: walks from known-bad and from known-good seeds (TrustRank / Anti-TrustRank). */
export interface TwoSidedRisk {
  /** The walk from known-bad seeds alone (the one-sided score), with its explanation. */
  bad: PropagatedRisk;
  /** Walk mass from the known-good seeds. */
  good: Float64Array;
  /**
   * Share of an account's walk mass that comes from the bad side: bad / (bad + good + 1/n). The
   * pseudo-mass 1/n (one account's share of a uniform walk) keeps an account that only a trickle
   * reaches near 0 instead of 1; an account neither walk reaches has 0: no evidence, not suspicion.
   */
  relative: Float64Array;
  /** One-sided mass per unit of weighted degree: hubs collect walk mass by degree alone. */
  degreeNormalised: Float64Array;
}

/** Propagates from known-bad and from known-good seeds over the same projection, and combines them. */
export function propagateTwoSidedRisk(
  projection: SharedIdentifierProjection,
  knownBad: Uint8Array,
  knownGood: Uint8Array,
  options: Partial<RiskPropagationOptions> = {},
  signal?: AbortSignal,
): TwoSidedRisk {
  const bad = propagateRisk(projection, knownBad, options, signal);
  const good = propagateRisk(projection, knownGood, options, signal).score;
  const { accountCount, weightedDegree } = projection;
  const pseudoMass = accountCount > 0 ? 1 / accountCount : 0;
  const relative = new Float64Array(accountCount);
  const degreeNormalised = new Float64Array(accountCount);
  for (let a = 0; a < accountCount; a++) {
    const b = bad.score[a];
    if (b > 0) relative[a] = b / (b + good[a] + pseudoMass);
    if (weightedDegree[a] > 0) degreeNormalised[a] = b / weightedDegree[a];
  }
  return { bad, good, relative, degreeNormalised };
}
