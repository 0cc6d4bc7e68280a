/**
 * Where exports and workspace files go: in the desktop shell through the system's save and open
 * dialogs (window.ringscope.files), in browser mode as downloads and a file input.
 */
import type { OpenWorkspaceResult, SaveFileKind, SaveFileResult } from '../../main/api';
import { unwrapEnvelope } from './envelope';

/** The desktop shell's file dialogs, or null in browser mode. */
function desktopFiles() {
  return globalThis.window?.ringscope?.files ?? null;
}

/** Whether the page runs in the desktop shell (which has save and open dialogs). */
export const isDesktopShell = (): boolean => desktopFiles() !== null;

/** Offers `blob` as a download (browser mode). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves an export: the save dialog in the desktop shell (resolves false when the user cancels it),
 * a download in the browser (resolves true: the browser decides the rest).
 */
export async function saveExport(blob: Blob, fileName: string, kind: SaveFileKind): Promise<boolean> {
  const files = desktopFiles();
  if (!files) {
    downloadBlob(blob, fileName);
    return true;
  }
  const contentBase64 = await blobBase64(blob);
  return unwrapEnvelope<SaveFileResult>(await files.save({ suggestedName: fileName, kind, contentBase64 })).path !== null;
}

/** Desktop shell: saves a copy of an exported evidence package where the user chooses; the path, or null when cancelled. */
export async function saveEvidenceCopy(fileName: string): Promise<string | null> {
  const files = desktopFiles();
  if (!files) throw new Error('saveEvidenceCopy needs the desktop shell');
  return unwrapEnvelope<SaveFileResult>(await files.saveEvidence({ fileName })).path;
}

/** Desktop shell: the workspace file chosen in the open dialog, or null when cancelled. */
export async function openWorkspaceDialog(): Promise<OpenWorkspaceResult> {
  const files = desktopFiles();
  if (!files) throw new Error('openWorkspaceDialog needs the desktop shell');
  return unwrapEnvelope<OpenWorkspaceResult>(await files.openWorkspace());
}

async function blobBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode takes its bytes as arguments, and a large export would overflow the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
