// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Case, type Health } from '../../../main/api';
import { CaseDetail } from '../../../renderer/cases/CaseDetail';
import { caseFixture, caseReads, fakeApi, fraudRingTag } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const approval = { decision: 'approved' as const, comment: 'One device farm', by: 'lee', at: '2025-01-01T11:00:00.000Z', decisionId: 'd-approve' };
const approved = caseFixture({ status: 'approved', tag: fraudRingTag, submittedBy: 'ana', submittedAt: '2025-01-01T10:00:00.000Z', reviews: [approval] });

function healthOf(name: string, isTeamLead: boolean): Health {
  return { status: 'ok', version: '1.0.0', source: { kind: 'embedded', name: 'Demo graph', accountCount: 20_000 }, user: { name, isTeamLead, demo: true, keyFingerprint: '0123456789abcdef' } };
}

/** The graph as the core keeps it: the members are marked until the approval is revoked. */
function graphWithMarkedMembers() {
  const graph = { marked: true };
  const nodeDetails = vi.fn(async ({ nodeId }: { nodeId: string }) => {
    const { node, neighbourCounts } = await caseReads.graph.nodeDetails({ nodeId });
    return { node: { ...node, blacklisted: graph.marked }, neighbourCounts };
  });
  return { graph, nodeDetails };
}

function renderCaseAs(user: Health, item: Case, revoke = vi.fn(async (): Promise<Case> => Promise.reject(new Error('not expected'))), nodeDetails = caseReads.graph.nodeDetails) {
  const api = fakeApi({ ...caseReads, graph: { nodeDetails }, system: { health: async () => user }, cases: { get: vi.fn(async () => item) }, review: { revoke } });
  renderWithProviders(<CaseDetail caseId={item.id} />, api);
  return { revoke };
}

const blacklistedColumn = () => screen.getAllByTestId('member-row').map((row) => row.querySelectorAll('td')[2]?.textContent);

const revokeButton = () => screen.findByRole('button', { name: 'Revoke approval…' }) as Promise<HTMLButtonElement>;
const statusShown = () => screen.getByTestId('case-detail').querySelector('[data-testid="case-status"]')?.textContent;

describe('Revoking an approval on the case page', () => {
  it('lets a team lead revoke only with a reason, then shows the case open again, its members unmarked and the revocation in its reviews', async () => {
    const revokedCase: Case = { ...approved, version: 4, status: 'open', reviews: [approval, { decision: 'revoked', comment: 'Customer proved identity', by: 'lee', at: '2025-01-02T08:00:00.000Z', decisionId: 'd-clear' }] };
    const { graph, nodeDetails } = graphWithMarkedMembers();
    const revokeInCore = vi.fn(async () => {
      graph.marked = false;
      return revokedCase;
    });
    const { revoke } = renderCaseAs(healthOf('lee', true), approved, revokeInCore, nodeDetails);

    await waitFor(() => expect(blacklistedColumn()).toEqual(['Yes', 'Yes']));
    await waitFor(async () => expect((await revokeButton()).disabled).toBe(false));
    fireEvent.click(await revokeButton());
    const dialog = await screen.findByRole('dialog', { name: `Revoke the approval of ${approved.id}` });
    expect(dialog.textContent).toContain('removed from its 2 accounts in the graph');
    const confirm = within(dialog).getByRole('button', { name: 'Revoke approval' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('revoke-comment'), { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);

    fireEvent.change(within(dialog).getByTestId('revoke-comment'), { target: { value: 'Customer proved identity' } });
    fireEvent.click(confirm);

    await waitFor(() => expect(statusShown()).toBe('Open'));
    expect(revoke).toHaveBeenCalledExactlyOnceWith({ caseId: approved.id, comment: 'Customer proved identity' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Revoke approval…' })).toBeNull();
    const reviews = screen.getByTestId('reviews-list');
    expect(reviews.textContent).toContain('Revoked');
    expect(reviews.textContent).toContain('Customer proved identity');
    await waitFor(() => expect(blacklistedColumn()).toEqual(['No', 'No']));
  });

  it('shows an analyst the button disabled, and why', async () => {
    renderCaseAs(healthOf('ana', false), approved);
    await waitFor(() => expect(screen.queryByTestId('revoke-block')).not.toBeNull());
    expect((await revokeButton()).disabled).toBe(true);
    expect(screen.getByTestId('revoke-block').textContent).toBe('Only team leads can revoke an approval, and ana is not one.');
  });

  it('shows the core’s refusal in the dialog and leaves the case approved', async () => {
    const revoke = vi.fn(async (): Promise<Case> => {
      throw new ApiError('forbidden', 'Only a team lead can review cases, and lee is not one', { reason: 'not_team_lead', params: { user: 'lee' } });
    });
    renderCaseAs(healthOf('lee', true), approved, revoke);

    await waitFor(async () => expect((await revokeButton()).disabled).toBe(false));
    fireEvent.click(await revokeButton());
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('revoke-comment'), { target: { value: 'Wrong ring' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke approval' }));

    const notice = await within(dialog).findByTestId('case-change-error');
    expect(notice.textContent).toContain('Not allowed');
    expect(notice.textContent).toContain('Only a team lead can review cases, and lee is not one.');
    expect((within(dialog).getByTestId('revoke-comment') as HTMLTextAreaElement).value).toBe('Wrong ring');
    expect(statusShown()).toBe('Approved');
  });

  it('says that revoking a false-positive approval sends nothing to the scoring service', async () => {
    renderCaseAs(healthOf('lee', true), { ...approved, tag: { ...fraudRingTag, reasonCode: 'false_positive' } });
    await waitFor(async () => expect((await revokeButton()).disabled).toBe(false));
    fireEvent.click(await revokeButton());
    expect((await screen.findByRole('dialog')).textContent).toContain('nothing is unmarked in the graph or sent to the scoring service');
  });

  it('offers no revoke on a case that is not approved', async () => {
    renderCaseAs(healthOf('lee', true), { ...approved, status: 'rejected' });
    await screen.findByTestId('case-detail');
    expect(screen.queryByRole('button', { name: /Revoke approval/ })).toBeNull();
  });
});
