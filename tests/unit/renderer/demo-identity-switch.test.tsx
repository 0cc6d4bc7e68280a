// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Health, Identity } from '../../../main/api';
import { SourceIndicator } from '../../../renderer/app/SourceIndicator';
import { fakeApi } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

function healthState(user: Identity): { status: 'ok'; health: Health } {
  return { status: 'ok', health: { status: 'ok', version: '1.0.0', source: { kind: 'embedded', name: 'Demo graph', accountCount: 2000 }, user } };
}

describe('the demo identity switch in the top bar', () => {
  it('is marked as demo and switches the embedded demo to the team lead', async () => {
    const useDemoIdentity = vi.fn(async () => ({ name: 'demo-lead', isTeamLead: true, demo: true, keyFingerprint: '0123456789abcdef' }));
    renderWithProviders(<SourceIndicator state={healthState({ name: 'demo-analyst', isTeamLead: false, demo: true, keyFingerprint: 'fedcba9876543210' })} onOpenSources={() => undefined} />, fakeApi({ system: { useDemoIdentity } }));
    expect(screen.getByText('Demo identity')).toBeTruthy();
    expect(screen.getByTestId('demo-identity-demo-analyst').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Demo team lead' }));
    await vi.waitFor(() => expect(useDemoIdentity).toHaveBeenCalledWith({ identity: 'demo-lead' }));
  });

  it('is not offered to an investigator Neo4j authenticated', () => {
    renderWithProviders(<SourceIndicator state={healthState({ name: 'alice', isTeamLead: true, demo: false, keyFingerprint: '0123456789abcdef' })} onOpenSources={() => undefined} />);
    expect(screen.queryByTestId('demo-identity-switch')).toBeNull();
    expect(screen.getByTestId('user-chip').textContent).toBe('alice · Team lead');
  });
});
