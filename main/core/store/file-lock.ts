import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLockOptions {
  /** Give up waiting after this long (a holder keeps the lock for milliseconds). */
  timeoutMs?: number;
  /** A lock older than this, or held by a process that no longer exists, is taken over. */
  staleMs?: number;
}

/**
 * Runs `work` while holding an exclusive lock file, so two RingScope processes on one data
 * directory (an analyst's and a lead's, in browser mode) never interleave a read-check-append.
 * The lock is a file created with O_EXCL ('wx'), holding the owner's pid; waiting backs off with
 * jitter. A crashed holder's lock is recovered when its pid is gone or it is older than staleMs.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const giveUpAt = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await removeIfStale(lockPath, staleMs)) continue;
      if (Date.now() > giveUpAt) {
        throw new Error(`the data directory is locked by another RingScope (${lockPath}) for more than ${timeoutMs / 1000} s`);
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

async function removeIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  let holder: { pid?: number };
  let ageMs: number;
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    ageMs = Date.now() - stat.mtimeMs;
    holder = text ? (JSON.parse(text) as { pid?: number }) : {};
  } catch {
    // Gone already (released between our open and read), or half-written by a holder just now: not stale.
    return false;
  }
  if (ageMs < staleMs && (holder.pid === undefined || isAlive(holder.pid))) return false;
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
