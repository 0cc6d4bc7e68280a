import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ringInputFromDataset } from '../../../main/core/analytics/input';
import { runRingPipeline, type PipelineProgress } from '../../../main/core/analytics/pipeline';
import { asarUnpackedPath, runRingPipelineInWorker } from '../../../main/core/analytics/worker';

const input = ringInputFromDataset(generateDemoDataset({ seed: 7, accounts: 5_000 }));

describe('runRingPipelineInWorker', () => {
  it('runs ring detection on a worker thread, reporting progress, with the same result as in process', async () => {
    const progress: PipelineProgress[] = [];
    const result = await runRingPipelineInWorker(input, {}, { onProgress: (event) => progress.push(event) });
    const direct = runRingPipeline(input);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
    expect(result.clusters.map((cluster) => [cluster.id, cluster.score, cluster.members])).toEqual(
      direct.clusters.map((cluster) => [cluster.id, cluster.score, cluster.members]),
    );
    expect(Array.from(result.risk.score)).toEqual(Array.from(direct.risk.score));
    // The caller's columns are copied to shared memory, never detached.
    expect(input.transfers.at.length).toBe(input.transfers.count);
  });

  it('on a graph past the sequential threshold, runs risk after clusters, with the same result and progress to the end', async () => {
    const progress: PipelineProgress[] = [];
    const result = await runRingPipelineInWorker(input, {}, { onProgress: (event) => progress.push(event) }, 1_000);
    const direct = runRingPipeline(input);
    expect(result.clusters.map((cluster) => [cluster.id, cluster.score, cluster.members])).toEqual(
      direct.clusters.map((cluster) => [cluster.id, cluster.score, cluster.members]),
    );
    expect(Array.from(result.risk.score)).toEqual(Array.from(direct.risk.score));
    // The risk step shows as begun once clusters are done, then as done.
    expect(progress.slice(-2)).toEqual([
      { step: 'risk-propagation', done: 4, total: 5 },
      { step: 'risk-propagation', done: 5, total: 5 },
    ]);
  });

  it('stops the worker when cancelled and rejects with an AbortError', async () => {
    const controller = new AbortController();
    const progress: PipelineProgress[] = [];
    const run = runRingPipelineInWorker(input, {}, {
      signal: controller.signal,
      onProgress: (event) => {
        progress.push(event);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toHaveLength(1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(runRingPipelineInWorker(input, {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('asarUnpackedPath', () => {
  it('points a file of the packaged app into app.asar.unpacked, where a worker thread can load it', () => {
    expect(asarUnpackedPath('/opt/RingScope/resources/app.asar/dist/main/analytics/pipeline-worker.js')).toBe(
      '/opt/RingScope/resources/app.asar.unpacked/dist/main/analytics/pipeline-worker.js',
    );
    expect(asarUnpackedPath('C:\\Program Files\\RingScope\\resources\\app.asar\\dist\\main\\analytics\\pipeline-worker.js')).toBe(
      'C:\\Program Files\\RingScope\\resources\\app.asar.unpacked\\dist\\main\\analytics\\pipeline-worker.js',
    );
  });

  it('leaves paths outside an asar alone (running from a checkout, or a folder merely named like one)', () => {
    expect(asarUnpackedPath('/home/ana/ringscope/dist/main/analytics/pipeline-worker.js')).toBe('/home/ana/ringscope/dist/main/analytics/pipeline-worker.js');
    expect(asarUnpackedPath('/home/ana/app.asar.d/dist/pipeline-worker.js')).toBe('/home/ana/app.asar.d/dist/pipeline-worker.js');
  });
});
