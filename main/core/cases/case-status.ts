import { ApiError, type CaseStatus } from '../../api';

/**
 * Every action on a case and the statuses it is allowed from, in one table: the status machine
 * open → in_review → approved / rejected → closed, with reopen (rejected → open) and revoke
 * (approved → open, which also reverses the blacklist). `to: null` leaves the status as it is.
 */
const CASE_ACTIONS = {
  edit: { from: ['open', 'in_review', 'approved', 'rejected'], to: null, refusal: 'be edited' },
  tag: { from: ['open'], to: null, refusal: 'be tagged; reopen it first' },
  changeMembers: { from: ['open'], to: null, refusal: 'have its members changed; reopen it first' },
  submit: { from: ['open'], to: 'in_review', refusal: 'be submitted for review' },
  approve: { from: ['in_review'], to: 'approved', refusal: 'be approved' },
  reject: { from: ['in_review'], to: 'rejected', refusal: 'be rejected' },
  reopen: { from: ['rejected'], to: 'open', refusal: 'be reopened' },
  revoke: { from: ['approved'], to: 'open', refusal: 'be revoked' },
  close: { from: ['approved', 'rejected'], to: 'closed', refusal: 'be closed' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | null; refusal: string }>;

export type CaseAction = keyof typeof CASE_ACTIONS;

const STATUS_PHRASES: Record<CaseStatus, string> = {
  open: 'An open case',
  in_review: 'A case in review',
  approved: 'An approved case',
  rejected: 'A rejected case',
  closed: 'A closed case',
};

/** The status a case moves to when `action` is applied, or a conflict error saying why it cannot be. */
export function nextStatus(current: CaseStatus, action: CaseAction): CaseStatus {
  const rule = CASE_ACTIONS[action];
  if (!(rule.from as readonly CaseStatus[]).includes(current)) {
    throw new ApiError('conflict', `${STATUS_PHRASES[current]} cannot ${rule.refusal}`);
  }
  return rule.to ?? current;
}
