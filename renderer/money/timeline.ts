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

/**
 * `binCount` equal bins spanning the earliest to the latest known time (the last bin includes the
 * latest); times that are null or unreadable are left out. No times gives no bins.
 */
export function timelineBins(linkTimes: readonly (string | null)[], creationTimes: readonly (string | null)[], binCount: number): TimelineBin[] {
  const parse = (times: readonly (string | null)[]) => times.flatMap((time) => (time === null || Number.isNaN(Date.parse(time)) ? [] : [Date.parse(time)]));
  const links = parse(linkTimes);
  const created = parse(creationTimes);
  const all = [...links, ...created];
  if (all.length === 0 || binCount < 1) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
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
