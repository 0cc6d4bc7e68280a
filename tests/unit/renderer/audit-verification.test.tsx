// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChainVerification } from '../../../renderer/audit/ChainVerification';
import { fakeApi } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

describe('ChainVerification', () => {
  it('says the chain is intact and how many events it covers', async () => {
    const verify = vi.fn(async () => ({ valid: true, count: 42, headHash: 'a'.repeat(64), brokenAtSeq: null, problem: null, anchors: { checked: 2, lastSeq: 30 } }));
    renderWithProviders(<ChainVerification />, fakeApi({ audit: { verify } }));
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByTestId('chain-result')).textContent).toContain('Chain intact: 42 events');
    expect(screen.getByTestId('chain-result').textContent).toContain('Checked against 2 audit heads acknowledged by the scoring service (latest #30).');
  });

  it('names the event where a tampered chain breaks', async () => {
    const verify = vi.fn(async () => ({ valid: false, count: 42, headHash: 'b'.repeat(64), brokenAtSeq: 17, problem: 'hash does not match the event', anchors: { checked: 0, lastSeq: null } }));
    renderWithProviders(<ChainVerification />, fakeApi({ audit: { verify } }));
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    const result = await screen.findByTestId('chain-result');
    expect(result.textContent).toContain('Chain broken at event #17');
    expect(result.textContent).toContain('hash does not match the event');
  });
});
