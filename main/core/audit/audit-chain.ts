import { createHash } from 'node:crypto';
import type { AuditEvent, AuditVerification } from '../../api';
import { canonicalJson } from '../trust/canonical-json';
import { verifyCanonical } from '../trust/signing';

export { canonicalJson };

/** The prevHash of the first event: a chain always starts from this value. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event before the store numbers and seals it. */
export interface AuditDraft {
  actor: string;
  action: string;
  caseId?: string | null;
  details?: Record<string, unknown>;
  /** The actor's signature (see auditSignedPart) and public key, when a person acted. */
  actorKey?: string;
  signature?: string;
}

/** What an actor signs of an event: the store adds seq, time and the link, which the chain hash covers. */
export function auditSignedPart(event: Pick<AuditEvent, 'action' | 'actor' | 'caseId' | 'details'>): Record<string, unknown> {
  return { action: event.action, actor: event.actor, caseId: event.caseId ?? null, details: event.details };
}

/** An audit head acknowledged by the scoring service: the chain must still hold this event. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** SHA-256 over the canonical JSON of the event without its own hash (prevHash included). */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actor, action, caseId, details, prevHash, actorKey, signature } = event;
  // Unsigned events hash exactly as before signatures existed (canonicalJson leaves out undefined).
  return createHash('sha256').update(canonicalJson({ seq, at, actor, action, caseId, details, prevHash, actorKey, signature })).digest('hex');
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
    ...(draft.signature && draft.actorKey ? { actorKey: draft.actorKey, signature: draft.signature } : {}),
  };
  return { ...unsealed, hash: hashAuditEvent(unsealed) };
}

/**
 * Re-checks a whole trail in stored order: any edited, deleted, inserted or reordered event breaks
 * the chain, and the answer names the first seq that does not fit; a signed event must carry its
 * actor's valid signature. Cutting events off the end, or rewriting the whole chain, leaves a
 * chain that holds together: the anchors (audit heads the scoring service acknowledged) catch
 * that, back to the latest anchor.
 */
export function verifyAuditChain(events: readonly AuditEvent[], anchors: readonly AuditAnchor[] = []): AuditVerification {
  const headHash = events.at(-1)?.hash ?? GENESIS_HASH;
  const lastSeq = anchors.length ? Math.max(...anchors.map((anchor) => anchor.seq)) : null;
  const anchorSummary = { checked: anchors.length, lastSeq };
  const broken = (seq: number, problem: string): AuditVerification => ({ valid: false, count: events.length, headHash, brokenAtSeq: seq, problem, anchors: anchorSummary });
  let previous: AuditEvent | null = null;
  for (const event of events) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (event.seq !== expectedSeq) {
      return broken(event.seq, `Expected event #${expectedSeq} but found #${event.seq}: events were deleted, inserted or reordered`);
    }
    if (event.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return broken(event.seq, `Event #${event.seq} does not link to the event before it: the trail was rewritten from here`);
    }
    if (hashAuditEvent(event) !== event.hash) return broken(event.seq, `Event #${event.seq} was changed after it was recorded`);
    if (event.signature !== undefined && !(event.actorKey && verifyCanonical(event.actorKey, auditSignedPart(event), event.signature))) {
      return broken(event.seq, `Event #${event.seq} does not carry a valid signature of ${event.actor}`);
    }
    previous = event;
  }
  for (const anchor of [...anchors].sort((a, b) => b.seq - a.seq)) {
    const anchored = events[anchor.seq - 1];
    if (!anchored) {
      return broken(anchor.seq, `Event #${anchor.seq}, acknowledged by the scoring service, is missing: the trail was cut off after #${events.length}`);
    }
    if (anchored.hash !== anchor.hash) {
      return broken(anchor.seq, `Event #${anchor.seq} differs from the one the scoring service acknowledged: the trail was rewritten`);
    }
  }
  return { valid: true, count: events.length, headHash, brokenAtSeq: null, problem: null, anchors: anchorSummary };
}
