import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built renderer from `root`. Paths are resolved and checked to stay inside root
 * (no ../ escapes); unknown paths fall back to index.html so the single-page app can route.
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const decoded = safeDecode(urlPath);
  const requested = path.resolve(root, '.' + (decoded === '/' ? '/index.html' : decoded));
  const inside = requested === root || requested.startsWith(root + path.sep);
  const file = inside && (await isFile(requested)) ? requested : path.join(root, 'index.html');
  if (!(await isFile(file))) {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('The renderer is not built yet: run `npm run build` first.');
    return;
  }
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(response);
}

function safeDecode(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return '/';
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
