import { ApiError, type OutboxEntry, type OutboxState, type ScoringDecision } from '../../api';
import type { AuditDraft } from '../audit/audit-chain';
import type { InvestigationStore } from '../store/investigation-store';
import { isRetryableStatus, retryDelayMs, type BackoffPolicy } from './retry-policy';
import { scoringSignature } from './signature';

/** Who the audit trail names for deliveries: the outbox worker, not a person. */
export const OUTBOX_ACTOR = 'ringscope:scoring-outbox';
const MIN_WAIT_MS = 10;

export interface ScoringEndpoint {
  url: string;
  /** HMAC key shared with the scoring service; never logged, never in an error message. */
  secret: string;
  timeoutMs: number;
}

export interface ScoringOutboxOptions {
  store: InvestigationStore;
  /** null when no scoring service is configured: decisions wait in the outbox until one is. */
  endpoint: ScoringEndpoint | null;
  backoff: BackoffPolicy;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** How often the worker looks for entries other RingScopes queued in the same store. */
  pollIntervalMs?: number;
  log?: (message: string) => void;
}

/** A new pending delivery for a decision; queued in the same commit as the review that made it. */
export function newOutboxEntry(decision: ScoringDecision, at: string, actor: string): OutboxEntry {
  return {
    id: decision.decisionId,
    version: 0,
    caseId: decision.caseId,
    decision,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    leaseExpiresAt: null,
    lastError: null,
    lastStatus: null,
    deliveredAt: null,
    acknowledgedHead: null,
    createdAt: at,
    updatedBy: actor,
    updatedAt: at,
  };
}

type AttemptOutcome =
  | { kind: 'delivered'; status: number; acknowledgedHead: OutboxEntry['acknowledgedHead'] }
  | { kind: 'retry'; status: number | null; error: string }
  | { kind: 'rejected'; status: number; error: string };

/**
 * Delivers approved decisions to the scoring service at least once: each entry is claimed in the
 * store ('delivering', with a lease), POSTed with its Idempotency-Key and an HMAC signature, then
 * marked delivered, retrying (exponential backoff, full jitter) or rejected (a final 4xx).
 * The receiver's idempotency turns at-least-once into applied-once.
 */
export class ScoringOutbox {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly stopping = new AbortController();
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: ScoringOutboxOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** The configured endpoint URL (never the secret), for the Outbox screen. */
  endpointUrl(): string | null {
    return this.options.endpoint?.url ?? null;
  }

