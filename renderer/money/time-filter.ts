/**
 * The timeline's filtering and playing as pure functions: which drawn money edges have no movement
 * inside a time window (found by binary search over each edge's sorted times, so a brush move over
 * 20,000 links stays well under a frame budget), and how the play button steps the window.
 */
import { aggregateMoneyLinks, type GraphEdge, type MoneyLink } from '../../main/api';

/** A time window in epoch milliseconds, half-open [from, to). */
export interface WindowMs {
  from: number;
  to: number;
}

/** Per drawn money edge (the folded `<source>-<type>-><target>` id), the times of its movements, ascending. */
export type MoneyTimeIndex = ReadonlyMap<string, Float64Array>;

/** Indexes money links by the folded edge that draws them; links of unknown time are left out. */
export function buildMoneyTimeIndex(links: readonly Pick<MoneyLink, 'source' | 'target' | 'type' | 'at'>[]): MoneyTimeIndex {
  const times = new Map<string, number[]>();
  for (const link of links) {
    const at = link.at === null ? Number.NaN : Date.parse(link.at);
    if (Number.isNaN(at)) continue;
    const id = `${link.source}-${link.type}->${link.target}`;
    const list = times.get(id);
    if (list) list.push(at);
    else times.set(id, [at]);
  }
  return new Map([...times].map(([id, list]) => [id, Float64Array.from(list).sort()]));
}

/** Index of the first time ≥ `value` in ascending `times` (times.length when none). */
function lowerBound(times: Float64Array, value: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether any of the ascending times lies in the window. */
function anyTimeInWindow(times: Float64Array, window: WindowMs): boolean {
  const first = lowerBound(times, window.from);
  return first < times.length && times[first] < window.to;
}

/** The indexed edges with no movement inside the window (none without a window). */
export function edgesOutsideWindow(index: MoneyTimeIndex, window: WindowMs | null): Set<string> {
  const outside = new Set<string>();
  if (!window) return outside;
  for (const [id, times] of index) if (!anyTimeInWindow(times, window)) outside.add(id);
  return outside;
}

/** The indexed edges among `nodeIds` (both ends) with at least one movement inside the window: what a reason's window cites. */
export function edgesInWindowAmong(index: MoneyTimeIndex, edges: readonly Pick<GraphEdge, 'id' | 'source' | 'target'>[], nodeIds: readonly string[], window: WindowMs): string[] {
  const among = new Set(nodeIds);
  return edges.filter((edge) => among.has(edge.source) && among.has(edge.target) && index.has(edge.id) && anyTimeInWindow(index.get(edge.id)!, window)).map((edge) => edge.id);
}

/**
 * The next window when playing: the same width, one `step` later, never past `end`. Null when the
 * window already reaches `end` (play stops there).
 */
export function nextPlayWindow(window: WindowMs, end: number, step: number): WindowMs | null {
  if (window.to >= end) return null;
  const shift = Math.min(step, end - window.to);
  return { from: window.from + shift, to: window.to + shift };
}

/** The window play starts from when none is set: the first `share` of the span. */
export function firstPlayWindow(start: number, end: number, share = 0.1): WindowMs {
  return { from: start, to: start + Math.max(1, Math.round((end - start) * share)) };
}

/** Money links folded into drawn edges (one per source, type and target), with the same properties graph.expand gives them. */
export function moneyEdges(links: readonly MoneyLink[]): GraphEdge[] {
  return aggregateMoneyLinks(links).map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    kind: edge.kind,
    properties: { count: edge.count, totalAmount: edge.totalAmount, firstAt: edge.firstAt, lastAt: edge.lastAt },
  }));
}

/** The drawn transfer edge of each step of a money flow (null where that edge is not on the canvas). */
export function stepEdgeIds(steps: readonly { source: string; target: string }[], edges: readonly Pick<GraphEdge, 'id' | 'source' | 'target' | 'kind'>[]): (string | null)[] {
  const byEnds = new Map(edges.filter((edge) => edge.kind === 'transfer').map((edge) => [`${edge.source}\n${edge.target}`, edge.id]));
  return steps.map((step) => byEnds.get(`${step.source}\n${step.target}`) ?? null);
}
