import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PipelineAbortedError, type RingDetectionInput } from './input';
import type { PipelineControl, RingPipelineOptions, RingPipelineResult } from './pipeline';
import type { PipelineWorkerMessage, PipelineWorkerRequest } from './worker-protocol';

/**
 * Where the worker entry is: next to this file when running from TypeScript sources (tests, tsx),
 * or dist/main/analytics/pipeline-worker.js when bundled (this code then lives in dist/main/app or
 * dist/main/server, see esbuild.config.mjs).
 */
function workerEntry(): { file: string; execArgv: string[] } {
  // tsx's CommonJS hook: `--import tsx` is not applied inside worker threads on Node 20.
  if (__filename.endsWith('.ts')) return { file: path.join(__dirname, 'pipeline-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
  return { file: path.join(__dirname, '..', 'analytics', 'pipeline-worker.js'), execArgv: [] };
}

/**
 * Runs runRingPipeline on a worker thread so the app stays responsive: progress arrives through
 * control.onProgress, and aborting control.signal terminates the thread and rejects with an
 * AbortError. The input's typed arrays are copied once into shared memory (the caller keeps its
 * own), the result's per-account arrays are transferred back without copying.
 */
export function runRingPipelineInWorker(
  input: RingDetectionInput,
  options: Partial<RingPipelineOptions> = {},
  control: PipelineControl = {},
): Promise<RingPipelineResult> {
  const { signal, onProgress } = control;
  if (signal?.aborted) return Promise.reject(new PipelineAbortedError());
  const { file, execArgv } = workerEntry();
  const request: PipelineWorkerRequest = { input: shareColumns(input), options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: request, execArgv });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new PipelineAbortedError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: PipelineWorkerMessage) => {
      if (settled) return;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else finish(() => reject(Object.assign(new Error(message.message), { stack: message.stack })));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`Ring detection worker stopped unexpectedly (exit code ${code})`))));
  });
}

/** Copies every typed-array column into a SharedArrayBuffer (unless it already is one), so the worker reads it in place. */
function shareColumns(input: RingDetectionInput): RingDetectionInput {
  const share = <T extends Int32Array | Float64Array | Uint8Array>(column: T): T => {
    if (column.buffer instanceof SharedArrayBuffer) return column;
    const shared = new (column.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(column.byteLength));
    shared.set(column);
    return shared;
  };
  const { accounts, identifiers, identifierLinks: links, transfers, payments } = input;
  return {
    accounts: { count: accounts.count, createdAt: share(accounts.createdAt), blacklisted: share(accounts.blacklisted) },
    identifiers: { count: identifiers.count, kind: share(identifiers.kind) },
    identifierLinks: { count: links.count, account: share(links.account), identifier: share(links.identifier) },
    transfers: { count: transfers.count, from: share(transfers.from), to: share(transfers.to), amount: share(transfers.amount), at: share(transfers.at) },
    payments: { count: payments.count, account: share(payments.account), merchant: share(payments.merchant), amount: share(payments.amount), at: share(payments.at) },
    accountIds: input.accountIds,
    merchantIds: input.merchantIds,
  };
}
