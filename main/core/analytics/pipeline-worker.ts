/**
 * Worker-thread entry of ring detection (bundled on its own by esbuild.config.mjs): runs one half
 * of the synchronous pipeline off the main thread, cluster detection or risk propagation, and posts
 * progress and the result back. Cancellation is the owner terminating the thread; see worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { detectRingClusters, propagateAccountRisk } from './pipeline';
import type { PipelineWorkerMessage, PipelineWorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('pipeline-worker.ts must run as a worker thread');
const post = (message: PipelineWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const { job, input, options } = workerData as PipelineWorkerRequest;
try {
  if (job === 'clusters') {
    post({ type: 'clusters', result: detectRingClusters(input, options, { onProgress: (progress) => post({ type: 'progress', progress }) }) });
  } else {
    const started = performance.now();
    const risk = propagateAccountRisk(input, options);
    // The per-account risk arrays are the bulk of the result: hand their memory over instead of copying.
    const { score, normalised, topContributors, topContributions } = risk;
    post({ type: 'risk', risk, milliseconds: performance.now() - started }, [score.buffer, normalised.buffer, topContributors.buffer, topContributions.buffer] as ArrayBuffer[]);
  }
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', message: failure.message, stack: failure.stack });
}
