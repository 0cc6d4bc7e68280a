/**
 * The desktop bridge, exposed to the page as window.ringscope: one function per Api method,
 * grouped by area (ringscope.graph.search(input)), answering with the core's envelope, plus
 * ringscope.events.onProgress. Nothing else crosses: no ipcRenderer, no generic invoke(channel).
 * The method list comes from the main process (see channels.ts), so it always matches the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiChannel, FILES_CHANNELS, PROGRESS_CHANNEL, readMethodListArgument } from './channels';

type BridgeMethod = (input?: unknown) => Promise<unknown>;

const areas: Record<string, Record<string, BridgeMethod>> = {};
for (const path of readMethodListArgument(process.argv)) {
  const [area, name] = path.split('.');
  const channel = apiChannel(path);
  (areas[area] ??= {})[name] = (input) => ipcRenderer.invoke(channel, input);
}

const events = {
  /** Calls the listener with every progress event; returns the function that unsubscribes. */
  onProgress(listener: (event: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, progress: unknown) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
    };
  },
};

/** The system's save and open dialogs (validated in file-dialogs.ts); each answers with an envelope. */
const files = {
  save: (input: unknown) => ipcRenderer.invoke(FILES_CHANNELS.save, input),
  saveEvidence: (input: unknown) => ipcRenderer.invoke(FILES_CHANNELS.saveEvidence, input),
  openWorkspace: () => ipcRenderer.invoke(FILES_CHANNELS.openWorkspace, {}),
};

contextBridge.exposeInMainWorld('ringscope', { ...areas, events, files });
