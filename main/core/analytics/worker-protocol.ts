import type { RingDetectionInput } from './input';
import type { PipelineProgress, RingPipelineOptions, RingPipelineResult } from './pipeline';

/** What the ring-detection worker receives as workerData. */
export interface PipelineWorkerRequest {
  input: RingDetectionInput;
  options: Partial<RingPipelineOptions>;
}

/** Messages from the ring-detection worker to its owner. */
export type PipelineWorkerMessage =
  | { type: 'progress'; progress: PipelineProgress }
  | { type: 'result'; result: RingPipelineResult }
  | { type: 'error'; message: string; stack?: string };
