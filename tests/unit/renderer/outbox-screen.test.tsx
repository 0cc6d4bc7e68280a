// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../../../main/api';
import { useWorkbench } from '../../../renderer/app/workbench';
import { OutboxScreen } from '../../../renderer/outbox/OutboxScreen';
import { fakeApi, pushEvidenceFixture } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

function entry(id: string, overrides: Partial<OutboxEntry>): OutboxEntry {
  return {
    id,
    version: 2,
    caseId: `RS-case-${id}`,
    decision: {
      decisionId: '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b',
      caseId: `RS-case-${id}`,
      decision: 'blacklist',
      accounts: ['U1', 'U2', 'U3'],
      ringKind: 'shared-identity',
      reasonCode: 'fraud_ring',
      confidence: 0.9,
      approvedBy: 'lee',
      approvedAt: '2025-01-01T10:00:00.000Z',
      ...pushEvidenceFixture(),
    },
    state: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    leaseExpiresAt: null,
    lastError: null,
    lastStatus: null,
    deliveredAt: null,
    acknowledgedHead: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedBy: 'lee',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** The Outbox screen only loads while it is the active screen. */
function ShowOutbox() {
  const { goTo } = useWorkbench();
  useEffect(() => goTo('outbox'), [goTo]);
  return <OutboxScreen />;
}

describe('OutboxScreen', () => {
  it('shows each delivery’s state and the server’s message, with Retry now only where it helps', async () => {
    const entries = [
      entry('a', { state: 'delivered', attempts: 1, deliveredAt: '2025-01-01T10:00:01.000Z', createdAt: '2025-01-01T10:00:00.000Z' }),
      entry('b', { state: 'rejected', attempts: 1, lastStatus: 422, lastError: 'Unknown account U3', createdAt: '2025-01-01T11:00:00.000Z' }),
      entry('c', { state: 'retrying', attempts: 3, lastError: 'connect ECONNREFUSED', nextAttemptAt: '2025-01-01T12:05:00.000Z', createdAt: '2025-01-01T12:00:00.000Z' }),
    ];
    const list = vi.fn(async () => ({ entries, endpoint: 'https://scoring.example/v1/decisions' }));
    const retryNow = vi.fn(async ({ id }: { id: string }) => ({ ...entries.find((item) => item.id === id)!, state: 'pending' as const }));
    renderWithProviders(<ShowOutbox />, fakeApi({ outbox: { list, retryNow } }));

    const rows = await screen.findAllByTestId('outbox-row');
    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual(['retrying', 'rejected', 'delivered']);
    expect(screen.getByTestId('outbox-endpoint').textContent).toContain('https://scoring.example/v1/decisions');
    expect(within(rows[1]).getByText('HTTP 422: Unknown account U3')).toBeTruthy();
    expect(within(rows[0]).queryByRole('button', { name: 'Retry now' })).toBeTruthy();
    expect(within(rows[1]).queryByRole('button', { name: 'Retry now' })).toBeTruthy();
    expect(within(rows[2]).queryByRole('button', { name: 'Retry now' })).toBeNull();

    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(retryNow).toHaveBeenCalledWith({ id: 'b' }));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('warns when no scoring service is configured', async () => {
    renderWithProviders(<ShowOutbox />, fakeApi({ outbox: { list: vi.fn(async () => ({ entries: [], endpoint: null })) } }));
    expect((await screen.findByTestId('outbox-endpoint')).textContent).toContain('No scoring service is configured');
  });
});
