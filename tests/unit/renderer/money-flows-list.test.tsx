// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, RingMoneyFlows } from '../../../main/api';
import { MoneyFlowsList, type FlowFocus } from '../../../renderer/money/MoneyFlowsList';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString();
const cycle = (index: number): RingMoneyFlows['cycles'][number] => ({
  accountIds: [`account:A${index}`, `account:B${index}`, `account:C${index}`],
  steps: [
    { source: `account:A${index}`, target: `account:B${index}`, amount: 1000, at: at(0) },
    { source: `account:B${index}`, target: `account:C${index}`, amount: 990, at: at(10) },
    { source: `account:C${index}`, target: `account:A${index}`, amount: 980, at: at(20) },
  ],
  startedAt: at(0),
  endedAt: at(20),
});
const flows: RingMoneyFlows = { cycles: Array.from({ length: 10 }, (_, index) => cycle(index)), fanIns: [] };
const api = { rings: { moneyFlows: vi.fn(async () => flows) } } as unknown as Api;

describe('MoneyFlowsList', () => {
  it('lists the first cycles with "and 7 more cycles" that opens the rest', async () => {
    renderWithProviders(<MoneyFlowsList clusterId="C-1" labelOf={(id) => id.replace('account:', '')} focus={null} onFocus={() => undefined} />, api);
    expect(await screen.findByText('10 money cycles')).toBeTruthy();
    expect(screen.getAllByTestId('money-cycle')).toHaveLength(3);
    expect(screen.getAllByTestId('money-cycle')[0].textContent).toContain('A0 → B0 → C0 → A0');
    fireEvent.click(screen.getByRole('button', { name: 'and 7 more cycles' }));
    expect(screen.getAllByTestId('money-cycle')).toHaveLength(10);
    expect(screen.queryByRole('button', { name: /more cycles/ })).toBeNull();
  });

  it('shows the focused cycle’s transfers in order with amounts and times, and steps through them', async () => {
    const onFocus = vi.fn<(focus: FlowFocus | null) => void>();
    const focus: FlowFocus = { flow: flows.cycles[0], step: 1 };
    renderWithProviders(<MoneyFlowsList clusterId="C-1" labelOf={(id) => id.replace('account:', '')} focus={focus} onFocus={onFocus} />, api);
    const steps = await screen.findByTestId('flow-steps');
    expect(within(steps).getByTestId('flow-step-position').textContent).toBe('Step 2 of 3');
    const items = within(steps).getAllByRole('listitem').map((item) => item.textContent);
    expect(items[0]).toMatch(/^A0 → B0: 1,000 at /);
    expect(items[1]).toMatch(/^B0 → C0: 990 at /);
    fireEvent.click(within(steps).getByTestId('flow-next'));
    expect(onFocus).toHaveBeenLastCalledWith({ flow: flows.cycles[0], step: 2 });
    fireEvent.click(within(steps).getByTestId('flow-previous'));
    expect(onFocus).toHaveBeenLastCalledWith({ flow: flows.cycles[0], step: 0 });
  });

  it('says so when the ring has no money cycle and no fan-in', async () => {
    const none = { rings: { moneyFlows: vi.fn(async () => ({ cycles: [], fanIns: [] })) } } as unknown as Api;
    renderWithProviders(<MoneyFlowsList clusterId="C-2" labelOf={String} focus={null} onFocus={() => undefined} />, none);
    expect((await screen.findByTestId('money-flows-none')).textContent).toBe('No money cycle or fan-in inside this ring.');
  });
});
