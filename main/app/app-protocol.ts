/**
 * Serves the built renderer from a custom app:// origin instead of file://, as Electron's security
 * checklist recommends: the page gets a real origin ('self' in the CSP means exactly the app's own
 * files), can reach nothing else on disk, and every response carries the CSP header.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ringscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;


/** True when a URL (or origin) belongs to the app itself: app://ringscope/…. */
export function isAppUrl(url: string): boolean {
  try {
    // Compared by parts: Node's URL reports the origin of a non-web scheme as "null".
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app:// URL to a file under the renderer folder, or null for anything outside it. */
export function resolveRendererFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  // Encoded separators ("%2e%2e%2f") survive URL normalisation, so containment is checked on the final path.
  return file.startsWith(root + path.sep) ? file : null;
}

/** Declares app:// a standard, secure scheme; Electron requires this before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers app:// requests from the renderer folder, adding the CSP header to every response. */
export function serveRendererOverAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      return new Response(response.body, { status: response.status, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
