import { ApiError, type AuditEvent, type Case, type OutboxEntry } from '../../api';
import type { AuditDraft } from '../audit/audit-chain';

/**
 * A document write checked against the version the writer read: 0 creates a new document,
 * anything else must equal the stored version. The store writes `doc` with version + 1.
 */
export interface VersionedWrite<T extends { id: string; version: number }> {
  doc: T;
  expectedVersion: number;
}

/**
 * One atomic change to investigation state: case and outbox writes plus audit events, all applied
 * or none. Putting the outbox entry in the same change as the approval is what makes the scoring
 * push durable: an approved decision can never exist without its delivery being queued.
 */
export interface InvestigationChange {
  cases?: VersionedWrite<Case>[];
  outbox?: VersionedWrite<OutboxEntry>[];
  /** Sealed by the store into its hash chain, in this order, after any earlier event. */
  audit?: AuditDraft[];
}

export interface CommittedChange {
  cases: Case[];
  outbox: OutboxEntry[];
  audit: AuditEvent[];
}

/**
 * Where cases, outbox entries and the audit trail live: a file store in the user data directory
 * (embedded mode) or RingScope's own labels in Neo4j (:RSCase, :RSOutbox, :RSAuditEvent), shared
 * by every RingScope that uses it. Implementations must
 * - apply a commit atomically and durably, or throw without changing anything;
 * - reject a stale expectedVersion with ApiError('conflict', 'This case was changed by <user> at <time>; reload it'),
 *   never overwrite silently, even when another process wrote in between;
 * - seal audit drafts with sealAuditEvent after the stored head, so the chain stays valid across writers;
 * - report storage failures as ApiError('unavailable', 'Could not save …: <reason>').
 * tests/support/investigation-store-contract.ts checks all of this against any implementation.
 */
export interface InvestigationStore {
  getCase(id: string): Promise<Case | null>;
  listCases(): Promise<Case[]>;
  listOutbox(): Promise<OutboxEntry[]>;
  /** The whole trail in seq order. */
  listAudit(): Promise<AuditEvent[]>;
  commit(change: InvestigationChange): Promise<CommittedChange>;
  close(): Promise<void>;
}

/**
 * The optimistic-concurrency rule every store applies inside its commit: the write must name the
 * version it was based on (0 for a new document); it then gets the next version, else a conflict
 * that says who changed the document and when.
 */
export function checkedWrite<T extends Case | OutboxEntry>(
  write: VersionedWrite<T>,
  current: { version: number; updatedBy: string; updatedAt: string } | undefined,
  noun: 'case' | 'delivery',
): T {
  const currentVersion = current?.version ?? 0;
  if (write.expectedVersion !== currentVersion) {
    if (!current) throw new ApiError('not_found', `No ${noun} ${write.doc.id}`, { reason: 'record_missing', params: { kind: noun, id: write.doc.id } });
    if (write.expectedVersion === 0) throw new ApiError('conflict', `A ${noun} with id ${write.doc.id} already exists`, { reason: 'already_exists', params: { kind: noun, id: write.doc.id } });
    throw new ApiError('conflict', `This ${noun} was changed by ${current.updatedBy} at ${current.updatedAt}; reload it`, { reason: 'stale_version', params: { updatedBy: current.updatedBy, updatedAt: current.updatedAt } });
  }
  return { ...write.doc, version: currentVersion + 1 };
}

/** A case as read from either store: fields added after it was written get their defaults (named views came later). */
export function storedCase(doc: Case): Case {
  return { ...doc, views: doc.views ?? [], chosenViewId: doc.chosenViewId ?? null };
}
