import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRingScopeCore, type RingScopeCore } from '../../../main/core/bootstrap';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { startServer, type RunningServer } from '../../../main/server/server';

let core: RingScopeCore;
let server: RunningServer;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>RingScope</title>');
  writeFileSync(path.join(os.tmpdir(), 'ringscope-secret.txt'), 'outside the renderer folder');
  const investigation = resolveInvestigationConfig({}, { dataDir: mkdtempSync(path.join(os.tmpdir(), 'ringscope-data-')) });
  core = await createRingScopeCore({ version: 'test', demo: { accounts: 2000 }, investigation, validateOutput: true });
  server = await startServer({ core, port: 0, rendererDir });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
});

/** Raw request, so tests can send what a browser page or a hostile client would; it carries the launch token unless told not to. */
function request(method: string, pathname: string, options: { body?: string; headers?: Record<string, string>; withToken?: boolean } = {}) {
  const headers = { ...(options.withToken === false ? {} : { Authorization: `Bearer ${server.token}` }), ...options.headers };
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: pathname, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const postJson = (pathname: string, input: unknown, headers: Record<string, string> = {}) =>
  request('POST', pathname, { body: JSON.stringify(input), headers: { 'Content-Type': 'application/json', ...headers } });

describe('browser-mode HTTP shell', () => {
  it('listens on the loopback interface only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('reports the active graph source and the signed-in user on GET /api/health', async () => {
    const response = await request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok', source: { kind: 'embedded', accountCount: 2000 }, user: { name: 'demo-analyst', isTeamLead: false, demo: true } });
  });

  it('answers an Api method with the same envelope as the desktop shell', async () => {
    const response = await postJson('/api/graph/search', { query: 'U0000001' });
    expect(response.status).toBe(200);
    const envelope = JSON.parse(response.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.hits[0].node).toMatchObject({ kind: 'account', key: 'U0000001' });
  });

  it('rejects invalid input with 400 and the offending field', async () => {
    const response = await postJson('/api/graph/expand', { nodeId: '', limit: -1 });
    expect(response.status).toBe(400);
    const { error } = JSON.parse(response.body);
    expect(error.code).toBe('invalid_input');
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['limit', 'nodeId']);
  });

  it('rejects a body that is not JSON with a clear message', async () => {
    const response = await request('POST', '/api/graph/search', { body: '{query:', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toBe('Request body is not valid JSON');
  });

  it('refuses form posts, which a hostile page could send without a preflight', async () => {
    const response = await request('POST', '/api/graph/search', { body: 'query=U1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(400);
  });

  it('refuses calls from another origin and requests addressed to a non-loopback host name', async () => {
    const crossOrigin = await postJson('/api/graph/search', { query: 'U1' }, { Origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const rebinding = await postJson('/api/graph/search', { query: 'U1' }, { Host: 'evil.example' });
    expect(rebinding.status).toBe(403);
  });

  it('answers 404 for an unknown method', async () => {
    const response = await postJson('/api/graph/dropEverything', {});
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body).error.code).toBe('not_found');
  });

  it('serves the renderer with a strict Content-Security-Policy and never files outside it', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>RingScope</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const escape = await request('GET', '/..%2Fringscope-secret.txt');
    expect(escape.body).not.toContain('outside the renderer folder');
  });

  it('streams progress of a task as Server-Sent Events', async () => {
    const received: string[] = [];
    const events = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Authorization: `Bearer ${server.token}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => received.push(chunk));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const search = JSON.parse((await postJson('/api/graph/search', { query: 'U0000001' })).body);
    await postJson('/api/graph/expand', { nodeId: search.value.hits[0].node.id, taskId: 'sse-test' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    events.destroy();
    const frames = received.join('').split('\n\n').filter((frame) => frame.startsWith('event: progress'));
    const payloads = frames.map((frame) => JSON.parse(frame.split('data: ')[1]));
    expect(payloads.at(-1)).toMatchObject({ taskId: 'sse-test', state: 'done' });
  });

  it('refuses every Api, event-stream and download request without the launch token with 401', async () => {
    const unauthorised = [
      await request('POST', '/api/graph/search', { body: '{"query":"U0000001"}', headers: { 'Content-Type': 'application/json' }, withToken: false }),
      await request('GET', '/api/health', { withToken: false }),
      await request('GET', '/api/events', { withToken: false }),
      await request('GET', '/api/evidence/download/evidence-C1-20260101T000000Z.zip', { withToken: false }),
      await request('GET', '/api/health', { headers: { Authorization: 'Bearer not-the-token' }, withToken: false }),
      await request('GET', '/api/health', { headers: { Cookie: `ringscope_token_${server.port}=not-the-token` }, withToken: false }),
    ];
    expect(unauthorised.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(JSON.parse(unauthorised[0].body).error).toMatchObject({ code: 'auth_failed', reason: 'token_missing' });
  });

  it('prints an address carrying a fresh random token for each launch', async () => {
    expect(server.openUrl).toBe(`${server.url}?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const other = await startServer({ core, port: 0, rendererDir });
    try {
      expect(other.token).not.toBe(server.token);
    } finally {
      await other.close();
    }
  });

  it('keeps the token from the opened address in a strict same-site cookie that then authorises Api calls and events', async () => {
    const opened = await request('GET', `/?token=${server.token}&e2e`, { withToken: false });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/?e2e');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0];
    expect(pair).toBe(`ringscope_token_${server.port}=${server.token}`);
    const call = await request('POST', '/api/graph/search', { body: JSON.stringify({ query: 'U0000001' }), headers: { 'Content-Type': 'application/json', Cookie: pair }, withToken: false });
    expect(call.status).toBe(200);
    const status = await new Promise<number>((resolve) => {
      const events = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Cookie: pair } }, (res) => {
        resolve(res.statusCode ?? 0);
        events.destroy();
      });
    });
    expect(status).toBe(200);
  });

  it('refuses a page address with a wrong token instead of keeping it', async () => {
    const opened = await request('GET', '/?token=guessed', { withToken: false });
    expect(opened.status).toBe(401);
    expect(opened.headers['set-cookie']).toBeUndefined();
  });

  it('caps the number of open event streams', async () => {
    const streams: http.ClientRequest[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push(
        await new Promise<number>((resolve) => {
          const events = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Authorization: `Bearer ${server.token}` } }, (res) => {
            resolve(res.statusCode ?? 0);
            if (res.statusCode !== 200) res.resume();
          });
          streams.push(events);
        }),
      );
    }
    streams.forEach((stream) => stream.destroy());
    expect(statuses.filter((status) => status === 200)).toHaveLength(16);
    expect(statuses.slice(16)).toEqual([429, 429, 429, 429]);
  });
});
