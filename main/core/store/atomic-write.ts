import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../api';

/** Why a file-system operation failed, as a code the UI words ("disk full") for the investigator. */
export type FileFailureCause = 'disk_full' | 'not_writable' | 'path_blocked' | 'locked' | 'other';

export function fileFailureCause(error: unknown): FileFailureCause {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not_writable';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'path_blocked';
  return 'other';
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
    const cause = fileFailureCause(error);
    const detail = cause === 'other' && error instanceof Error ? error.message : cause;
    throw new ApiError('unavailable', `Could not write ${what} to ${targetPath}: ${detail}`, { reason: 'file_write_failed', params: { path: targetPath, cause } });
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
