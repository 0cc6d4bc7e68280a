import type { Api } from '../../main/api';
import { createBrowserBridge } from './browser-bridge';
import { createDesktopBridge } from './desktop-bridge';

/** The Api for whichever shell loaded the page: the preload bridge in the desktop app, HTTP otherwise. */
export function createApiForCurrentShell(): Api {
  return window.ringscope ? createDesktopBridge(window.ringscope) : createBrowserBridge();
}
