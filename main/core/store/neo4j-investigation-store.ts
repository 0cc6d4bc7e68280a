/**
 * The Neo4j-mode InvestigationStore: cases, scoring deliveries and the audit trail as RingScope's
 * own nodes in the team's database, so every RingScope connected to it shares one review queue.
 *
 * Data model (every node also has `space`, see Neo4jInvestigationStoreOptions.space):
 * - (:RSCase {id, version, doc, status, title, assignee, createdBy, createdAt, updatedBy, updatedAt, submittedAt})
 *   `doc` is the whole Case as JSON: its blacklist tag, members, notes and reviews live in it,
 *   because they are only ever read and written with their case; the other properties are copies
 *   for people querying the graph in Cypher.
 * - (:RSOutbox {id, version, doc, caseId, state, nextAttemptAt, updatedBy, updatedAt}) likewise.
 * - (:RSAuditEvent {seq, at, actor, action, caseId, details (JSON), prevHash, actorKey, signature, hash}), one per event.
 * - (:RSAuditHead {seq, hash}): the last event's seq and hash, one per space.
 *
 * Concurrency: every commit is one WRITE transaction that first takes the write lock of the audit
 * head. Commits to a space therefore run one at a time across all clients, and the versions and
 * the last audit event read after the lock are current, so a stale version is always detected and
 * the chain stays linear. (A `WHERE c.version = $expected` alone would not do: Neo4j reads
 * committed data and does not re-check a predicate after waiting for a lock.) Reads take no lock.
 */
import { ApiError, type AuditEvent, type Case, type OutboxEntry } from '../../api';
import { graphQueries, statementsOf } from '../../../graph-queries/catalog';
import { GENESIS_HASH, sealAuditEvent } from '../audit/audit-chain';
import type { CatalogTransaction, Neo4jClient } from '../sources/neo4j/neo4j-client';
import { checkedWrite, storedCase, type CommittedChange, type InvestigationChange, type InvestigationStore } from './investigation-store';

export interface Neo4jInvestigationStoreOptions {
  /** The connection's client; the graph source owns it, so closing the store leaves it open. */
  client: Neo4jClient;
  /**
   * Which investigation state in the database this store sees. One team shares the default; the
   * integration tests give each test its own, so they never see each other's cases.
   */
  space?: string;
  now?: () => number;
}

type Noun = 'case' | 'delivery';

/** The investigation space every RingScope uses unless told otherwise. */
export const DEFAULT_INVESTIGATION_SPACE = 'default';

export class Neo4jInvestigationStore implements InvestigationStore {
  private readonly client: Neo4jClient;
  private readonly space: string;
  private readonly now: () => number;
  /** Constraints and the audit head, created once per store (idempotent, so racing clients are fine). */
  private ready: Promise<void> | null = null;

  constructor(options: Neo4jInvestigationStoreOptions) {
    this.client = options.client;
    this.space = options.space ?? DEFAULT_INVESTIGATION_SPACE;
    this.now = options.now ?? Date.now;
  }

  async getCase(id: string): Promise<Case | null> {
    const [row] = await this.read('investigation-case', () => this.client.read('investigation-case', { space: this.space, id }));
    return row ? storedCase(JSON.parse(row.doc) as Case) : null;
  }

  async listCases(): Promise<Case[]> {
    const rows = await this.read('cases', () => this.client.read('investigation-cases', { space: this.space }));
    return rows.map((row) => storedCase(JSON.parse(row.doc) as Case));
  }

  async listOutbox(): Promise<OutboxEntry[]> {
    const rows = await this.read('deliveries', () => this.client.read('investigation-outbox', { space: this.space }));
    return rows.map((row) => JSON.parse(row.doc) as OutboxEntry);
  }

  async listAudit(): Promise<AuditEvent[]> {
    const rows = await this.read('audit trail', () => this.client.read('investigation-audit', { space: this.space }));
    return rows.map(toAuditEvent);
  }

  async commit(change: InvestigationChange): Promise<CommittedChange> {
    try {
      await this.ensureReady();
      return await this.client.writeTransaction((tx) => this.commitIn(tx, change));
    } catch (error) {
      throw this.storageError(error, 'save');
    }
  }

