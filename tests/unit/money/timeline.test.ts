import { describe, expect, it } from 'vitest';
import { linksInTimeWindow } from '../../../main/api';
import { brushWindow, timelineBins } from '../../../renderer/money/timeline';

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
