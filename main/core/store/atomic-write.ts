import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../api';

/** Why a write failed, in words an investigator can act on. */
function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'the folder is not writable';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the exports folder';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes `content` to `targetPath` so that the file is either complete or absent, and stays so
 * after a power cut: a temporary owner-only file in the same (owner-only) folder, fsync, rename
 * (atomic on one file system), then fsync of the folder so the rename itself is on disk. Any
 * failure removes the temporary file and throws unavailable naming the path and the cause.
 */
export async function writeFileAtomically(targetPath: string, content: Buffer | string, what: string): Promise<void> {
  const folder = path.dirname(targetPath);
  const temporaryPath = path.join(folder, `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    const handle = await fs.open(temporaryPath, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporaryPath, targetPath);
    await syncFolder(folder);
  } catch (error) {
    await fs.rm(temporaryPath, { force: true }).catch(() => undefined);
    throw new ApiError('unavailable', `Could not write ${what} to ${targetPath}: ${describeWriteFailure(error)}`);
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
