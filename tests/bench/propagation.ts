/**
 * Bench suite `propagation` (issue #8): how well risk propagation ranks hidden fraud, one-sided
 * (walk from known-bad seeds) against two-sided (relative to a walk from known-good seeds) and the
 * degree-normalised variant, as ROC AUC on the demo graph: half of the planted ring members and half
 * of the known-good accounts are seeds, the other halves are scored; mean of 5 random splits.
 *
 * The demo graph marks no known-good accounts, so a tenth of the accounts outside every planted ring
 * (drawn with a fixed seed) stand for the team's white list. Speed: seconds per walk iteration.
 *
 * Then the payment-network shape read from Neo4j through the proposed mapping (payment-network.ts),
 * with the graph's own markers as seeds: `fraud` clients are the known-bad seeds, `verified` ones
 * (a share of all clients, ring members included) the known-good seeds; every unmarked client is
 * scored, ring members as positives. Null with a note when that Neo4j is not there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ringInputFromDataset } from '../../main/core/analytics/input';
import { sharedIdentifierProjection, type SharedIdentifierProjection } from '../../main/core/analytics/projection';
import { propagateRisk, propagateTwoSidedRisk } from '../../main/core/analytics/risk-propagation';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { Mulberry32 } from '../../main/core/demo/prng';
import { rocAuc } from './accuracy';
import { loadPaymentNetworkGraph } from './payment-network';
import type { BenchFigures } from './results';

const SEED = 20261125;
const ACCOUNTS = 100_000;
const SPLITS = 5;
const KNOWN_GOOD_SHARE = 0.1;

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

interface Split {
  bad: Uint8Array;
  good: Uint8Array;
  positives: number[];
  negatives: number[];
}

/** Half of each labelled set as seeds, the other half held out for scoring. */
function split(ringMembers: number[], knownGood: number[], accountCount: number, random: Mulberry32): Split {
  const halve = (accounts: number[]) => {
    const shuffled = [...accounts];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.below(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return [shuffled.slice(0, shuffled.length >> 1), shuffled.slice(shuffled.length >> 1)];
  };
  const [badSeeds, positives] = halve(ringMembers);
  const [goodSeeds, negatives] = halve(knownGood);
  const bad = new Uint8Array(accountCount);
  const good = new Uint8Array(accountCount);
  for (const account of badSeeds) bad[account] = 1;
  for (const account of goodSeeds) good[account] = 1;
  return { bad, good, positives, negatives };
}

function aucs(projection: SharedIdentifierProjection, s: Split): { oneSided: number; twoSided: number; degreeNormalised: number } {
  const risk = propagateTwoSidedRisk(projection, s.bad, s.good);
  const auc = (score: Float64Array) => rocAuc(s.positives.map((a) => score[a]), s.negatives.map((a) => score[a]));
  return { oneSided: auc(risk.bad.score), twoSided: auc(risk.relative), degreeNormalised: auc(risk.degreeNormalised) };
}

export async function runPropagationBench(log: (line: string) => void): Promise<BenchFigures> {
  const dataset = generateDemoDataset({ seed: SEED, accounts: ACCOUNTS });
  const input = ringInputFromDataset(dataset);
  const projection = sharedIdentifierProjection(input);
  const inRing = new Uint8Array(ACCOUNTS);
  for (const ring of dataset.plantedRings) for (const member of ring.members) inRing[member] = 1;
  const ringMembers = [...new Set(dataset.plantedRings.flatMap((ring) => ring.members))];
  const pick = new Mulberry32(SEED + 1);
  const knownGood = Array.from({ length: ACCOUNTS }, (_, a) => a).filter((a) => !inRing[a] && pick.next() < KNOWN_GOOD_SHARE);
  log(`${ACCOUNTS} accounts, ${ringMembers.length} planted ring members, ${knownGood.length} known-good accounts`);

  const random = new Mulberry32(SEED + 2);
  const results = Array.from({ length: SPLITS }, () => aucs(projection, split(ringMembers, knownGood, ACCOUNTS, random)));
  const figures: BenchFigures = {
    aucOneSided: round(mean(results.map((r) => r.oneSided))),
    aucTwoSided: round(mean(results.map((r) => r.twoSided))),
    aucDegreeNormalised: round(mean(results.map((r) => r.degreeNormalised))),
  };
  log(`ROC AUC (mean of ${SPLITS} splits): one-sided ${figures.aucOneSided}, two-sided ${figures.aucTwoSided}, degree-normalised ${figures.aucDegreeNormalised}`);

  const timing = split(ringMembers, knownGood, ACCOUNTS, random);
  const started = performance.now();
  const run = propagateRisk(projection, timing.bad, { tolerance: 0, maxIterations: 50 });
  figures.secondsPerIteration = round((performance.now() - started) / 1000 / (run.iterations ?? 1), 6);
  // RingScope iterates only over the accounts the seeds can reach (exact: no mass leaves them); scipy over all.
  figures.walkedAccounts = run.score.reduce((count, value) => count + (value > 0 ? 1 : 0), 0);
  log(`${figures.secondsPerIteration} s per iteration over the ${figures.walkedAccounts} reachable of ${ACCOUNTS} accounts (${run.iterations} iterations)`);
  const scipy = scipyBaseline(projection, timing.bad, run.iterations ?? 1);
  if (scipy) {
    figures.scipySecondsPerIteration = round(scipy, 6);
    figures.iterationRatioVsScipy = round(figures.secondsPerIteration / scipy, 3);
    log(`scipy.sparse: ${figures.scipySecondsPerIteration} s per iteration (RingScope / scipy = ${figures.iterationRatioVsScipy})`);
  } else {
    log('scipy baseline skipped: python3 with numpy and scipy is needed (pip install scipy)');
  }
  Object.assign(figures, await paymentNetworkAucs(log));
  return figures;
}

/** ROC AUC of the three rankings on the payment-network shape, seeded by the graph's own markers. */
async function paymentNetworkAucs(log: (line: string) => void): Promise<BenchFigures> {
  let graph;
  try {
    graph = await loadPaymentNetworkGraph(log);
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    log(`payment-network propagation skipped: ${note}`);
    return { paymentsAucOneSided: null, paymentsAucTwoSided: null, paymentsAucDegreeNormalised: null, paymentsNote: `skipped: ${note}` };
  }
  const { loaded, planted } = graph;
  const bad = loaded.accounts.blacklisted;
  const good = loaded.accounts.knownGood ?? new Uint8Array(loaded.accounts.count);
  const inRing = new Uint8Array(loaded.accounts.count);
  for (const ring of planted) for (const member of ring.members) inRing[member] = 1;
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let a = 0; a < loaded.accounts.count; a++) if (!bad[a] && !good[a]) (inRing[a] ? positives : negatives).push(a);
  const risk = propagateTwoSidedRisk(sharedIdentifierProjection(loaded), bad, good);
  const auc = (score: Float64Array) => round(rocAuc(positives.map((a) => score[a]), negatives.map((a) => score[a])));
  const figures = {
    paymentsAucOneSided: auc(risk.bad.score),
    paymentsAucTwoSided: auc(risk.relative),
    paymentsAucDegreeNormalised: auc(risk.degreeNormalised),
    paymentsKnownBad: bad.reduce((sum, flag) => sum + flag, 0),
    paymentsKnownGood: good.reduce((sum, flag) => sum + flag, 0),
    paymentsScoredRingMembers: positives.length,
    paymentsScoredOthers: negatives.length,
  };
  log(`payment network: ROC AUC one-sided ${figures.paymentsAucOneSided}, two-sided ${figures.paymentsAucTwoSided}, degree-normalised ${figures.paymentsAucDegreeNormalised} (${positives.length} ring members, ${negatives.length} others scored)`);
  return figures;
}

