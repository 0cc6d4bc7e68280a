import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLockOptions {
  /** Give up waiting after this long (a holder keeps the lock for milliseconds). */
  timeoutMs?: number;
  /** A lock older than this, or held by a process that no longer exists, is taken over. */
  staleMs?: number;
}

/** Another process held the lock for longer than the caller would wait. */
export class FileLockTimeoutError extends Error {}

/** An empty or unreadable lock this old cannot be one being created (creation is atomic): a crash left it. */
const UNREADABLE_LOCK_STALE_MS = 3_000;
/** When this process started: with the pid it tells a live holder from a reused pid in a post-mortem. */
const PROCESS_STARTED_AT = new Date(Date.now() - process.uptime() * 1000).toISOString();

/**
 * Runs `work` while holding an exclusive lock file, so two RingScope processes on one data
 * directory (an analyst's and a lead's, in browser mode) never interleave a read-check-append.
 * The lock file appears complete or not at all: its content (pid, process start time) is written to
 * a private file that is then hard-linked to the lock path, which fails if the lock exists. Waiting
 * backs off with jitter. A crashed holder's lock is recovered when its pid is gone or it is older
 * than staleMs; an empty or unreadable lock (left by an older version or a broken disk) after a few seconds.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const giveUpAt = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await createLockFile(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await removeIfStale(lockPath, staleMs)) continue;
      if (Date.now() > giveUpAt) {
        throw new FileLockTimeoutError(`the data directory is locked by another RingScope (${lockPath}) for more than ${timeoutMs / 1000} s`);
      }
      await sleep(Math.random() * Math.min(100, 2 * 2 ** Math.min(attempt, 6)));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

async function createLockFile(lockPath: string): Promise<void> {
  const draft = `${lockPath}.${process.pid}-${randomBytes(6).toString('hex')}`;
  const holder = { pid: process.pid, startedAt: PROCESS_STARTED_AT, at: new Date().toISOString() };
  try {
    await fs.writeFile(draft, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
    await fs.link(draft, lockPath);
  } finally {
    await fs.rm(draft, { force: true });
  }
}

async function removeIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  let text: string;
  let ageMs: number;
  try {
    const [content, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    text = content;
    ageMs = Date.now() - stat.mtimeMs;
  } catch {
    // Gone already: released between our open and read.
    return false;
  }
  const pid = holderPid(text);
  const stale = pid === undefined ? ageMs >= UNREADABLE_LOCK_STALE_MS : ageMs >= staleMs || !isAlive(pid);
  if (!stale) return false;
  // Rename first: of two processes breaking the same stale lock, only one rename succeeds.
  const claimed = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await fs.rename(lockPath, claimed);
  } catch {
    return false;
  }
  await fs.rm(claimed, { force: true });
  return true;
}

function holderPid(text: string): number | undefined {
  try {
    const pid = (JSON.parse(text) as { pid?: unknown } | null)?.pid;
    return Number.isSafeInteger(pid) ? (pid as number) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
