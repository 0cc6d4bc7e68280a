import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  ApiError,
  CONTENT_SECURITY_POLICY,
  EVIDENCE_FILE_NAME,
  type ApiEnvelope,
  type ApiErrorCode,
  type ApiErrorParams,
  type ApiErrorReason,
  type ProgressEvent,
} from '../api';
import type { RingScopeCore } from '../core/bootstrap';
import { HTTP_STATUS_BY_CODE } from './http-status';
import { serveStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;
/** A few tabs' worth of event streams; more is a runaway or hostile client holding sockets open. */
const MAX_EVENT_STREAMS = 16;

export interface ServerOptions {
  core: RingScopeCore;
  port: number;
  /** Loopback only: the browser mode is a local tool, never a network service. */
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** Folder of the built renderer (dist/renderer). */
  rendererDir?: string;
  /** Where failures are logged with their developer message (never sent to the page). */
  log?: (message: string) => void;
}

export interface RunningServer {
  /** Base address, without the token. */
  url: string;
  /** The address to open: the base with `?token=`, as Jupyter prints it. */
  openUrl: string;
  /** Random per launch; required on every /api request (cookie, or `Authorization: Bearer`). */
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer at `/`, each Api method at `POST /api/<area>/<method>`,
 * progress as Server-Sent Events at `GET /api/events`, and `GET /api/health` for people and probes.
 * Every /api request needs the per-launch token, so another local user or process cannot drive the
 * Api as the investigator: opening `/?token=…` stores it in an HttpOnly SameSite=Strict cookie
 * (which fetch and EventSource then send) and redirects to the address without it.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = path.resolve(options.rendererDir ?? path.join(__dirname, '..', '..', 'renderer'));
  const token = randomBytes(32).toString('base64url');
  let cookieName = '';
  const eventStreams = new Set<ServerResponse>();
  const stopForwarding = options.core.dispatcher.onProgress((event) => broadcast(eventStreams, event));

  const server = http.createServer((request, response) => {
    setSecurityHeaders(response);
    handle(request, response).catch((error: unknown) => {
      options.log?.(`HTTP ${request.method} ${request.url?.split('?')[0]} failed: ${errorMessage(error)}`);
      sendEnvelope(response, failure('internal', 'internal_error', 'The request failed'));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (!isLoopbackHost(request.headers.host)) {
      // A page on another site resolving its name to 127.0.0.1 (DNS rebinding) must not reach the Api.
      return sendEnvelope(response, failure('forbidden', 'non_loopback_host', 'RingScope only answers requests addressed to the loopback interface'));
    }
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendEnvelope(response, notFound(url.pathname));
      if (url.searchParams.has('token')) return keepTokenAndRedirect(url, response);
      return serveStatic(rendererDir, url.pathname, response);
    }
    if (!carriesToken(request)) return sendEnvelope(response, failure('auth_failed', 'token_missing', 'Open RingScope with the address it printed at start (it carries the access token)'));
    if (request.method === 'GET' && url.pathname === '/api/health') {
      const envelope = await options.core.dispatcher.call('system', 'health', {}, { user: options.core.currentUser() });
      return sendJson(response, envelope.ok ? 200 : 503, envelope.ok ? envelope.value : envelope);
    }
    if (request.method === 'GET' && url.pathname === '/api/events') {
      if (eventStreams.size >= MAX_EVENT_STREAMS) return sendJson(response, 429, failure('unavailable', 'server_unreachable', 'Too many open event streams'));
      return openEventStream(request, response, eventStreams);
    }
    if (request.method === 'GET' && url.pathname.startsWith(EVIDENCE_DOWNLOAD_PREFIX)) {
      return sendEvidencePackage(options.core, url.pathname.slice(EVIDENCE_DOWNLOAD_PREFIX.length), response);
    }

    const match = /^\/api\/([a-zA-Z]+)\/([a-zA-Z]+)$/.exec(url.pathname);
    if (!match || request.method !== 'POST') return sendEnvelope(response, notFound(url.pathname));
    if (!isSameOrigin(request)) {
      return sendEnvelope(response, failure('forbidden', 'cross_origin', 'Cross-origin calls to the RingScope Api are refused'));
    }
    const body = await readJsonBody(request);
    if (!body.ok) return sendEnvelope(response, body);
    return sendEnvelope(response, await options.core.dispatcher.call(match[1], match[2], body.value, { user: options.core.currentUser() }));
  }

  function carriesToken(request: IncomingMessage): boolean {
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null;
    return sameToken(bearer) || sameToken(cookieValue(request.headers.cookie, cookieName));
  }

  function sameToken(candidate: string | null): boolean {
    if (candidate === null) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The page address carries the token once; the cookie keeps it, and the address bar loses it. */
  function keepTokenAndRedirect(url: URL, response: ServerResponse): void {
    if (!sameToken(url.searchParams.get('token'))) {
      return sendEnvelope(response, failure('auth_failed', 'token_missing', 'The address carries a wrong access token'));
    }
    url.searchParams.delete('token');
    const query = url.searchParams.toString().replace(/=(&|$)/g, '$1');
    response.writeHead(303, {
      'Set-Cookie': `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      Location: `${url.pathname}${query ? `?${query}` : ''}`,
      'Cache-Control': 'no-store',
    });
    response.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Per port: two RingScope servers on one machine (an analyst's and a lead's) keep separate cookies.
  cookieName = `ringscope_token_${port}`;
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}/`;
  const heartbeat = setInterval(() => eventStreams.forEach((stream) => stream.write(': keep-alive\n\n')), SSE_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
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
    if (error instanceof ApiError) return sendEnvelope(response, { ok: false, error: error.toBody() });
    return sendEnvelope(response, failure('internal', 'internal_error', errorMessage(error)));
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
    return failure('invalid_input', 'content_type_not_json', 'Send the call arguments as JSON (Content-Type: application/json)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return failure('invalid_input', 'body_too_large', 'Request body is larger than 1 MiB', { maxBytes: MAX_BODY_BYTES });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return failure('invalid_input', 'body_not_json', 'Request body is not valid JSON');
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
  return failure('not_found', 'endpoint_unknown', `No such endpoint: ${pathname}`);
}

function failure(code: ApiErrorCode, reason: ApiErrorReason, message: string, params?: ApiErrorParams): ApiEnvelope<never> {
  return { ok: false, error: new ApiError(code, message, { reason, params }).toBody() };
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
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
