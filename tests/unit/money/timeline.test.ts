import { describe, expect, it } from 'vitest';
import { linksInTimeWindow } from '../../../main/api';
import { brushWindow, timelineBins, timeSpan, zoomAround } from '../../../renderer/money/timeline';

const day = (d: number) => new Date(Date.UTC(2026, 2, d)).toISOString();

describe('timeline bins', () => {
  it('counts money links and account creations in equal bins from the earliest to the latest time', () => {
    const bins = timelineBins([day(1), day(2), day(11), null, 'not a time'], [day(1), day(6)], 2);
    expect(bins.map(({ moneyLinks, accountsCreated }) => [moneyLinks, accountsCreated])).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(new Date(bins[0].start).toISOString()).toBe(day(1));
    expect(timelineBins([], [null], 10)).toEqual([]);
  });

  it('bins only the zoomed span when one is given, leaving times outside it out', () => {
    const bins = timelineBins([day(1), day(2), day(3), day(11)], [day(2)], 4, { start: Date.parse(day(2)), end: Date.parse(day(6)) });
    expect(bins.map((bin) => [bin.moneyLinks, bin.accountsCreated])).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(bins[0].start).toBe(Date.parse(day(2)));
    expect(bins[3].end).toBe(Date.parse(day(6)));
  });

  it('zooms on a window with twice its width either side, never past the whole span', () => {
    const whole = timeSpan([day(1), null, day(30), 'not a time'])!;
    expect(whole).toEqual({ start: Date.parse(day(1)), end: Date.parse(day(30)) });
    expect(zoomAround({ from: Date.parse(day(10)), to: Date.parse(day(11)) }, whole)).toEqual({ start: Date.parse(day(8)), end: Date.parse(day(13)) });
    expect(zoomAround({ from: Date.parse(day(1)), to: Date.parse(day(2)) }, whole).start).toBe(whole.start);
    expect(timeSpan([null])).toBeNull();
  });

  it('turns a brush over bins into a window that keeps exactly the links drawn in those bins', () => {
    const times = [day(1), day(3), day(5), day(8), day(11)];
    const bins = timelineBins(times, [], 10);
    const links = times.map((at, i) => ({ id: String(i), at }));
    const window = brushWindow(bins, 4, 0);
    expect(linksInTimeWindow(links, window).length).toBe(bins.slice(0, 5).reduce((sum, bin) => sum + bin.moneyLinks, 0));
    // The last bin includes the latest link.
    expect(linksInTimeWindow(links, brushWindow(bins, 9, 9)).map((link) => link.at)).toEqual([day(11)]);
  });
});
