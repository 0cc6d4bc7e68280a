/**
 * The desktop shell's file dialogs: exports and workspaces go through the system's save and open
 * dialogs there (in browser mode they stay downloads and a file input). Not part of the Api: only
 * the Electron shell offers them, as window.ringscope.files; main/app validates every call with these.
 */
import { z } from 'zod';
import { EvidenceFileName } from './evidence';

/** What is being saved: picks the dialog's file type filter. */
export const SAVE_FILE_KINDS = ['png', 'svg', 'csv', 'workspace'] as const;
export type SaveFileKind = (typeof SAVE_FILE_KINDS)[number];

/** The largest file the renderer hands over to save (a 4× PNG of a big canvas stays well under it). */
export const MAX_SAVED_FILE_BYTES = 64 * 1024 * 1024;
/** The largest workspace file the open dialog reads. */
export const MAX_OPENED_WORKSPACE_BYTES = 32 * 1024 * 1024;

/** A name, not a path: the dialog decides the folder. */
const FileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'must be a file name without a folder');

export const SaveFileInput = z.strictObject({
  suggestedName: FileName,
  kind: z.enum(SAVE_FILE_KINDS),
  /** The file's bytes, base64. */
  contentBase64: z.base64().max(Math.ceil(MAX_SAVED_FILE_BYTES / 3) * 4),
});
export type SaveFileInput = z.infer<typeof SaveFileInput>;

/** Saves a copy of an evidence package from the exports folder where the user chooses. */
export const SaveEvidenceInput = z.strictObject({ fileName: EvidenceFileName });
export type SaveEvidenceInput = z.infer<typeof SaveEvidenceInput>;

/** path null: the user cancelled the dialog. */
export const SaveFileResult = z.strictObject({ path: z.string().nullable() });
export type SaveFileResult = z.infer<typeof SaveFileResult>;

/** null: the user cancelled the dialog. */
export const OpenWorkspaceResult = z.strictObject({ name: z.string(), text: z.string() }).nullable();
export type OpenWorkspaceResult = z.infer<typeof OpenWorkspaceResult>;
