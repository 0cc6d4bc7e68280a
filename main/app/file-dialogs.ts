/**
 * The desktop shell's save and open dialogs (window.ringscope.files): exports and workspace files
 * go where the user chooses in the system dialog. Each call is checked like an Api call: from the
 * app's own window only, its input validated against main/api/desktop-files.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type FileFilter } from 'electron';
import { z } from 'zod';
import {
  ApiError,
  invalidInputError,
  MAX_OPENED_WORKSPACE_BYTES,
  SaveEvidenceInput,
  SaveFileInput,
  type ApiEnvelope,
  type OpenWorkspaceResult,
  type SaveFileKind,
  type SaveFileResult,
} from '../api';
import { writeFileAtomically } from '../core/store/atomic-write';
import { FILES_CHANNELS } from './channels';
import { FORBIDDEN, isFromAppMainFrame } from './ipc';

export interface FileDialogOptions {
  /** The RingScope window (the dialogs are modal to it), or null while none is open. */
  appWindow: () => BrowserWindow | null;
  /** Where an exported evidence package is (the core's exports folder). */
  evidencePackagePath: (fileName: string) => Promise<string>;
}

const FILTERS: Record<SaveFileKind | 'evidence', FileFilter> = {
  png: { name: 'PNG', extensions: ['png'] },
  svg: { name: 'SVG', extensions: ['svg'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  workspace: { name: 'RingScope workspace', extensions: ['ringscope'] },
  evidence: { name: 'Evidence package', extensions: ['zip'] },
};

/** Registers the save, save-evidence and open-workspace dialogs on their channels. */
export function registerFileDialogs(options: FileDialogOptions): void {
  const handle = <S extends z.ZodType, T>(channel: string, schema: S, run: (input: z.output<S>, window: BrowserWindow) => Promise<T>) =>
    ipcMain.handle(channel, async (event, raw: unknown): Promise<ApiEnvelope<T>> => {
      const window = options.appWindow();
      if (!window || !isFromAppMainFrame(event, window.webContents)) return FORBIDDEN;
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, error: invalidInputError(channel, parsed.error).toBody() };
      try {
        return { ok: true, value: await run(parsed.data, window) };
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError('internal', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`, { reason: 'internal_error' });
        return { ok: false, error: failure.toBody() };
      }
    });

  handle(FILES_CHANNELS.save, SaveFileInput, async (input, window): Promise<SaveFileResult> => {
    const target = await chooseSavePath(window, input.suggestedName, FILTERS[input.kind]);
    if (target) await writeFileAtomically(target, Buffer.from(input.contentBase64, 'base64'), 'the export');
    return { path: target };
  });

  handle(FILES_CHANNELS.saveEvidence, SaveEvidenceInput, async ({ fileName }, window): Promise<SaveFileResult> => {
    const packagePath = await options.evidencePackagePath(fileName);
    const target = await chooseSavePath(window, fileName, FILTERS.evidence);
    if (target) await writeFileAtomically(target, await fs.readFile(packagePath), 'the evidence package');
    return { path: target };
  });

  handle(FILES_CHANNELS.openWorkspace, z.strictObject({}), async (_input, window): Promise<OpenWorkspaceResult> => {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: [FILTERS.workspace, { name: 'JSON', extensions: ['json'] }] });
    if (canceled || !filePaths[0]) return null;
    const { size } = await fs.stat(filePaths[0]);
    if (size > MAX_OPENED_WORKSPACE_BYTES) {
      throw new ApiError('invalid_input', `${filePaths[0]} is larger than ${MAX_OPENED_WORKSPACE_BYTES} bytes`, { reason: 'body_too_large', params: { maxBytes: MAX_OPENED_WORKSPACE_BYTES } });
    }
    return { name: path.basename(filePaths[0]), text: await fs.readFile(filePaths[0], 'utf8') };
  });
}

/** The path the user chose in the save dialog (starting in Downloads with the suggested name), or null when cancelled. */
async function chooseSavePath(window: BrowserWindow, suggestedName: string, filter: FileFilter): Promise<string | null> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, { defaultPath: path.join(app.getPath('downloads'), suggestedName), filters: [filter] });
  return canceled || !filePath ? null : filePath;
}
