import { createHash } from 'node:crypto';
import type { AuditEvent, AuditVerification } from '../../api';

/** The prevHash of the first event: a chain always starts from this value. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event before the store numbers and seals it. */
export interface AuditDraft {
  actor: string;
  action: string;
  caseId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * JSON with object keys sorted at every level, so the same event always hashes the same way
 * whichever process or store wrote it (key order of JSON.stringify follows insertion order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 over the canonical JSON of the event without its own hash (prevHash included). */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actor, action, caseId, details, prevHash } = event;
  return createHash('sha256').update(canonicalJson({ seq, at, actor, action, caseId, details, prevHash })).digest('hex');
}

/** Numbers a draft after `previous` (null for the first event) and links it into the chain. */
export function sealAuditEvent(draft: AuditDraft, previous: AuditEvent | null, at: string): AuditEvent {
  const unsealed = {
    seq: (previous?.seq ?? 0) + 1,
    at,
    actor: draft.actor,
    action: draft.action,
    caseId: draft.caseId ?? null,
    // A JSON round trip keeps exactly what a store will read back, so the hash still matches after a reload.
    details: JSON.parse(JSON.stringify(draft.details ?? {})) as Record<string, unknown>,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: hashAuditEvent(unsealed) };
}

/**
 * Re-checks a whole trail in stored order: any edited, deleted, inserted or reordered event breaks
 * the chain, and the answer names the first seq that does not fit. Cutting events off the end
 * leaves a valid shorter chain: compare headHash with a copy kept elsewhere to catch that.
 */
export function verifyAuditChain(events: readonly AuditEvent[]): AuditVerification {
  let previous: AuditEvent | null = null;
  for (const event of events) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    const broken = (problem: string): AuditVerification => ({
      valid: false,
      count: events.length,
      headHash: events.at(-1)?.hash ?? GENESIS_HASH,
      brokenAtSeq: event.seq,
      problem,
    });
    if (event.seq !== expectedSeq) {
      return broken(`Expected event #${expectedSeq} but found #${event.seq}: events were deleted, inserted or reordered`);
    }
    if (event.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return broken(`Event #${event.seq} does not link to the event before it: the trail was rewritten from here`);
    }
    if (hashAuditEvent(event) !== event.hash) return broken(`Event #${event.seq} was changed after it was recorded`);
    previous = event;
  }
  return { valid: true, count: events.length, headHash: previous?.hash ?? GENESIS_HASH, brokenAtSeq: null, problem: null };
}
