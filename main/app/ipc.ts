import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { apiMethodPaths, type ApiEnvelope, type ProgressEvent } from '../api';
import type { ApiDispatcher } from '../core/dispatcher';
import { isAppUrl } from './app-protocol';
import { apiChannel, methodListArgument, PROGRESS_CHANNEL } from './channels';

export const FORBIDDEN: ApiEnvelope<never> = {
  ok: false,
  error: { code: 'forbidden', reason: 'cross_origin', message: 'RingScope accepts calls only from its own window.' },
};

export interface IpcShellOptions {
  /** The investigator every call is made as, asked afresh per call (it changes on connect and demo switch). */
  user: () => string;
  /** The RingScope window's webContents, or null while no window is open. */
  appWebContents: () => WebContents | null;
}

/** Registers one invoke handler per contract method; each validates its sender, then the dispatcher validates the argument. */
export function registerApiHandlers(dispatcher: ApiDispatcher, options: IpcShellOptions): void {
  for (const { area, name, path } of apiMethodPaths) {
    ipcMain.handle(apiChannel(path), async (event, input: unknown) =>
      isFromAppMainFrame(event, options.appWebContents()) ? dispatcher.call(area, name, input, { user: options.user() }) : FORBIDDEN,
    );
  }
}

/** Only the top frame of the RingScope window, showing the app's own page, may call the core. */
export function isFromAppMainFrame(event: IpcMainInvokeEvent, appWebContents: WebContents | null): boolean {
  const frame = event.senderFrame;
  return (
    appWebContents !== null &&
    event.sender === appWebContents &&
    frame !== null &&
    frame === appWebContents.mainFrame &&
    isAppUrl(frame.url)
  );
}

/** The renderer argv that tells the preload which methods to expose: the contract's, all of them. */
export function preloadArguments(): string[] {
  return [methodListArgument(apiMethodPaths.map(({ path }) => path))];
}

/** Sends the core's progress events to the window; returns the function that stops forwarding. */
export function forwardProgress(dispatcher: ApiDispatcher, contents: WebContents): () => void {
  return dispatcher.onProgress((event: ProgressEvent) => {
    if (!contents.isDestroyed()) contents.send(PROGRESS_CHANNEL, event);
  });
}