/** Seconds per iteration of scipy.sparse power iteration on the same projection, or null without scipy. */
function scipyBaseline(projection: SharedIdentifierProjection, seeds: Uint8Array, iterations: number): number | null {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ringscope-propagation-'));
  try {
    // Only identifiers that link accounts (weight > 0): hubs and singletons carry no walk.
    const kept: number[] = [];
    for (let j = 0; j < projection.identifierCount; j++) if (projection.identifierWeight[j] > 0) kept.push(j);
    const offsets = new Int32Array(kept.length + 1);
    kept.forEach((j, i) => (offsets[i + 1] = offsets[i] + projection.memberOffsets[j + 1] - projection.memberOffsets[j]));
    const members = new Int32Array(offsets[kept.length]);
    kept.forEach((j, i) => members.set(projection.members.subarray(projection.memberOffsets[j], projection.memberOffsets[j + 1]), offsets[i]));
    const write = (name: string, column: Int32Array | Float64Array) => writeFileSync(path.join(folder, name), Buffer.from(column.buffer, column.byteOffset, column.byteLength));
    write('member_offsets.i32', offsets);
    write('members.i32', members);
    write('weights.f64', Float64Array.from(kept, (j) => projection.identifierWeight[j]));
    write('seeds.i32', Int32Array.from(Array.from(seeds).flatMap((flag, a) => (flag ? [a] : []))));
    const script = path.join(import.meta.dirname, 'propagation_scipy.py');
    const run = spawnSync('python3', [script, folder, String(projection.accountCount), String(iterations)], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) return null;
    return (JSON.parse(run.stdout) as { secondsPerIteration: number }).secondsPerIteration;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
