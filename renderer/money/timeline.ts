/**
 * The timeline strip's data as a pure function: money links and account creations on the canvas
 * counted in equal time bins, so the histogram draws and the brush maps back to a TimeWindow.
 */
import type { TimeWindow } from '../../main/api';

export interface TimelineBin {
  /** Bin start and end, epoch milliseconds: [start, end). */
  start: number;
  end: number;
  moneyLinks: number;
  accountsCreated: number;
}

/** Epoch milliseconds from the earliest to the latest time, inclusive. */
export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * `binCount` equal bins spanning the earliest to the latest known time (the last bin includes the
 * latest), or `span` when given (a zoomed strip: times outside it are left out); times that are null
 * or unreadable are left out. No times gives no bins.
 */
export function timelineBins(linkTimes: readonly (string | null)[], creationTimes: readonly (string | null)[], binCount: number, span?: TimeSpan): TimelineBin[] {
  const parse = (times: readonly (string | null)[]) =>
    times.flatMap((time) => {
      const at = time === null ? Number.NaN : Date.parse(time);
      return Number.isNaN(at) || (span && (at < span.start || at > span.end)) ? [] : [at];
    });
  const links = parse(linkTimes);
  const created = parse(creationTimes);
  const all = [...links, ...created];
  if ((all.length === 0 && !span) || binCount < 1) return [];
  const first = span ? span.start : all.reduce((min, at) => Math.min(min, at), Infinity);
  const last = span ? span.end : all.reduce((max, at) => Math.max(max, at), -Infinity);
  // A single instant still gets a visible bin one second wide.
  const width = Math.max(1_000, last - first) / binCount;
  const bins: TimelineBin[] = Array.from({ length: binCount }, (_, i) => ({ start: first + i * width, end: first + (i + 1) * width, moneyLinks: 0, accountsCreated: 0 }));
  const binOf = (time: number) => Math.min(binCount - 1, Math.floor((time - first) / width));
  for (const time of links) bins[binOf(time)].moneyLinks++;
  for (const time of created) bins[binOf(time)].accountsCreated++;
  return bins;
}

/** The time window a brush over bins [fromBin, toBin] selects (inclusive bins, half-open window). */
export function brushWindow(bins: readonly TimelineBin[], fromBin: number, toBin: number): TimeWindow {
  const low = Math.max(0, Math.min(fromBin, toBin));
  const high = Math.min(bins.length - 1, Math.max(fromBin, toBin));
  return { from: new Date(bins[low].start).toISOString(), to: new Date(high === bins.length - 1 ? bins[high].end + 1 : bins[high].end).toISOString() };
}

/** The span of the known times (null when none is known). */
export function timeSpan(times: readonly (string | null)[]): TimeSpan | null {
  let start = Infinity;
  let end = -Infinity;
  for (const time of times) {
    const at = time === null ? Number.NaN : Date.parse(time);
    if (Number.isNaN(at)) continue;
    start = Math.min(start, at);
    end = Math.max(end, at);
  }
  return start === Infinity ? null : { start, end };
}

/** The span a strip zoomed on a window shows: the window with twice its width (at least half an hour) either side, inside `whole`. */
export function zoomAround(window: { from: number; to: number }, whole: TimeSpan): TimeSpan {
  const pad = Math.max(2 * (window.to - window.from), 30 * 60_000);
  return { start: Math.max(whole.start, window.from - pad), end: Math.min(whole.end, window.to + pad) };
}
