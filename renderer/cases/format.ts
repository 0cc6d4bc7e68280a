/** A timestamp as the investigator's locale writes it, to the minute. */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A score in [0, 1] with two decimals, or a dash when there is none. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}
