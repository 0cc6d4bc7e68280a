import {
  ApiError,
  type ApiArea,
  type ApiEnvelope,
  type ApiInput,
  type ApiMethodName,
  type ApiOutput,
  type OpenWorkspaceResult,
  type ProgressEvent,
  type Api,
  type SaveEvidenceInput,
  type SaveFileInput,
  type SaveFileResult,
} from '../../main/api';
import { buildApi, unwrapEnvelope } from './envelope';

/**
 * What the Electron preload exposes as `window.ringscope`: the Api's methods grouped by area,
 * each answering with an envelope (never a thrown IPC error), plus progress events.
 */
export type RingScopePreloadBridge = {
  [A in ApiArea]: { [M in ApiMethodName<A>]: (input: ApiInput<A, M>) => Promise<ApiEnvelope<ApiOutput<A, M>>> };
} & {
  events: { onProgress(listener: (event: ProgressEvent) => void): () => void };
  /** The system's save and open dialogs (main/app/file-dialogs.ts). */
  files: {
    save(input: SaveFileInput): Promise<ApiEnvelope<SaveFileResult>>;
    saveEvidence(input: SaveEvidenceInput): Promise<ApiEnvelope<SaveFileResult>>;
    openWorkspace(): Promise<ApiEnvelope<OpenWorkspaceResult>>;
  };
};

declare global {
  interface Window {
    /** Present only in the desktop shell (set by the preload through contextBridge). */
    ringscope?: RingScopePreloadBridge;
  }
}

/** The Api over the Electron preload bridge (desktop shell). */
export function createDesktopBridge(bridge: RingScopePreloadBridge | undefined = globalThis.window?.ringscope): Api {
  if (!bridge) throw new Error('createDesktopBridge needs window.ringscope, which only the desktop shell provides');
  const areas = bridge as unknown as Record<string, Record<string, ((input: unknown) => Promise<unknown>) | undefined>>;

  async function call(area: string, name: string, input: unknown): Promise<unknown> {
    const method = areas[area]?.[name];
    if (!method) throw new ApiError('not_found', `This RingScope desktop build does not offer ${area}.${name}`, { reason: 'method_unknown', params: { method: `${area}.${name}` } });
    let envelope: unknown;
    try {
      envelope = await method(input);
    } catch (error) {
      // The preload answers with envelopes; a rejection means the IPC channel itself failed.
      throw new ApiError('unavailable', `The RingScope main process did not answer ${area}.${name}: ${error instanceof Error ? error.message : String(error)}`, {
        reason: 'server_unreachable',
      });
    }
    return unwrapEnvelope(envelope);
  }

  return buildApi(call, (listener) => bridge.events.onProgress(listener));
}