  /** Nothing to release: the client belongs to the graph source. */
  async close(): Promise<void> {}

  private async commitIn(tx: CatalogTransaction, change: InvestigationChange): Promise<CommittedChange> {
    const space = this.space;
    const [head] = await tx.run('investigation-lock-head', { space });
    if (!head) throw new Error('the audit head node is missing');

    const caseWrites = change.cases ?? [];
    const outboxWrites = change.outbox ?? [];
    const stored = await tx.run('investigation-versions', {
      space,
      caseIds: caseWrites.map((write) => write.doc.id),
      outboxIds: outboxWrites.map((write) => write.doc.id),
    });
    const current = (kind: Noun, id: string) => stored.find((row) => row.kind === kind && row.id === id);
    const cases = caseWrites.map((write) => checkedWrite(write, current('case', write.doc.id), 'case'));
    const outbox = outboxWrites.map((write) => checkedWrite(write, current('delivery', write.doc.id), 'delivery'));

    const at = new Date(this.now()).toISOString();
    const audit: AuditEvent[] = [];
    let previous = head.last ? toAuditEvent(head.last) : null;
    for (const draft of change.audit ?? []) {
      previous = sealAuditEvent(draft, previous, at);
      audit.push(previous);
    }

    if (cases.length) await tx.run('investigation-save-cases', { space, cases: cases.map(caseRow) });
    if (outbox.length) await tx.run('investigation-save-outbox', { space, entries: outbox.map(outboxRow) });
    await tx.run('investigation-append-audit', {
      space,
      events: audit.map((event) => ({ actorKey: null, signature: null, ...event, details: JSON.stringify(event.details) })),
      headSeq: previous?.seq ?? head.seq,
      headHash: previous?.hash ?? GENESIS_HASH,
    });
    return structuredClone({ cases, outbox, audit });
  }

  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      for (const statement of statementsOf(graphQueries['investigation-constraints'].text)) await this.client.writeStatement(statement);
      await this.client.write('investigation-ensure-head', { space: this.space, genesisHash: GENESIS_HASH });
    })().catch((error: unknown) => {
      // Let the next call try again (the server may have been down, or the user lacked rights).
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async read<T>(what: string, query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw this.storageError(error, 'read', what);
    }
  }

  /** Conflicts and not-found pass through; anything else becomes `unavailable` naming the server and reason. */
  private storageError(error: unknown, verb: 'save' | 'read', what = 'investigation data'): ApiError {
    if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'not_found')) return error;
    const reason = error instanceof Error ? error.message : String(error);
    const { uri, database } = this.client.connection;
    return new ApiError('unavailable', `Could not ${verb} ${what} in Neo4j at ${uri}${database ? `/${database}` : ''}: ${reason}`, { reason: 'storage_failed', params: { operation: verb, place: `${uri}${database ? `/${database}` : ''}` } });
  }
}


function caseRow(item: Case): Record<string, unknown> {
  const { id, version, status, title, assignee, createdBy, createdAt, updatedBy, updatedAt, submittedAt } = item;
  return { id, version, status, title, assignee, createdBy, createdAt, updatedBy, updatedAt, submittedAt, doc: JSON.stringify(item) };
}

function outboxRow(entry: OutboxEntry): Record<string, unknown> {
  const { id, version, caseId, state, nextAttemptAt, updatedBy, updatedAt } = entry;
  return { id, version, caseId, state, nextAttemptAt, updatedBy, updatedAt, doc: JSON.stringify(entry) };
}

function toAuditEvent(stored: { details: string; actorKey?: string | null; signature?: string | null } & Omit<AuditEvent, 'details' | 'actorKey' | 'signature'>): AuditEvent {
  const { actorKey, signature, ...event } = stored;
  // An unsigned event has no signature fields at all, so it hashes as it was sealed.
  return { ...event, details: JSON.parse(stored.details) as Record<string, unknown>, ...(actorKey && signature ? { actorKey, signature } : {}) };
}
