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

/** Raw request, so tests can send what a browser page or a hostile client would. */
function request(method: string, pathname: string, options: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: pathname, headers: options.headers }, (res) => {
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
    const events = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events' }, (res) => {
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
});
