// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MoneyLink } from '../../../main/api';
import { TransactionsTable } from '../../../renderer/money/TransactionsTable';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const link = (id: string, amount: number, at: string, target = 'account:U0000002'): MoneyLink => ({
  id,
  source: 'account:U0000001',
  target,
  type: 'TRANSFERRED_TO',
  kind: 'transfer',
  amount,
  currency: null,
  at,
});
const links = [link('a', 500, '2026-03-02T00:00:00.000Z'), link('b', 20, '2026-03-01T00:00:00.000Z'), link('c', 75, '2026-03-03T00:00:00.000Z', 'account:U0000003')];
const amountColumn = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[4].textContent);

describe('TransactionsTable', () => {
  it('lists every transaction oldest first and sorts by amount when the header is clicked', () => {
    renderWithProviders(<TransactionsTable links={links} truncated={false} />);
    expect(amountColumn()).toEqual(['20.00', '500.00', '75.00']);
    fireEvent.click(screen.getByRole('button', { name: 'Amount' }));
    expect(amountColumn()).toEqual(['20.00', '75.00', '500.00']);
    fireEvent.click(screen.getByRole('button', { name: 'Amount' }));
    expect(amountColumn()).toEqual(['500.00', '75.00', '20.00']);
    expect(screen.getByText('3 of 3 transactions')).toBeTruthy();
  });

  it('filters by account and says when the list was cut', () => {
    renderWithProviders(<TransactionsTable links={links} truncated />);
    fireEvent.change(screen.getByLabelText('Filter'), { target: { value: 'U0000003' } });
    expect(amountColumn()).toEqual(['75.00']);
    expect(screen.getByText('1 of the first 3 transactions (more exist)')).toBeTruthy();
  });

  it('hands a clicked row to the canvas', () => {
    const onSelect = vi.fn();
    renderWithProviders(<TransactionsTable links={links} truncated={false} onSelect={onSelect} />);
    fireEvent.click(screen.getAllByRole('row')[1]);
    expect(onSelect).toHaveBeenCalledWith(links[1]);
  });
});
