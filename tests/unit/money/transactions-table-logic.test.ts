import { describe, expect, it } from 'vitest';
import type { MoneyLink } from '../../../main/api';
import { filterTransactions, sortTransactions, transactionsCsv } from '../../../renderer/money/transactions';

const link = (id: string, amount: number | null, at: string | null, source = 'account:U0000001', target = 'account:U0000002'): MoneyLink => ({
  id,
  source,
  target,
  type: 'TRANSFERRED_TO',
  kind: 'transfer',
  amount,
  currency: null,
  at,
});
const links = [link('a', 500, '2026-03-02T00:00:00.000Z'), link('b', null, '2026-03-01T00:00:00.000Z'), link('c', 20, null, 'account:U0000009', 'merchant:M00123')];
const header = { at: 'Time', source: 'From', target: 'To', kind: 'Kind', amount: 'Amount', currency: 'Currency' };

describe('transactions table logic', () => {
  it('sorts by amount or time either way, unknown values always last', () => {
    expect(sortTransactions(links, { column: 'amount', direction: 'desc' }).map((l) => l.id)).toEqual(['a', 'c', 'b']);
    expect(sortTransactions(links, { column: 'amount', direction: 'asc' }).map((l) => l.id)).toEqual(['c', 'a', 'b']);
    expect(sortTransactions(links, { column: 'at', direction: 'asc' }).map((l) => l.id)).toEqual(['b', 'a', 'c']);
  });

  it('filters by account, merchant or amount text', () => {
    expect(filterTransactions(links, 'm00123').map((l) => l.id)).toEqual(['c']);
    expect(filterTransactions(links, '500').map((l) => l.id)).toEqual(['a']);
    expect(filterTransactions(links, '  ')).toHaveLength(3);
  });

  it('exports CSV a spreadsheet opens safely: quoted where needed, formulas neutralised, unknowns empty', () => {
    const hostile = link('d', 1, null, '=HYPERLINK("x")', 'account:U,2');
    const csv = transactionsCsv([links[1], hostile], header);
    expect(csv.split('\r\n')).toEqual([
      'Time,From,To,Kind,Amount,Currency',
      '2026-03-01T00:00:00.000Z,account:U0000001,account:U0000002,transfer,,',
      `,"'=HYPERLINK(""x"")","account:U,2",transfer,1,`,
      '',
    ]);
  });
});
