import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../main/core/store/file-lock';

const tempDirs: string[] = [];
async function tempLockPath(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-lock-'));
  tempDirs.push(dir);
  return path.join(dir, 'investigation.jsonl.lock');
}
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function ageFile(file: string, seconds: number): Promise<void> {
  const past = new Date(Date.now() - seconds * 1000);
  await fs.utimes(file, past, past);
}

describe('file lock', () => {
  it('writes the holder pid and process start time into the lock while work runs', async () => {
    const lockPath = await tempLockPath();
    const seen = await withFileLock(lockPath, async () => JSON.parse(await fs.readFile(lockPath, 'utf8')) as Record<string, unknown>);
    expect(seen.pid).toBe(process.pid);
    expect(typeof seen.startedAt).toBe('string');
    expect(Math.abs(Date.parse(seen.startedAt as string) - (Date.now() - process.uptime() * 1000))).toBeLessThan(2000);
    await expect(fs.access(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never leaves an empty lock file visible to another process while it is being created', async () => {
    const lockPath = await tempLockPath();
    const observed: string[] = [];
    const watcher = (async () => {
      for (let i = 0; i < 200; i++) {
        const text = await fs.readFile(lockPath, 'utf8').catch(() => null);
        if (text !== null) observed.push(text);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let i = 0; i < 50; i++) await withFileLock(lockPath, async () => undefined);
    await watcher;
    expect(observed.filter((text) => text.trim() === '')).toEqual([]);
  });

  it('takes over an empty lock left by a crash once it is a few seconds old', async () => {
    const lockPath = await tempLockPath();
    await fs.writeFile(lockPath, '');
    await ageFile(lockPath, 10);
    await expect(withFileLock(lockPath, async () => 'ran', { timeoutMs: 1000 })).resolves.toBe('ran');
  });

  it('takes over a half-written lock once it is a few seconds old', async () => {
    const lockPath = await tempLockPath();
    await fs.writeFile(lockPath, '{"pid": 12');
    await ageFile(lockPath, 10);
    await expect(withFileLock(lockPath, async () => 'ran', { timeoutMs: 1000 })).resolves.toBe('ran');
  });

  it('waits for a fresh lock held by a live process instead of breaking it', async () => {
    const lockPath = await tempLockPath();
    await fs.writeFile(lockPath, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    await expect(withFileLock(lockPath, async () => 'ran', { timeoutMs: 300 })).rejects.toThrow(/locked/);
  });
});
