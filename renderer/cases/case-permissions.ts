import { isCaseActionAllowed, type Case } from '../../main/api';

/** The signed-in investigator, as system.health reports them. */
export interface CurrentUser {
  name: string;
  isTeamLead: boolean;
}

/** Names compare as the core compares them: without case or surrounding spaces. */
export const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why a user may not approve or reject a case, or null when they may. The core enforces the same rules. */
export type ReviewBlock = 'notInReview' | 'notTeamLead' | 'tagged' | 'submitted';

/** The first rule that stops this user from reviewing this case (four-eyes), or null. */
export function reviewBlockFor(item: Case, user: CurrentUser): ReviewBlock | null {
  if (item.status !== 'in_review') return 'notInReview';
  if (!user.isTeamLead) return 'notTeamLead';
  if (item.taggedBy.some((tagger) => sameUser(tagger, user.name))) return 'tagged';
  if (item.submittedBy && sameUser(item.submittedBy, user.name)) return 'submitted';
  return null;
}

/** Why a user may not revoke a case's approval, or null when they may. The core enforces the same rules. */
export type RevokeBlock = 'notApproved' | 'notTeamLead' | 'approver';

/**
 * The rule that stops this user from revoking this approval, or null: a team lead other than the
 * one who approved it (four-eyes holds for undoing a decision too).
 */
export function revokeBlockFor(item: Case, user: CurrentUser): RevokeBlock | null {
  if (!isCaseActionAllowed(item.status, 'revoke')) return 'notApproved';
  if (!user.isTeamLead) return 'notTeamLead';
  const approval = item.signatures.findLast((signed) => signed.decision === 'approve');
  if (approval && sameUser(approval.actor, user.name)) return 'approver';
  return null;
}

/** Why a case cannot be submitted yet, or null when it can. */
export type SubmitBlock = 'status' | 'needsTag' | 'needsMembers';

export function submitBlockFor(item: Case): SubmitBlock | null {
  if (!isCaseActionAllowed(item.status, 'submit')) return 'status';
  if (!item.tag) return 'needsTag';
  if (item.cluster.accounts.length === 0) return 'needsMembers';
  return null;
}

/** What the case screen offers for a case in its current status. */
export interface CaseAvailability {
  edit: boolean;
  tag: boolean;
  changeMembers: boolean;
  submit: boolean;
  reopen: boolean;
  revoke: boolean;
  close: boolean;
  /** Save, choose and remove the case's named views. */
  views: boolean;
}

export function caseAvailability(item: Case): CaseAvailability {
  return {
    edit: isCaseActionAllowed(item.status, 'edit'),
    tag: isCaseActionAllowed(item.status, 'tag'),
    changeMembers: isCaseActionAllowed(item.status, 'changeMembers'),
    submit: submitBlockFor(item) === null,
    reopen: isCaseActionAllowed(item.status, 'reopen'),
    revoke: isCaseActionAllowed(item.status, 'revoke'),
    close: isCaseActionAllowed(item.status, 'close'),
    views: isCaseActionAllowed(item.status, 'views'),
  };
}
