// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Case } from '../../../main/api';
import { CaseDetail } from '../../../renderer/cases/CaseDetail';
import { caseFixture, caseReads, fakeApi, fraudRingTag } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

function renderCase(stored: Case[], changes: Parameters<typeof fakeApi>[0]['cases'] = {}) {
  const get = vi.fn(async () => stored.shift() ?? Promise.reject(new ApiError('not_found', 'gone', { reason: 'case_missing', params: { caseId: 'RS-20250101-abcdef12' } })));
  const api = fakeApi({ ...caseReads, cases: { get, ...changes } });
  renderWithProviders(<CaseDetail caseId="RS-20250101-abcdef12" />, api);
  return { get };
}

describe('CaseDetail', () => {
  it('shows a concurrent edit as a conflict with Reload, never re-sends the change, and Reload shows the other version', async () => {
    const theirs = caseFixture({ version: 4, title: 'Renamed by lee', updatedBy: 'lee' });
    const update = vi.fn(async () => {
      throw new ApiError('conflict', 'This case was changed by lee at 2025-01-01T09:30:00.000Z; reload it', {
        reason: 'stale_version',
        params: { updatedBy: 'lee', updatedAt: '2025-01-01T09:30:00.000Z' },
      });
    });
    const { get } = renderCase([caseFixture(), theirs], { update });

    const title = await screen.findByTestId('case-title-input');
    fireEvent.change(title, { target: { value: 'My new title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const notice = await screen.findByTestId('case-change-error');
    expect(notice.textContent).toContain('Your change was not saved');
    expect(notice.textContent).toContain('Someone else (lee) changed this at 2025-01-01T09:30:00.000Z: reload it');
    expect(notice.textContent).not.toContain('wait for');
    expect(update).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith({ caseId: 'RS-20250101-abcdef12', version: 3, title: 'My new title' });
    // The typed title stays until the user decides to reload.
    expect((screen.getByTestId('case-title-input') as HTMLInputElement).value).toBe('My new title');

    fireEvent.click(within(notice).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByTestId('case-title').textContent).toBe('Renamed by lee'));
    expect((screen.getByTestId('case-title-input') as HTMLInputElement).value).toBe('Renamed by lee');
    expect(screen.queryByTestId('case-change-error')).toBeNull();
    expect(get).toHaveBeenCalledTimes(2);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('keeps Submit disabled until the cluster is tagged, and says so', async () => {
    renderCase([caseFixture()]);
    const submit = await screen.findByTestId('submit-for-review');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('case-actions-hint').textContent).toContain('Tag the cluster with a reason code');
  });

  it('submits a tagged case with the version it shows and then shows it in review, members and tag locked', async () => {
    const tagged = caseFixture({ tag: fraudRingTag });
    const submit = vi.fn(async () => ({ ...tagged, version: 4, status: 'in_review' as const, submittedBy: 'ana', submittedAt: '2025-01-01T10:00:00.000Z' }));
    renderCase([tagged], { submit });

    fireEvent.click(await screen.findByTestId('submit-for-review'));

    await waitFor(() => expect(screen.getByTestId('case-detail').querySelector('[data-testid="case-status"]')?.textContent).toBe('In review'));
    expect(submit).toHaveBeenCalledWith({ caseId: tagged.id, version: 3 });
    expect(screen.queryByTestId('submit-for-review')).toBeNull();
    expect(screen.queryByTestId('add-member-input')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove U0000001/ })).toBeNull();
    expect(within(screen.getByTestId('case-tag')).getByTestId('tag-summary').textContent).toContain('Fraud ring');
  });

  it('offers Reopen and Close on a rejected case, and no Submit', async () => {
    renderCase([caseFixture({ status: 'rejected', tag: fraudRingTag })]);
    await screen.findByTestId('case-detail');
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close case' })).toBeTruthy();
    expect(screen.queryByTestId('submit-for-review')).toBeNull();
  });

  it('removes a member of an open case through updateMembers with the case version', async () => {
    const open = caseFixture();
    const updateMembers = vi.fn(async () => ({ ...open, version: 4, cluster: { ...open.cluster, accounts: open.cluster.accounts.slice(1) } }));
    renderCase([open], { updateMembers });

    fireEvent.click(await screen.findByRole('button', { name: 'Remove U0000001 from the case' }));

    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(1));
    expect(updateMembers).toHaveBeenCalledWith({ caseId: open.id, version: 3, removeAccountNodeIds: ['account:U0000001'] });
  });

  it('loads the case again when the case list shows a newer version, a colleague’s change, with the graph marks it made', async () => {
    const approvedByLee = caseFixture({ version: 5, status: 'approved', tag: fraudRingTag, updatedBy: 'lee' });
    const get = vi.fn(async () => (get.mock.calls.length === 1 ? caseFixture({ tag: fraudRingTag, status: 'in_review' }) : approvedByLee));
    // The Cases screen passes the version its refreshed list shows.
    function ListedVersion() {
      const [listed, setListed] = useState(3);
      return (
        <>
          <button onClick={() => setListed(5)}>list refreshed</button>
          <CaseDetail caseId="RS-20250101-abcdef12" latestVersion={listed} />
        </>
      );
    }
    // Lee's approval also marked the members in the graph.
    const nodeDetails = vi.fn(async ({ nodeId }: { nodeId: string }) => {
      const { node, neighbourCounts } = await caseReads.graph.nodeDetails({ nodeId });
      return { node: { ...node, blacklisted: get.mock.calls.length > 1 }, neighbourCounts };
    });
    renderWithProviders(<ListedVersion />, fakeApi({ ...caseReads, graph: { nodeDetails }, cases: { get } }));
    await waitFor(() => expect(statusShown()).toBe('In review'));
    await waitFor(() => expect(blacklistedColumn()).toEqual(['No', 'No']));
    expect(get).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'list refreshed' }));

    await waitFor(() => expect(statusShown()).toBe('Approved'));
    expect(get).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(blacklistedColumn()).toEqual(['Yes', 'Yes']));
  });

  it('never lets an older answer overwrite a newer one: a reload still in flight when a change answers is dropped', async () => {
    const tagged = caseFixture({ tag: fraudRingTag });
    // The reload (the list showed version 4) answers late, with the case as it was before the submit.
    let answerReload: (item: Case) => void = () => undefined;
    const get = vi.fn(() => (get.mock.calls.length === 1 ? Promise.resolve(tagged) : new Promise<Case>((resolve) => (answerReload = resolve))));
    const submitted = { ...tagged, version: 5, status: 'in_review' as const, submittedBy: 'ana', submittedAt: '2025-01-01T10:00:00.000Z' };
    const submit = vi.fn(async () => submitted);
    function ListedVersion() {
      const [listed, setListed] = useState(3);
      return (
        <>
          <button onClick={() => setListed(4)}>list refreshed</button>
          <CaseDetail caseId={tagged.id} latestVersion={listed} />
        </>
      );
    }
    renderWithProviders(<ListedVersion />, fakeApi({ ...caseReads, cases: { get, submit } }));
    await waitFor(() => expect(statusShown()).toBe('Open'));
    fireEvent.click(screen.getByRole('button', { name: 'list refreshed' }));
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByTestId('submit-for-review'));
    await waitFor(() => expect(statusShown()).toBe('In review'));
    answerReload({ ...tagged, version: 4 });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(statusShown()).toBe('In review');
    expect(screen.getByTestId('case-id').textContent).toContain('version 5');
  });
});

const blacklistedColumn = () => screen.getAllByTestId('member-row').map((row) => row.querySelectorAll('td')[2]?.textContent);
const statusShown = () => screen.getByTestId('case-detail').querySelector('[data-testid="case-status"]')?.textContent;
