import { describe, expect, it } from 'vitest';
import { aggregateMoneyLinks, inTimeWindow, linksInTimeWindow, type MoneyLink } from '../../../main/api';

const link = (id: string, source: string, target: string, amount: number | null, at: string | null, currency: string | null = null): MoneyLink => ({
  id,
  source,
  target,
  type: 'TRANSFERRED_TO',
  kind: 'transfer',
  amount,
  currency,
  at,
});

describe('aggregateMoneyLinks', () => {
  it('folds parallel transfers between two accounts into one edge with count, total and first/last time', () => {
    const edges = aggregateMoneyLinks([
      link('t2', 'account:A', 'account:B', 500, '2026-03-02T10:00:00.000Z'),
      link('t1', 'account:A', 'account:B', 250.1, '2026-03-01T09:00:00.000Z'),
      link('t3', 'account:B', 'account:A', 99, '2026-03-03T00:00:00.000Z'),
      link('t4', 'account:A', 'account:B', 0.2, null),
    ]);
    expect(edges).toEqual([
      {
        id: 'account:A-TRANSFERRED_TO->account:B',
        source: 'account:A',
        target: 'account:B',
        type: 'TRANSFERRED_TO',
        kind: 'transfer',
        count: 3,
        totalAmount: 750.3,
        currency: null,
        firstAt: '2026-03-01T09:00:00.000Z',
        lastAt: '2026-03-02T10:00:00.000Z',
        linkIds: ['t1', 't2', 't4'],
      },
      expect.objectContaining({ id: 'account:B-TRANSFERRED_TO->account:A', count: 1, totalAmount: 99 }),
    ]);
  });

  it('keeps the total unknown when no amount is known and says when currencies differ', () => {
    const [unknown] = aggregateMoneyLinks([link('t1', 'a', 'b', null, null)]);
    expect(unknown).toMatchObject({ totalAmount: null, firstAt: null, lastAt: null });
    const [mixed] = aggregateMoneyLinks([link('t1', 'a', 'b', 1, null, 'EUR'), link('t2', 'a', 'b', 1, null, 'CNY'), link('t3', 'a', 'b', 1, null, 'EUR')]);
    expect(mixed.currency).toBe('mixed');
    const [same] = aggregateMoneyLinks([link('t1', 'a', 'b', 1, null, 'CNY'), link('t2', 'a', 'b', 1, null, null)]);
    expect(same.currency).toBe('CNY');
  });
});

describe('time window', () => {
  const links = [link('early', 'a', 'b', 1, '2026-01-01T00:00:00.000Z'), link('edge', 'a', 'b', 1, '2026-02-01T00:00:00.000Z'), link('late', 'a', 'b', 1, '2026-03-01T00:00:00.000Z'), link('unknown', 'a', 'b', 1, null)];

  it('keeps links in [from, to): the start is inside, the end is outside', () => {
    const window = { from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' };
    expect(linksInTimeWindow(links, window).map((l) => l.id)).toEqual(['edge']);
    expect(linksInTimeWindow(links, { from: null, to: '2026-02-01T00:00:00.000Z' }).map((l) => l.id)).toEqual(['early']);
  });

  it('keeps everything without a window, and a link of unknown time only then', () => {
    expect(linksInTimeWindow(links, null)).toHaveLength(4);
    expect(inTimeWindow(links[3], { from: null, to: null })).toBe(true);
    expect(inTimeWindow(links[3], { from: '2026-01-01T00:00:00.000Z', to: null })).toBe(false);
  });
});
