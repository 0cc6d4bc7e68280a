// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../main/api';
import { ReviewDecisionForm } from '../../../renderer/review/ReviewDecisionForm';
import { caseFixture, fakeApi, fraudRingTag } from './cases-fixtures';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const inReview = caseFixture({ status: 'in_review', tag: fraudRingTag, taggedBy: ['ana'], submittedBy: 'ana', submittedAt: '2025-01-01T10:00:00.000Z' });
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('ReviewDecisionForm', () => {
  it('shows an analyst disabled buttons and why', () => {
    renderWithProviders(<ReviewDecisionForm item={inReview} user={{ name: 'bob', isTeamLead: false }} onDecided={vi.fn()} />);
    expect(button('Approve').disabled).toBe(true);
    expect(button('Reject').disabled).toBe(true);
    expect(screen.getByTestId('review-block').textContent).toBe('Only team leads can approve or reject, and bob is not one.');
  });

  it('shows the team lead who tagged the cluster the four-eyes rule instead of the buttons', () => {
    renderWithProviders(<ReviewDecisionForm item={{ ...inReview, taggedBy: ['ana', 'lee'] }} user={{ name: 'lee', isTeamLead: true }} onDecided={vi.fn()} />);
    expect(button('Approve').disabled).toBe(true);
    expect(screen.getByTestId('review-block').textContent).toContain('Four-eyes rule');
  });

  it('lets another team lead approve with an optional comment, but reject only with one', async () => {
    const approved = { ...inReview, status: 'approved' as const };
    const approve = vi.fn(async () => approved);
    const onDecided = vi.fn();
    renderWithProviders(<ReviewDecisionForm item={inReview} user={{ name: 'lee', isTeamLead: true }} onDecided={onDecided} />, fakeApi({ review: { approve } }));

    expect(button('Reject').disabled).toBe(true);
    expect(button('Approve').disabled).toBe(false);
    fireEvent.change(screen.getByTestId('review-comment'), { target: { value: 'Confirmed' } });
    expect(button('Reject').disabled).toBe(false);
    fireEvent.click(button('Approve'));

    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(approved));
    expect(approve).toHaveBeenCalledWith({ caseId: inReview.id, comment: 'Confirmed' });
  });

  it('shows the core’s refusal when the UI let a forbidden review through', async () => {
    const approve = vi.fn(async () => {
      throw new ApiError('forbidden', 'Four-eyes rule: you tagged this cluster, another team lead must review it', { reason: 'four_eyes_tagger' });
    });
    const onDecided = vi.fn();
    renderWithProviders(<ReviewDecisionForm item={inReview} user={{ name: 'lee', isTeamLead: true }} onDecided={onDecided} />, fakeApi({ review: { approve } }));

    fireEvent.click(button('Approve'));

    const notice = await screen.findByTestId('case-change-error');
    expect(notice.textContent).toContain('Not allowed');
    expect(notice.textContent).toContain('Four-eyes rule: you tagged this cluster, another team lead must review it');
    expect(onDecided).not.toHaveBeenCalled();
  });
});
