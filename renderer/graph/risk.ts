import { RISK_BANDS } from '../../main/api';

/** Risk bands an analyst reads at a glance; one definition (in the contract) for the graph, the legend, the risk bar and saved views. */
export { RISK_BANDS };
export type RiskBand = (typeof RISK_BANDS)[number];

/** Lower bounds of the medium and high bands (scores are in [0, 1]). */
export const RISK_THRESHOLDS = { medium: 0.4, high: 0.7 } as const;

export const RISK_COLORS: Record<RiskBand, string> = {
  low: '#4E9A5B',
  medium: '#D99A1E',
  high: '#D0453F',
  unknown: '#90A4AE',
};

/** The band of a risk score; null (no model score) is its own band rather than "low". */
export function riskBand(score: number | null): RiskBand {
  if (score === null || Number.isNaN(score)) return 'unknown';
  if (score >= RISK_THRESHOLDS.high) return 'high';
  if (score >= RISK_THRESHOLDS.medium) return 'medium';
  return 'low';
}

/**
 * The score an account is coloured by: the higher of its own and its opened ring's score, so a
 * member of a 0.93 ring never reads "low" because its own model score is low. Unknown stays unknown
 * only when both are.
 */
export function accountRiskScore(own: number | null, ringScore: number | null): number | null {
  if (ringScore === null || Number.isNaN(ringScore)) return own;
  if (own === null || Number.isNaN(own)) return ringScore;
  return Math.max(own, ringScore);
}
