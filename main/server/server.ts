import { createReadStream } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApiError, CONTENT_SECURITY_POLICY, EVIDENCE_FILE_NAME, type ApiEnvelope, type ProgressEvent } from '../api';
import type { RingScopeCore } from '../core/bootstrap';
import { HTTP_STATUS_BY_CODE } from './http-status';
import { serveStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

export interface ServerOptions {
  core: RingScopeCore;
  port: number;
  /** Loopback only: the browser mode is a local tool, never a network service. */
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** Folder of the built renderer (dist/renderer). */
  rendererDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer at `/`, each Api method at `POST /api/<area>/<method>`,
 * progress as Server-Sent Events at `GET /api/events`, and `GET /api/health` for people and probes.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = path.resolve(options.rendererDir ?? path.join(__dirname, '..', '..', 'renderer'));
  const eventStreams = new Set<ServerResponse>();
  const stopForwarding = options.core.dispatcher.onProgress((event) => broadcast(eventStreams, event));

  const server = http.createServer((request, response) => {
    setSecurityHeaders(response);
    handle(request, response).catch((error: unknown) => {
      sendEnvelope(response, { ok: false, error: new ApiError('internal', errorMessage(error)).toBody() });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (!isLoopbackHost(request.headers.host)) {
      // A page on another site resolving its name to 127.0.0.1 (DNS rebinding) must not reach the Api.
      return sendEnvelope(response, { ok: false, error: { code: 'forbidden', message: 'RingScope only answers requests addressed to the loopback interface' } });
    }
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendEnvelope(response, notFound(url.pathname));
      return serveStatic(rendererDir, url.pathname, response);
    }
    if (request.method === 'GET' && url.pathname === '/api/health') {
      const envelope = await options.core.dispatcher.call('system', 'health', {}, { user: options.core.currentUser() });
      return sendJson(response, envelope.ok ? 200 : 503, envelope.ok ? envelope.value : envelope);
    }
    if (request.method === 'GET' && url.pathname === '/api/events') return openEventStream(request, response, eventStreams);
    if (request.method === 'GET' && url.pathname.startsWith(EVIDENCE_DOWNLOAD_PREFIX)) {
      return sendEvidencePackage(options.core, url.pathname.slice(EVIDENCE_DOWNLOAD_PREFIX.length), response);
    }

    const match = /^\/api\/([a-zA-Z]+)\/([a-zA-Z]+)$/.exec(url.pathname);
    if (!match || request.method !== 'POST') return sendEnvelope(response, notFound(url.pathname));
    if (!isSameOrigin(request)) {
      return sendEnvelope(response, { ok: false, error: { code: 'forbidden', message: 'Cross-origin calls to the RingScope Api are refused' } });
    }
    const body = await readJsonBody(request);
    if (!body.ok) return sendEnvelope(response, body);
    return sendEnvelope(response, await options.core.dispatcher.call(match[1], match[2], body.value, { user: options.core.currentUser() }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => eventStreams.forEach((stream) => stream.write(': keep-alive\n\n')), SSE_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    port,
    close: async () => {
      clearInterval(heartbeat);
      stopForwarding();
      eventStreams.forEach((stream) => stream.end());
      eventStreams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const EVIDENCE_DOWNLOAD_PREFIX = '/api/evidence/download/';

/** Streams a package from the exports folder as an attachment; only names of packages are accepted, so no path escapes it. */
async function sendEvidencePackage(core: RingScopeCore, fileName: string, response: ServerResponse): Promise<void> {
  if (!EVIDENCE_FILE_NAME.test(fileName)) return sendEnvelope(response, notFound(`${EVIDENCE_DOWNLOAD_PREFIX}${fileName}`));
  let packagePath: string;
  try {
    packagePath = await core.evidence.packagePath(fileName);
  } catch (error) {
    return sendEnvelope(response, { ok: false, error: (error instanceof ApiError ? error : new ApiError('internal', errorMessage(error))).toBody() });
  }
  response.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' });
  createReadStream(packagePath).on('error', () => response.destroy()).pipe(response);
}

function openEventStream(request: IncomingMessage, response: ServerResponse, streams: Set<ServerResponse>): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  response.write(': connected\n\n');
  streams.add(response);
  request.on('close', () => streams.delete(response));
}

function broadcast(streams: Set<ServerResponse>, event: ProgressEvent): void {
  const frame = `event: progress\ndata: ${JSON.stringify(event)}\n\n`;
  streams.forEach((stream) => stream.write(frame));
}

async function readJsonBody(request: IncomingMessage): Promise<ApiEnvelope<unknown>> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) {
    return { ok: false, error: { code: 'invalid_input', message: 'Send the call arguments as JSON (Content-Type: application/json)' } };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, error: { code: 'invalid_input', message: 'Request body is larger than 1 MiB' } };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: { code: 'invalid_input', message: 'Request body is not valid JSON' } };
  }
}

function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const hostname = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** Browsers send Origin on cross-site POSTs; only the page this server served may call the Api. */
function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
}

function notFound(pathname: string): ApiEnvelope<never> {
  return { ok: false, error: { code: 'not_found', message: `No such endpoint: ${pathname}` } };
}

function sendEnvelope(response: ServerResponse, envelope: ApiEnvelope<unknown>): void {
  sendJson(response, envelope.ok ? 200 : HTTP_STATUS_BY_CODE[envelope.error.code], envelope);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
