import type { ForceLayoutMessage, ForceLayoutRequest } from './force-layout-protocol';
import type { Point } from './canvas-model';

export interface ForceLayoutInput {
  ids: readonly string[];
  positions: readonly Point[];
  fixed: readonly boolean[];
  edges: readonly (readonly [string, string])[];
}

export interface ForceLayoutRun {
  /** New positions by node id; null when cancelled. */
  result: Promise<Record<string, Point> | null>;
  cancel(): void;
}

/** Lays a large graph out with ForceAtlas2 in a Web Worker, reporting progress as a 0..1 fraction; `iterations` is the most it runs (it stops once settled). */
export function runForceLayoutInWorker(input: ForceLayoutInput, onProgress: (fraction: number) => void, iterations = 150): ForceLayoutRun {
  const index = new Map(input.ids.map((id, position) => [id, position]));
  const request: ForceLayoutRequest = {
    positions: Float64Array.from(input.positions.flatMap((point) => [point.x, point.y])),
    fixed: Uint8Array.from(input.fixed.map((value) => (value ? 1 : 0))),
    edges: Uint32Array.from(input.edges.flatMap(([source, target]) => (index.has(source) && index.has(target) ? [index.get(source)!, index.get(target)!] : []))),
    iterations,
    edgeLength: 80,
  };
  const worker = new Worker(new URL('./force-layout.worker.ts', import.meta.url), { type: 'module' });
  let settle: (value: Record<string, Point> | null) => void = () => undefined;
  const result = new Promise<Record<string, Point> | null>((resolve, reject) => {
    settle = resolve;
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.onmessage = ({ data }: MessageEvent<ForceLayoutMessage>) => {
      if (data.type === 'progress') {
        onProgress(data.done / data.total);
        return;
      }
      worker.terminate();
      const positions: Record<string, Point> = {};
      input.ids.forEach((id, node) => (positions[id] = { x: Math.round(data.positions[2 * node]), y: Math.round(data.positions[2 * node + 1]) }));
      resolve(positions);
    };
  });
  worker.postMessage(request, [request.positions.buffer, request.fixed.buffer, request.edges.buffer]);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