  async list(filter: { state?: OutboxState; caseId?: string } = {}): Promise<OutboxEntry[]> {
    const entries = await this.options.store.listOutbox();
    return entries
      .filter((entry) => (!filter.state || entry.state === filter.state) && (!filter.caseId || entry.caseId === filter.caseId))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Makes a waiting or rejected delivery due now and starts its backoff afresh. */
  async retryNow(id: string, actor: string): Promise<OutboxEntry> {
    const entry = (await this.options.store.listOutbox()).find((item) => item.id === id);
    if (!entry) throw new ApiError('not_found', `No delivery ${id}`, { reason: 'delivery_missing', params: { deliveryId: id } });
    if (entry.state === 'delivered') throw new ApiError('conflict', 'This decision was already delivered', { reason: 'delivery_done' });
    if (entry.state === 'delivering') throw new ApiError('conflict', 'This decision is being delivered right now', { reason: 'delivery_in_progress' });
    const at = this.iso();
    const { outbox } = await this.options.store.commit({
      outbox: [{ expectedVersion: entry.version, doc: { ...entry, state: 'pending', attempts: 0, nextAttemptAt: at, updatedBy: actor, updatedAt: at } }],
      audit: [{ actor, action: 'push.retry_requested', caseId: entry.caseId, details: { decisionId: id, previousState: entry.state } }],
    });
    this.kick();
    return outbox[0];
  }

  /**
   * After a restart, a delivery left 'delivering' may or may not have reached the service: send it
   * again (the Idempotency-Key makes a repeat harmless). Returns how many were put back.
   */
  async recoverInterrupted(): Promise<number> {
    const interrupted = (await this.options.store.listOutbox()).filter((entry) => entry.state === 'delivering');
    for (const entry of interrupted) {
      const at = this.iso();
      await this.options.store
        .commit({
          outbox: [{ expectedVersion: entry.version, doc: { ...entry, state: 'pending', nextAttemptAt: at, leaseExpiresAt: null, updatedBy: OUTBOX_ACTOR, updatedAt: at } }],
        })
        .catch((error: unknown) => this.ignoreConflict(error));
    }
    return interrupted.length;
  }

  /** One pass: attempts every entry that is due (or whose worker died mid-delivery). Returns how many were attempted. */
  async deliverDue(): Promise<number> {
    if (!this.options.endpoint) return 0;
    const now = this.now();
    const due = (await this.options.store.listOutbox())
      .filter((entry) => this.isDue(entry, now))
      .sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? ''));
    let attempted = 0;
    for (const entry of due) {
      if (this.stopping.signal.aborted) break;
      if (await this.deliver(entry, this.options.endpoint)) attempted++;
    }
    return attempted;
  }

  /** Runs deliveries in the background until stop(): wakes when an entry is due, when kicked, or every poll interval. */
  start(): void {
    if (this.options.endpoint) this.running ??= this.loop();
  }

  /** Wakes the background worker now, e.g. right after an approval queued a decision. */
  kick(): void {
    this.wake?.();
  }

  /** Stops the worker; a request in flight is aborted and retried on the next start. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.kick();
    await this.running;
  }

  private async loop(): Promise<void> {
    const pollMs = this.options.pollIntervalMs ?? 5_000;
    while (!this.stopping.signal.aborted) {
      try {
        await this.deliverDue();
      } catch (error) {
        this.options.log?.(`Scoring outbox pass failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.stopping.signal.aborted) break;
      const waitMs = Math.min(pollMs, await this.msUntilNextDue().catch(() => pollMs));
      await new Promise<void>((resolve) => {
        // At least a few milliseconds: an entry that stays due (its claim lost to another worker) must not spin the loop.
        const timer = setTimeout(resolve, Math.max(MIN_WAIT_MS, waitMs));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async msUntilNextDue(): Promise<number> {
    const now = this.now();
    const times = (await this.options.store.listOutbox())
      .map((entry) => (entry.state === 'delivering' ? entry.leaseExpiresAt : entry.state === 'pending' || entry.state === 'retrying' ? entry.nextAttemptAt : null))
      .filter((time): time is string => time !== null)
      .map((time) => Date.parse(time) - now);
    return times.length ? Math.min(...times) : Number.POSITIVE_INFINITY;
  }

  private isDue(entry: OutboxEntry, now: number): boolean {
    if (entry.state === 'pending' || entry.state === 'retrying') return Date.parse(entry.nextAttemptAt ?? '') <= now;
    return entry.state === 'delivering' && entry.leaseExpiresAt !== null && Date.parse(entry.leaseExpiresAt) <= now;
  }

  /** Claims, sends and records one delivery; false when another worker claimed it first. */
  private async deliver(entry: OutboxEntry, endpoint: ScoringEndpoint): Promise<boolean> {
    const claimedAt = this.iso();
    const leaseMs = endpoint.timeoutMs * 2 + 5_000;
    let claimed: OutboxEntry;
    try {
      ({ outbox: [claimed] } = await this.options.store.commit({
        outbox: [{
          expectedVersion: entry.version,
          doc: { ...entry, state: 'delivering', attempts: entry.attempts + 1, leaseExpiresAt: new Date(this.now() + leaseMs).toISOString(), updatedBy: OUTBOX_ACTOR, updatedAt: claimedAt },
        }],
      }));
    } catch (error) {
      this.ignoreConflict(error);
      return false;
    }

    const outcome = await this.post(claimed.decision, endpoint);
    const at = this.iso();
    const base = { ...claimed, leaseExpiresAt: null, lastStatus: 'status' in outcome ? outcome.status : null, updatedBy: OUTBOX_ACTOR, updatedAt: at };
    const details = { decisionId: claimed.id, attempt: claimed.attempts, status: base.lastStatus };
    let next: OutboxEntry;
    let audit: AuditDraft;
    if (outcome.kind === 'delivered') {
      next = { ...base, state: 'delivered', deliveredAt: at, nextAttemptAt: null, lastError: null, acknowledgedHead: outcome.acknowledgedHead };
      audit = { actor: OUTBOX_ACTOR, action: 'push.delivered', caseId: claimed.caseId, details: { ...details, acknowledgedHead: outcome.acknowledgedHead } };
    } else if (outcome.kind === 'rejected') {
      next = { ...base, state: 'rejected', nextAttemptAt: null, lastError: outcome.error };
      audit = { actor: OUTBOX_ACTOR, action: 'push.rejected', caseId: claimed.caseId, details: { ...details, error: outcome.error } };
    } else {
      const nextAttemptAt = new Date(this.now() + retryDelayMs(claimed.attempts, this.options.backoff, this.random)).toISOString();
      next = { ...base, state: 'retrying', nextAttemptAt, lastError: outcome.error };
      audit = { actor: OUTBOX_ACTOR, action: 'push.failed', caseId: claimed.caseId, details: { ...details, error: outcome.error, nextAttemptAt } };
    }
    await this.options.store
      .commit({ outbox: [{ expectedVersion: claimed.version, doc: next }], audit: [audit] })
      // Someone reset the entry while we were sending (a restart's recovery): it will be sent again.
      .catch((error: unknown) => this.ignoreConflict(error));
    return true;
  }

  private async post(decision: ScoringDecision, endpoint: ScoringEndpoint): Promise<AttemptOutcome> {
    const body = JSON.stringify(decision);
    const timestamp = Math.floor(this.now() / 1000);
    try {
      const response = await this.fetch(endpoint.url, {
        method: 'POST',
        body,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': decision.decisionId,
          'X-RingScope-Timestamp': String(timestamp),
          'X-RingScope-Signature': scoringSignature(endpoint.secret, timestamp, body),
        },
        signal: AbortSignal.any([AbortSignal.timeout(endpoint.timeoutMs), this.stopping.signal]),
      });
      if (response.ok) return { kind: 'delivered', status: response.status, acknowledgedHead: await acknowledgedHead(response, decision) };
      const error = `HTTP ${response.status}: ${await serverMessage(response)}`;
      return isRetryableStatus(response.status) ? { kind: 'retry', status: response.status, error } : { kind: 'rejected', status: response.status, error };
    } catch (error) {
      return { kind: 'retry', status: null, error: this.describeNetworkError(error, endpoint) };
    }
  }

  private describeNetworkError(error: unknown, endpoint: ScoringEndpoint): string {
    const name = error instanceof Error ? error.name : '';
    if (this.stopping.signal.aborted) return 'RingScope stopped during the delivery';
    if (name === 'TimeoutError') return `No answer from the scoring service within ${endpoint.timeoutMs / 1000} s`;
    const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
    return `Could not reach the scoring service: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
  }

  private ignoreConflict(error: unknown): void {
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

/**
 * The audit head the receiver says it recorded with the decision, kept as an anchor only when it
 * is the one the push carried; a receiver that does not echo it anchors nothing.
 */
async function acknowledgedHead(response: Response, decision: ScoringDecision): Promise<OutboxEntry['acknowledgedHead']> {
  try {
    const body = (await response.json()) as { auditHead?: { seq?: unknown; hash?: unknown } };
    const head = body.auditHead;
    return head && head.seq === decision.auditHead.seq && head.hash === decision.auditHead.hash ? { ...decision.auditHead } : null;
  } catch {
    return null;
  }
}

/** The server's own words for a refusal: a JSON message/error/detail field, else the text, shortened. */
async function serverMessage(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).trim();
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const message = [parsed.message, parsed.error, parsed.detail, parsed.title].find((value) => typeof value === 'string');
    if (message) return String(message).slice(0, 500);
  } catch {
    // Not JSON: the plain text is the message.
  }
  return text.slice(0, 500) || response.statusText || 'no message';
}
