import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type AuditEvent, type Case, type OutboxEntry } from '../../api';
import { sealAuditEvent } from '../audit/audit-chain';
import { fileFailureCause } from './atomic-write';
import { FileLockTimeoutError, withFileLock } from './file-lock';
import { checkedWrite, storedCase, type CommittedChange, type InvestigationChange, type InvestigationStore } from './investigation-store';

/** The parts of node:fs/promises the store uses; tests pass a wrapper that fails like a full disk. */
export type StoreFileSystem = Pick<typeof nodeFs, 'open' | 'mkdir' | 'truncate' | 'chmod'>;

export interface FileInvestigationStoreOptions {
  /** The user data directory; the store keeps investigation.jsonl and its lock file there. */
  dataDir: string;
  now?: () => number;
  fs?: StoreFileSystem;
}

/** One line of the log: everything one commit wrote, so a commit is one append. */
interface LogRecord {
  cases?: Case[];
  outbox?: OutboxEntry[];
  audit?: AuditEvent[];
}

const LOG_FILE = 'investigation.jsonl';

/**
 * The embedded-mode store: an append-only JSON-lines log in the data directory, one line per
 * commit, replayed into memory. Every commit takes an exclusive lock file, catches up with lines
 * other processes appended, checks versions, appends and fsyncs; a failed append is truncated
 * away, so the log never holds half a commit. Reads only consume complete lines, so they need no lock.
 */
export class FileInvestigationStore implements InvestigationStore {
  private readonly logPath: string;
  private readonly lockPath: string;
  private readonly now: () => number;
  private readonly fs: StoreFileSystem;
  private cases = new Map<string, Case>();
  private outbox = new Map<string, OutboxEntry>();
  private audit: AuditEvent[] = [];
  /** Bytes of the log already applied to the maps above. */
  private appliedBytes = 0;
  /** Whether this instance made the data folder and log owner-only (an older version left them readable by all). */
  private secured = false;
  /** Serialises this instance's operations; other processes are kept out by the lock file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FileInvestigationStoreOptions) {
    this.logPath = path.join(options.dataDir, LOG_FILE);
    this.lockPath = `${this.logPath}.lock`;
    this.now = options.now ?? Date.now;
    this.fs = options.fs ?? nodeFs;
  }

  getCase(id: string): Promise<Case | null> {
    return this.read(() => {
      const found = this.cases.get(id);
      return found ? storedCase(structuredClone(found)) : null;
    });
  }

  listCases(): Promise<Case[]> {
    return this.read(() => structuredClone([...this.cases.values()]).map(storedCase));
  }

  listOutbox(): Promise<OutboxEntry[]> {
    return this.read(() => structuredClone([...this.outbox.values()]));
  }

  listAudit(): Promise<AuditEvent[]> {
    return this.read(() => structuredClone(this.audit));
  }

  commit(change: InvestigationChange): Promise<CommittedChange> {
    return this.serialised(async () => {
      try {
        await this.fs.mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
        if (!this.secured) await this.secure();
        return await withFileLock(this.lockPath, () => this.commitLocked(change));
      } catch (error) {
        throw this.storageError(error);
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private async commitLocked(change: InvestigationChange): Promise<CommittedChange> {
    await this.catchUp({ dropPartialTail: true });
    const cases = (change.cases ?? []).map((write) => checkedWrite(write, this.cases.get(write.doc.id), 'case'));
    const outbox = (change.outbox ?? []).map((write) => checkedWrite(write, this.outbox.get(write.doc.id), 'delivery'));
    const at = new Date(this.now()).toISOString();
    const audit: AuditEvent[] = [];
    for (const draft of change.audit ?? []) audit.push(sealAuditEvent(draft, audit.at(-1) ?? this.audit.at(-1) ?? null, at));

    const record: LogRecord = { cases, outbox, audit };
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const handle = await this.fs.open(this.logPath, 'a', 0o600);
    try {
      await handle.appendFile(line);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      // Cut off whatever part of the line reached the disk, so no reader ever sees half a commit.
      await this.fs.truncate(this.logPath, this.appliedBytes).catch(() => undefined);
      throw error;
    }
    await handle.close();
    this.apply(record);
    this.appliedBytes += line.length;
    return structuredClone({ cases, outbox, audit });
  }

  private async secure(): Promise<void> {
    await this.fs.chmod(this.options.dataDir, 0o700);
    await this.fs.chmod(this.logPath, 0o600).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.secured = true;
  }

  private read<T>(pick: () => T): Promise<T> {
    return this.serialised(async () => {
      try {
        await this.catchUp({ dropPartialTail: false });
      } catch (error) {
        throw this.storageError(error, 'read');
      }
      return pick();
    });
  }

  private serialised<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Applies complete lines other writers (or an earlier run) appended since the last look. */
  private async catchUp({ dropPartialTail }: { dropPartialTail: boolean }): Promise<void> {
    let handle: nodeFs.FileHandle;
    try {
      handle = await this.fs.open(this.logPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let unread: Buffer;
    try {
      const { size } = await handle.stat();
      unread = Buffer.alloc(Math.max(0, size - this.appliedBytes));
      if (unread.length) await handle.read(unread, 0, unread.length, this.appliedBytes);
    } finally {
      await handle.close();
    }
    const complete = unread.lastIndexOf(0x0a) + 1;
    for (const line of unread.subarray(0, complete).toString('utf8').split('\n')) {
      if (line.trim()) this.apply(JSON.parse(line) as LogRecord);
    }
    this.appliedBytes += complete;
    // Only a lock holder may drop a tail: without the lock it may be a line still being written.
    if (dropPartialTail && complete < unread.length) await this.fs.truncate(this.logPath, this.appliedBytes);
  }

  private apply(record: LogRecord): void {
    for (const item of record.cases ?? []) this.cases.set(item.id, item);
    for (const item of record.outbox ?? []) this.outbox.set(item.id, item);
    this.audit.push(...(record.audit ?? []));
  }

  private storageError(error: unknown, verb: 'save' | 'read' = 'save'): Error {
    if (error instanceof ApiError) return error;
    const cause = error instanceof FileLockTimeoutError ? 'locked' : fileFailureCause(error);
    const detail = error instanceof Error ? error.message : String(error);
    return new ApiError('unavailable', `Could not ${verb} investigation data in ${this.options.dataDir}: ${detail}`, {
      reason: 'storage_failed',
      params: { operation: verb, place: this.options.dataDir, cause },
    });
  }
}
