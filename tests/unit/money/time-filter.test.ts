import { describe, expect, it } from 'vitest';
import { linksInTimeWindow, type MoneyLink } from '../../../main/api';
import { buildMoneyTimeIndex, stepEdgeIds, edgesInWindowAmong, edgesOutsideWindow, firstPlayWindow, moneyEdges, nextPlayWindow } from '../../../renderer/money/time-filter';

const hour = (h: number) => Date.UTC(2026, 2, 1, h);
const link = (id: string, source: string, target: string, h: number | null, amount: number | null = 100): MoneyLink => ({
  id,
  source,
  target,
  type: 'TRANSFERRED_TO',
  kind: 'transfer',
  amount,
  currency: null,
  at: h === null ? null : new Date(hour(h)).toISOString(),
});

describe('timeline time filter', () => {
  const links = [link('1', 'a', 'b', 5), link('2', 'a', 'b', 1), link('3', 'b', 'c', 9), link('4', 'c', 'a', null)];
  const index = buildMoneyTimeIndex(links);

  it('greys exactly the drawn edges with no movement in the window, agreeing with the per-link filter', () => {
    for (const [from, to] of [
      [0, 2],
      [2, 5],
      [5, 6],
      [6, 10],
      [10, 20],
    ]) {
      const window = { from: hour(from), to: hour(to) };
      const inside = new Set(linksInTimeWindow(links, { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() }).map((l) => `${l.source}-${l.type}->${l.target}`));
      const outside = edgesOutsideWindow(index, window);
      for (const id of index.keys()) expect(outside.has(id)).toBe(!inside.has(id));
    }
    // The window is half-open: a movement exactly at `to` is outside.
    expect([...edgesOutsideWindow(index, { from: hour(2), to: hour(5) })]).toEqual(['a-TRANSFERRED_TO->b', 'b-TRANSFERRED_TO->c']);
    expect(edgesOutsideWindow(index, null).size).toBe(0);
  });

  it('leaves an edge whose only movements have no known time out of the index, so a window never greys it', () => {
    expect(index.has('c-TRANSFERRED_TO->a')).toBe(false);
    expect(edgesOutsideWindow(index, { from: hour(0), to: hour(1) }).has('c-TRANSFERRED_TO->a')).toBe(false);
  });

  it('finds the edges a reason cites: among its accounts, with a movement in its window', () => {
    const edges = moneyEdges(links);
    expect(edgesInWindowAmong(index, edges, ['a', 'b', 'c'], { from: hour(4), to: hour(10) })).toEqual(['a-TRANSFERRED_TO->b', 'b-TRANSFERRED_TO->c']);
    expect(edgesInWindowAmong(index, edges, ['a', 'b'], { from: hour(4), to: hour(10) })).toEqual(['a-TRANSFERRED_TO->b']);
  });

  it('folds money links into drawn edges with count, total and first and last time', () => {
    expect(moneyEdges(links)[0]).toEqual({
      id: 'a-TRANSFERRED_TO->b',
      source: 'a',
      target: 'b',
      type: 'TRANSFERRED_TO',
      kind: 'transfer',
      properties: { count: 2, totalAmount: 200, firstAt: new Date(hour(1)).toISOString(), lastAt: new Date(hour(5)).toISOString() },
    });
  });
});

describe('money flow steps on the canvas', () => {
  it('finds the drawn transfer edge of each step in order, null where it is not drawn', () => {
    const edges = [...moneyEdges([link('1', 'a', 'b', 1), link('2', 'b', 'c', 2)]), { id: 'a-USES->d', source: 'c', target: 'a', kind: 'identifier' as const }];
    expect(stepEdgeIds([{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'a' }], edges)).toEqual(['a-TRANSFERRED_TO->b', 'b-TRANSFERRED_TO->c', null]);
  });
});

describe('timeline play', () => {
  it('steps a window of constant width to the end of the span, then stops', () => {
    const windows = [firstPlayWindow(hour(0), hour(10))];
    for (let next = nextPlayWindow(windows[0], hour(10), 3_600_000 * 4); next; next = nextPlayWindow(windows.at(-1)!, hour(10), 3_600_000 * 4)) windows.push(next);
    expect(windows.map((w) => [(w.from - hour(0)) / 3_600_000, (w.to - hour(0)) / 3_600_000])).toEqual([
      [0, 1],
      [4, 5],
      [8, 9],
      [9, 10],
    ]);
  });
});
