// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphNode, NodeDetails } from '../../../main/api';
import { DetailsPanel, type DetailsPanelProps } from '../../../renderer/explore/DetailsPanel';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const account: GraphNode = {
  id: 'account:U0017674',
  kind: 'account',
  key: 'U0017674',
  label: 'U0017674',
  properties: { userId: 'U0017674', createdAt: '2024-10-06T11:24:17.863Z', riskScore: 0.95, blacklisted: true },
  riskScore: 0.95,
  blacklisted: true,
  degree: 10,
};

const phone: GraphNode = {
  id: 'phone:93035',
  kind: 'phone',
  key: '+49 ••• ••• 67',
  label: '+49 ••• ••• 67',
  properties: { phoneNumber: '+49 ••• ••• 67' },
  riskScore: null,
  blacklisted: false,
  degree: 1,
};

function renderPanel(props: Partial<DetailsPanelProps> & { node: GraphNode }) {
  const handlers = { onExpand: vi.fn(), onClose: vi.fn() };
  renderWithProviders(<DetailsPanel pageSize={50} details={{ status: 'idle' }} page={undefined} busy={false} {...handlers} {...props} />);
  return handlers;
}

describe('DetailsPanel', () => {
  it('shows every property, masked values exactly as the core sent them', () => {
    renderPanel({ node: phone });
    expect(screen.getByTestId('property-phoneNumber').textContent).toContain('+49 ••• ••• 67');
    expect(screen.getByRole('heading', { name: '+49 ••• ••• 67' })).toBeTruthy();
  });

  it('shows an account’s risk as a bar with its score and band, and flags a blacklisted account', () => {
    renderPanel({ node: account });
    const bar = within(screen.getByTestId('risk-bar'));
    expect(bar.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('95');
    expect(bar.getByText('0.95 · High')).toBeTruthy();
    expect(screen.getAllByText('Blacklisted').length).toBeGreaterThan(0);
    expect(screen.getByTestId('property-blacklisted').textContent).toContain('Yes');
    expect(screen.getByTestId('property-createdAt').textContent).toContain('2024-10-06T11:24:17.863Z');
  });

  it('has no risk bar for an identifier, which carries no model score', () => {
    renderPanel({ node: phone });
    expect(screen.queryByTestId('risk-bar')).toBeNull();
  });

  it('lists neighbour counts per relationship once the details arrive', () => {
    const details: NodeDetails = { node: account, neighbourCounts: [{ type: 'USES_DEVICE', count: 1 }, { type: 'TRANSFERRED_TO', count: 2 }] };
    renderPanel({ node: account, details: { status: 'ok', nodeId: account.id, details } });
    expect(screen.getByText('USES_DEVICE · 1')).toBeTruthy();
    expect(screen.getByText('TRANSFERRED_TO · 2')).toBeTruthy();
  });

  it('tells how many neighbours of a paged hub are not drawn and loads the next page on request', () => {
    const ip: GraphNode = { ...phone, id: 'ip:2', kind: 'ip', label: '193.15.249.•••', properties: { ipAddress: '193.15.249.•••' }, degree: 1337 };
    const { onExpand } = renderPanel({ node: ip, page: { totalNeighbours: 1337, nextOffset: 50 } });
    expect(screen.getByTestId('more-neighbours').textContent).toBe('+1,287 more neighbours not drawn');
    fireEvent.click(screen.getByRole('button', { name: 'Load next 50' }));
    expect(onExpand).toHaveBeenCalledTimes(1);
  });

  it('disables loading more while another expand is running', () => {
    renderPanel({ node: account, page: { totalNeighbours: 120, nextOffset: 50 }, busy: true });
    expect(screen.getByRole('button', { name: 'Load next 50' }).hasAttribute('disabled')).toBe(true);
  });

  it('says when the whole neighbourhood is drawn', () => {
    renderPanel({ node: account, page: { totalNeighbours: 10, nextOffset: null } });
    expect(screen.getByText('All 10 neighbours drawn')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Load next/ })).toBeNull();
  });
});
