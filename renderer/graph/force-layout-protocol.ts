/** Messages between the canvas and the force-layout worker (force-layout.worker.ts). */
export interface ForceLayoutRequest {
  /** x, y per node, in node order. */
  positions: Float64Array;
  /** 1 for a node that must not move (pinned, or outside the selection being laid out). */
  fixed: Uint8Array;
  /** Node indexes, two per edge. */
  edges: Uint32Array;
  iterations: number;
  /** Wanted average edge length in graph pixels. */
  edgeLength: number;
}

export type ForceLayoutMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; positions: Float64Array };
