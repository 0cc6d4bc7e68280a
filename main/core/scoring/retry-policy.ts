export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): exponential backoff with full jitter,
 * a random wait in [0, min(cap, base·2^(attempt−1))), so many RingScopes retrying after one
 * outage do not hit the scoring service in lockstep. `random` is injected for deterministic tests.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Whether an HTTP answer is worth retrying: timeouts, throttling and server errors are; other 4xx are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
