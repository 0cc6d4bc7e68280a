import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const serverCli = fileURLToPath(new URL('../../../dist/main/server/cli.js', import.meta.url));
const READY_LINE = /Open (http:\/\/\S+) in a browser/;

export interface RingScopeServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** Everything the server wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser-mode server (`node dist/main/server/cli.js`, as `npm run serve` does) on a
 * free loopback port and resolves once it prints its URL. Needs `npm run build` to have run.
 */
export async function startRingScopeServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RingScopeServer> {
  if (!existsSync(serverCli)) throw new Error(`${serverCli} is missing: run \`npm run build\` before the e2e tests`);
  const child = spawn(process.execPath, [serverCli], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', RINGSCOPE_USER: 'e2e-analyst', ...env },
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

  return { url, output: () => output, stop: () => stopProcess(child) };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}
