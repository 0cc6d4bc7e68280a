import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PipelineAbortedError, type RingDetectionInput } from './input';
import { PIPELINE_STEPS, type PipelineControl, type RingClustersResult, type RingPipelineOptions, type RingPipelineResult } from './pipeline';
import type { PropagatedRisk } from './risk-propagation';
import type { PipelineJob, PipelineWorkerMessage, PipelineWorkerRequest } from './worker-protocol';

/**
 * Where the worker entry is: next to this file when running from TypeScript sources (tests, tsx),
 * or dist/main/analytics/pipeline-worker.js when bundled (this code then lives in dist/main/app or
 * dist/main/server, see esbuild.config.mjs). In the packaged app that file is outside the asar
 * (electron-builder.yml's asarUnpack): a worker thread cannot load its script from inside an archive.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  // tsx's CommonJS hook: `--import tsx` is not applied inside worker threads on Node 20.
  if (__filename.endsWith('.ts')) return { file: path.join(__dirname, 'pipeline-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
  return { file: asarUnpackedPath(path.join(__dirname, '..', 'analytics', 'pipeline-worker.js')), execArgv: [] };
}

/** The path electron-builder's asarUnpack gives a file of the app: …/app.asar/x → …/app.asar.unpacked/x (other paths unchanged). */
export function asarUnpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/** From this many accounts the two threads run one after the other (5M accounts: ~0.4 GB lower peak, detection ~1.5× longer). */
export const SEQUENTIAL_FROM_ACCOUNTS = 1_000_000;

/**
 * Runs the ring pipeline off the main thread so the app stays responsive, on two threads: one
 * detects and scores clusters (steps 1-4), the other propagates risk (step 5, which needs only the
 * projection, built again there: cheaper than waiting for it). Below SEQUENTIAL_FROM_ACCOUNTS both
 * run at once; on a larger graph the risk thread starts when the clusters thread has ended, so the
 * peak memory is one thread's working set, not both. Progress arrives through control.onProgress;
 * aborting control.signal terminates the threads and rejects with an AbortError. The input's typed
 * arrays are copied once into shared memory (the caller keeps its own) unless they are there already
 * (a streamed graph's columns are), and the threads read them in place; the risk arrays are
 * transferred back without copying.
 */
export function runRingPipelineInWorker(
  input: RingDetectionInput,
  options: Partial<RingPipelineOptions> = {},
  control: PipelineControl = {},
  sequentialFromAccounts = SEQUENTIAL_FROM_ACCOUNTS,
): Promise<RingPipelineResult> {
  const { signal, onProgress } = control;
  if (signal?.aborted) return Promise.reject(new PipelineAbortedError());
  const { file, execArgv } = workerEntry();
  const shared = shareColumns(input);
  const sequential = input.accounts.count >= sequentialFromAccounts;
  const workers: Worker[] = [];
  return new Promise((resolve, reject) => {
    let clusters: RingClustersResult | null = null;
    let risk: { risk: PropagatedRisk; milliseconds: number } | null = null;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      for (const worker of workers) void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new PipelineAbortedError()));
    // The risk thread reports no progress of its own (it would jump the bar to the last step at once):
    // the last step shows as begun when clusters are done, and as done when both are.
    const reportRiskStep = (done: number) =>
      onProgress?.({ step: 'risk-propagation', done, total: PIPELINE_STEPS.length });
    const completeWhenBoth = () => {
      if (!clusters) return;
      if (!risk) return reportRiskStep(PIPELINE_STEPS.indexOf('risk-propagation'));
      const result: RingPipelineResult = { ...clusters, risk: risk.risk, timingsMs: { ...clusters.timingsMs, 'risk-propagation': risk.milliseconds } };
      reportRiskStep(PIPELINE_STEPS.length);
      finish(() => resolve(result));
    };
    const start = (job: PipelineJob) => {
      const request: PipelineWorkerRequest = { job, input: shared, options };
      const worker = new Worker(file, { workerData: request, execArgv });
      workers.push(worker);
      let delivered = false;
      worker.on('message', (message: PipelineWorkerMessage) => {
        if (settled) return;
        if (message.type === 'progress') onProgress?.(message.progress);
        else if (message.type === 'clusters') {
          delivered = true;
          clusters = message.result;
          completeWhenBoth();
        } else if (message.type === 'risk') {
          delivered = true;
          risk = message;
          completeWhenBoth();
        } else finish(() => reject(Object.assign(new Error(message.message), { stack: message.stack })));
      });
      worker.on('error', (error) => finish(() => reject(error)));
      worker.on('exit', (code) => {
        // A thread that delivered its half may end while the other is still working.
        if (!delivered) finish(() => reject(new Error(`Ring detection worker (${job}) stopped unexpectedly (exit code ${code})`)));
        else if (sequential && job === 'clusters' && !settled) start('risk');
      });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    start('clusters');
    if (!sequential) start('risk');
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
    accounts: {
      count: accounts.count,
      createdAt: share(accounts.createdAt),
      blacklisted: share(accounts.blacklisted),
      knownGood: accounts.knownGood && share(accounts.knownGood),
    },
    identifiers: { count: identifiers.count, kind: share(identifiers.kind) },
    identifierKinds: input.identifierKinds,
    identifierLinks: { count: links.count, account: share(links.account), identifier: share(links.identifier) },
    transfers: { count: transfers.count, from: share(transfers.from), to: share(transfers.to), amount: share(transfers.amount), at: share(transfers.at) },
    payments: { count: payments.count, account: share(payments.account), merchant: share(payments.merchant), amount: share(payments.amount), at: share(payments.at) },
    accountLinks: input.accountLinks && {
      count: input.accountLinks.count,
      from: share(input.accountLinks.from),
      to: share(input.accountLinks.to),
      weight: share(input.accountLinks.weight),
      flow: input.accountLinks.flow && share(input.accountLinks.flow),
    },
    accountIds: input.accountIds,
    merchantIds: input.merchantIds,
  };
}
