// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Health } from '../../../main/api';
import { AppShell } from '../../../renderer/app/AppShell';
import { fakeApi } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

// The real shell with stand-in screens; the Review screen fails to render while `reviewBroken` is set.
const screens = vi.hoisted(() => ({ reviewBroken: true }));
vi.mock('../../../renderer/explore/ExploreScreen', () => ({ ExploreScreen: () => <p>Explore content</p> }));
vi.mock('../../../renderer/rings/RingsScreen', () => ({ RingsScreen: () => <p>Rings content</p> }));
vi.mock('../../../renderer/cases/CasesScreen', () => ({ CasesScreen: () => <p>Cases content</p> }));
vi.mock('../../../renderer/outbox/OutboxScreen', () => ({ OutboxScreen: () => <p>Outbox content</p> }));
vi.mock('../../../renderer/audit/AuditScreen', () => ({ AuditScreen: () => <p>Audit content</p> }));
vi.mock('../../../renderer/connect/ConnectScreen', () => ({ ConnectScreen: () => <p>Connect content</p> }));
vi.mock('../../../renderer/review/ReviewScreen', () => ({
  ReviewScreen: () => {
    if (screens.reviewBroken) throw new TypeError("Cannot read properties of undefined (reading 'reviews')");
    return <p>Review content</p>;
  },
}));

const health: Health = { status: 'ok', version: '2.3.4', source: { kind: 'embedded', name: 'Demo graph', accountCount: 20_000 }, user: { name: 'demo-lead', isTeamLead: true, demo: true, keyFingerprint: 'f'.repeat(16) } };

const navigateTo = (label: string) => fireEvent.click(within(screen.getByRole('navigation')).getByText(label));
const shownScreen = () => screen.getAllByRole('main').find((main) => !main.hidden);

describe('a screen that fails to render', () => {
  let clipboard: string[];
  beforeEach(() => {
    screens.reviewBroken = true;
    clipboard = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void clipboard.push(text) } });
    // React reports the caught error on the console; the fallback is what this test looks at.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows what failed with a report to copy, while the navigation and the other screens keep working', async () => {
    renderWithProviders(<AppShell />, fakeApi({ system: { health: async () => health } }));
    expect(shownScreen()?.textContent).toBe('Explore content');

    navigateTo('Review');
    const fallback = within(shownScreen()!).getByTestId('screen-error');
    expect(fallback.textContent).toContain('The Review screen ran into an error');
    await waitFor(() => expect((screen.getByTestId('screen-error-report') as HTMLTextAreaElement).value).toContain('RingScope 2.3.4'));
    const report = (screen.getByTestId('screen-error-report') as HTMLTextAreaElement).value;
    expect(report).toContain('Screen: Review');
    expect(report).toContain("Error: Cannot read properties of undefined (reading 'reviews')");
    expect(report).toMatch(/TypeError: Cannot read properties[\s\S]*at /);
    fireEvent.click(within(fallback).getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(clipboard).toEqual([report]));

    navigateTo('Cases');
    expect(shownScreen()?.textContent).toBe('Cases content');
    navigateTo('Audit');
    expect(shownScreen()?.textContent).toBe('Audit content');
  });

  it('renders the screen again on Try again, once the cause is gone', () => {
    renderWithProviders(<AppShell />, fakeApi({ system: { health: async () => health } }));
    navigateTo('Review');
    expect(within(shownScreen()!).getByTestId('screen-error')).toBeTruthy();

    screens.reviewBroken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(shownScreen()?.textContent).toBe('Review content');
  });
});
