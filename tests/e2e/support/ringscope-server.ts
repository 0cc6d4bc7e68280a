import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEnvelope, GraphNode, SearchResult } from '../../../main/api';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const serverCli = fileURLToPath(new URL('../../../dist/main/server/cli.js', import.meta.url));
const READY_LINE = /Open (http:\/\/\S+) in a browser/;

export interface RingScopeServer {
  /** The address the server printed, with its launch token, e.g. http://127.0.0.1:41234/?token=… */
  url: string;
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  baseUrl: string;
  /** Headers that authorise a direct Api call (the page itself authenticates with the cookie the tokened address sets). */
  authHeaders: Record<string, string>;
  /** Everything the server wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser-mode server (`node dist/main/server/cli.js`, as `npm run serve` does) on a
 * free loopback port and resolves once it prints its URL. Needs `npm run build` to have run.
 * Without RINGSCOPE_DATA_DIR in `env` it gets a throwaway data folder, never the user's ~/.ringscope.
 */
export async function startRingScopeServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RingScopeServer> {
  if (!existsSync(serverCli)) throw new Error(`${serverCli} is missing: run \`npm run build\` before the e2e tests`);
  const ownDataDir = env.RINGSCOPE_DATA_DIR ? null : mkdtempSync(path.join(os.tmpdir(), 'ringscope-e2e-data-'));
  const child = spawn(process.execPath, [serverCli], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', ...(ownDataDir ? { RINGSCOPE_DATA_DIR: ownDataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`RingScope server did not start within ${timeoutMs} ms. Output:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = READY_LINE.exec(output);
      if (match) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null) => fail(new Error(`RingScope server exited (code ${code}) before it was ready. Output:\n${output}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    }
    function fail(error: Error) {
      cleanup();
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });

  const opened = new URL(url);
  const token = opened.searchParams.get('token');
  if (!token) throw new Error(`RingScope printed an address without an access token: ${url}`);
  return {
    url,
    baseUrl: `${opened.origin}/`,
    authHeaders: { Authorization: `Bearer ${token}` },
    output: () => output,
    stop: async () => {
      await stopProcess(child);
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}

/** The server's address with `?e2e` added to its token, which a page opens to get the test hook. */
export function pageUrl(server: RingScopeServer): string {
  const url = new URL(server.url);
  url.searchParams.set('e2e', '');
  return url.href;
}

/**
 * The id of the first node of `kind` the server's search finds for `query`, asked the way the page
 * asks, so a test learns node ids without guessing the active source's id format.
 */
export async function findNodeId(server: RingScopeServer, query: string, kind: GraphNode['kind']): Promise<string> {
  const response = await fetch(new URL('api/graph/search', server.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...server.authHeaders },
    body: JSON.stringify({ query }),
  });
  const envelope = (await response.json()) as ApiEnvelope<SearchResult>;
  if (!envelope.ok) throw new Error(`Search for ${query} failed: ${envelope.error.message}`);
  const hit = envelope.value.hits.find((candidate) => candidate.node.kind === kind);
  if (!hit) throw new Error(`No ${kind} found for ${query}`);
  return hit.node.id;
}
