// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, GraphEdge, GraphNode, LinkDetails as LinkDetailsResult } from '../../../main/api';
import { formattersFor } from '../../../renderer/i18n/format';
import { LinkDetails } from '../../../renderer/money/LinkDetails';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const account = (id: string): GraphNode => ({ id, kind: 'account', key: id, label: id.replace('account:', ''), properties: {}, riskScore: 0.1, blacklisted: false, degree: 2 });
const edge: GraphEdge = {
  id: 'account:A-TRANSFERRED_TO->account:B',
  source: 'account:A',
  target: 'account:B',
  type: 'TRANSFERRED_TO',
  kind: 'transfer',
  properties: { count: 2, totalAmount: 12_500.5, firstAt: '2026-03-01T08:00:00.000Z', lastAt: '2026-03-02T09:30:00.000Z' },
};
const details: LinkDetailsResult = {
  edge,
  links: [
    { id: 't1', source: 'account:A', target: 'account:B', type: 'TRANSFERRED_TO', kind: 'transfer', amount: 12_000, currency: null, at: '2026-03-01T08:00:00.000Z' },
    { id: 't2', source: 'account:A', target: 'account:B', type: 'TRANSFERRED_TO', kind: 'transfer', amount: 500.5, currency: 'CNY', at: '2026-03-02T09:30:00.000Z' },
  ],
  truncated: false,
};

function apiAnswering(linkDetails: (input: unknown) => Promise<LinkDetailsResult>): Api {
  return { graph: { linkDetails } } as unknown as Api;
}

describe('LinkDetails', () => {
  it('shows a money link’s count, total and each transfer with its amount and time', async () => {
    const linkDetails = vi.fn().mockResolvedValue(details);
    renderWithProviders(<LinkDetails edge={edge} source={account('account:A')} target={account('account:B')} onSelectNode={() => undefined} onClose={() => undefined} />, apiAnswering(linkDetails));
    expect(linkDetails).toHaveBeenCalledWith({ source: 'account:A', target: 'account:B', type: 'TRANSFERRED_TO' });
    expect(screen.getByTestId('link-kind').textContent).toBe('Money transfer');
    expect(screen.getByTestId('link-count').textContent).toBe('2');
    expect(screen.getByTestId('link-total').textContent).toBe('12,500.5');
    const rows = await screen.findAllByTestId('link-transaction');
    const format = formattersFor('en');
    expect(rows.map((row) => [within(row).getByTestId('link-transaction-time').textContent, within(row).getByTestId('link-transaction-amount').textContent])).toEqual([
      [format.dateTime('2026-03-01T08:00:00.000Z'), '12,000'],
      [format.dateTime('2026-03-02T09:30:00.000Z'), '500.5 CNY'],
    ]);
  });

  it('opens an end of the link when its name is clicked', () => {
    const onSelectNode = vi.fn();
    renderWithProviders(<LinkDetails edge={edge} source={account('account:A')} target={account('account:B')} onSelectNode={onSelectNode} onClose={() => undefined} />, apiAnswering(vi.fn().mockResolvedValue(details)));
    fireEvent.click(screen.getByRole('button', { name: 'B' }));
    expect(onSelectNode).toHaveBeenCalledWith('account:B');
  });

  it('says what an identifier link is without asking for transactions', () => {
    const linkDetails = vi.fn();
    renderWithProviders(
      <LinkDetails edge={{ id: 'account:A-USES_DEVICE->device:1', source: 'account:A', target: 'device:1', type: 'USES_DEVICE', kind: 'identifier', properties: {} }} source={account('account:A')} target={undefined} onSelectNode={() => undefined} onClose={() => undefined} />,
      apiAnswering(linkDetails),
    );
    expect(screen.getByTestId('link-kind').textContent).toBe('Shares identifier');
    expect(screen.queryByTestId('link-transactions')).toBeNull();
    expect(linkDetails).not.toHaveBeenCalled();
  });
});
