import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';
import { CONTENT_SECURITY_POLICY } from '../../../main/api/security';
import {
  isAppUrl,
  registerAppScheme,
  resolveRendererFile,
  serveRendererOverAppProtocol,
} from '../../../main/app/app-protocol';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let workDir: string;
let rendererDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-protocol-'));
  rendererDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>RingScope</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(path.join(workDir, 'credentials.json'), '{"secret": true}');
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('the app:// origin', () => {
  beforeEach(() => resetFakeElectron());

  it('recognises only app://ringscope URLs as the app', () => {
    expect(isAppUrl('app://ringscope/index.html')).toBe(true);
    expect(isAppUrl('app://ringscope')).toBe(true);
    expect(isAppUrl('app://ringscope.evil.example/index.html')).toBe(false);
    expect(isAppUrl('https://ringscope/index.html')).toBe(false);
    expect(isAppUrl('file:///work/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('maps app URLs to files inside the renderer folder and nothing outside it', () => {
    expect(resolveRendererFile(rendererDir, 'app://ringscope/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveRendererFile(rendererDir, 'app://ringscope/assets/app.js?v=1')).toBe(path.join(rendererDir, 'assets', 'app.js'));
    expect(resolveRendererFile(rendererDir, 'app://ringscope/..%2fcredentials.json')).toBeNull();
    expect(resolveRendererFile(rendererDir, 'app://ringscope/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(rendererDir, 'app://ringscope/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(rendererDir, 'app://elsewhere/index.html')).toBeNull();
  });

  it('is registered as a standard, secure scheme so the page gets a real origin', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer files with the Content-Security-Policy header', async () => {
    serveRendererOverAppProtocol(rendererDir);
    const handler = fakeElectron.protocol.handlers.get('app')!;
    const response = await handler(new Request('app://ringscope/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>RingScope</title>');
  });

  it('answers 404 for missing files and for paths that escape the renderer folder', async () => {
    serveRendererOverAppProtocol(rendererDir);
    const handler = fakeElectron.protocol.handlers.get('app')!;
    expect((await handler(new Request('app://ringscope/missing.js'))).status).toBe(404);
    const escape = await handler(new Request('app://ringscope/..%2fcredentials.json'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('secret');
  });
});
