import type { PropagatedRisk } from './risk-propagation';
import type { RingDetectionInput } from './input';
import type { PipelineProgress, RingClustersResult, RingPipelineOptions } from './pipeline';

/** The two halves of ring detection, each run on a thread of its own (see worker.ts). */
export type PipelineJob = 'clusters' | 'risk';

/** What a ring-detection worker receives as workerData. */
export interface PipelineWorkerRequest {
  job: PipelineJob;
  input: RingDetectionInput;
  options: Partial<RingPipelineOptions>;
}

/** Messages from a ring-detection worker to its owner. */
export type PipelineWorkerMessage =
  | { type: 'progress'; progress: PipelineProgress }
  | { type: 'clusters'; result: RingClustersResult }
  /** milliseconds: the risk thread's whole time, its own projection included (it runs beside the other thread). */
  | { type: 'risk'; risk: PropagatedRisk; milliseconds: number }
  | { type: 'error'; message: string; stack?: string };
