import { ApiError, CASE_ACTION_RULES, isCaseActionAllowed, type CaseAction, type CaseStatus } from '../../api';

export type { CaseAction };

/** The end of "… cannot …" when the status table (CASE_ACTION_RULES in main/api) refuses an action. */
const REFUSALS: Record<CaseAction, string> = {
  edit: 'be edited',
  tag: 'be tagged; reopen it first',
  changeMembers: 'have its members changed; reopen it first',
  views: 'have its views changed',
  submit: 'be submitted for review',
  approve: 'be approved',
  reject: 'be rejected',
  reopen: 'be reopened',
  revoke: 'be revoked',
  close: 'be closed',
};

const STATUS_PHRASES: Record<CaseStatus, string> = {
  open: 'An open case',
  in_review: 'A case in review',
  approved: 'An approved case',
  rejected: 'A rejected case',
  closed: 'A closed case',
};

/** The status a case moves to when `action` is applied, or a conflict error saying why it cannot be. */
export function nextStatus(current: CaseStatus, action: CaseAction): CaseStatus {
  if (!isCaseActionAllowed(current, action)) {
    throw new ApiError('conflict', `${STATUS_PHRASES[current]} cannot ${REFUSALS[action]}`, { reason: 'transition_refused', params: { status: current, action } });
  }
  return CASE_ACTION_RULES[action].to ?? current;
}
