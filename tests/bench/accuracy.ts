import type { PlantedRing } from '../../main/core/demo/dataset';
import type { RingCluster } from '../../main/core/analytics/pipeline';

export interface RingAccuracy {
  memberPrecision: number;
  memberRecall: number;
  memberF1: number;
  /** Share of planted rings matched by a flagged cluster with Jaccard similarity ≥ 0.8. */
  ringRecall: number;
  plantedRings: number;
  flaggedClusters: number;
}

/**
 * Scores detection against the generator's ground truth. Member level: an account is predicted
 * positive when it is in any flagged cluster, truly positive when it is in any planted ring.
 * Ring level: a planted ring is found when some flagged cluster has Jaccard ≥ 0.8 with it.
 */
export function ringAccuracy(accountCount: number, planted: readonly PlantedRing[], clusters: readonly RingCluster[]): RingAccuracy {
  const flagged = clusters.filter((cluster) => cluster.flagged);
  const truth = new Uint8Array(accountCount);
  for (const ring of planted) for (const member of ring.members) truth[member] = 1;
  const clusterOf = new Int32Array(accountCount).fill(-1);
  flagged.forEach((cluster, c) => cluster.members.forEach((member) => (clusterOf[member] = c)));
  let truePositives = 0;
  let predicted = 0;
  let actual = 0;
  for (let a = 0; a < accountCount; a++) {
    const isPredicted = clusterOf[a] >= 0;
    predicted += isPredicted ? 1 : 0;
    actual += truth[a];
    if (isPredicted && truth[a]) truePositives++;
  }
  const memberPrecision = predicted ? truePositives / predicted : 0;
  const memberRecall = actual ? truePositives / actual : 0;
  const memberF1 = memberPrecision + memberRecall ? (2 * memberPrecision * memberRecall) / (memberPrecision + memberRecall) : 0;
  const found = planted.filter((ring) => {
    const overlap = new Map<number, number>();
    for (const member of ring.members) if (clusterOf[member] >= 0) overlap.set(clusterOf[member], (overlap.get(clusterOf[member]) ?? 0) + 1);
    return [...overlap].some(([c, shared]) => shared / (ring.members.length + flagged[c].members.length - shared) >= 0.8);
  }).length;
  return {
    memberPrecision,
    memberRecall,
    memberF1,
    ringRecall: planted.length ? found / planted.length : 0,
    plantedRings: planted.length,
    flaggedClusters: flagged.length,
  };
}

/**
 * ROC AUC: the chance that a random positive scores above a random negative, ties counting half
 * (the Mann-Whitney U statistic over both sets, by ranks: O((p + n) log(p + n))).
 */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((score) => ({ score, positive: true })), ...negatives.map((score) => ({ score, positive: false }))].sort((a, b) => a.score - b.score);
  let positiveRankSum = 0;
  for (let start = 0; start < all.length; ) {
    let end = start;
    while (end < all.length && all[end].score === all[start].score) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (all[i].positive) positiveRankSum += averageRank;
    start = end;
  }
  const p = positives.length;
  return (positiveRankSum - (p * (p + 1)) / 2) / (p * negatives.length);
}
