import type { AccountRef, KeyCertificate, SignedDecision } from '../../api';
import { certificateProblem } from './certificate';
import { canonicalHash, verifyCanonical } from './signing';
import type { Signer } from './team-trust';

export type DecisionFields = Omit<SignedDecision, 'signature' | 'actor' | 'actorKey'>;

/** Signs one review act over the canonical encoding of all its fields. */
export function signDecision(signer: Signer, fields: DecisionFields): SignedDecision {
  const unsigned = { ...fields, actor: signer.subject, actorKey: signer.publicKey };
  return { ...unsigned, signature: signer.sign(unsigned) };
}

/** The hash an approval names: of the whole signed submission, signature included. */
export function decisionHash(decision: SignedDecision): string {
  return canonicalHash(decision);
}

/**
 * The member list as signed: the accounts' business keys (what the scoring service receives),
 * sorted, so the order they were added in does not matter and the receiver can recompute it.
 */
export function membersHash(accounts: readonly (AccountRef | string)[]): string {
  return canonicalHash(accounts.map((account) => (typeof account === 'string' ? account : account.userId)).sort());
}

export function isDecisionSignatureValid(decision: SignedDecision): boolean {
  const { signature, ...unsigned } = decision;
  return verifyCanonical(decision.actorKey, unsigned, signature);
}

/** Reason codes a receiver or verifier gives for refusing a reviewed decision. */
export type ReviewProblem =
  | 'submission_signature_invalid'
  | 'approval_signature_invalid'
  | 'approval_not_of_this_submission'
  | 'members_changed_since_submission'
  | 'snapshot_changed_since_submission'
  | 'approver_not_certified_lead'
  | 'approver_certificate_invalid'
  | 'four_eyes_violated'
  | 'case_mismatch';

/**
 * Checks a reviewed decision end to end as the scoring service must: both signatures, the approval
 * naming exactly this submission, the members and snapshot being those submitted, the approver's
 * team-lead certificate under the team key, and approver ≠ submitter. Returns every problem found.
 */
export function reviewProblems(input: {
  submission: SignedDecision;
  approval: SignedDecision;
  approverCertificate: KeyCertificate | null;
  teamPublicKey: string | null;
  accounts?: readonly (AccountRef | string)[];
  snapshotHash?: string;
}): ReviewProblem[] {
  const { submission, approval, approverCertificate } = input;
  const problems: ReviewProblem[] = [];
  if (submission.decision !== 'submit' || !isDecisionSignatureValid(submission)) problems.push('submission_signature_invalid');
  if (!isDecisionSignatureValid(approval)) problems.push('approval_signature_invalid');
  if (approval.submissionHash !== decisionHash(submission)) problems.push('approval_not_of_this_submission');
  if (approval.caseId !== submission.caseId) problems.push('case_mismatch');
  if (approval.membersHash !== submission.membersHash || (input.accounts && membersHash(input.accounts) !== submission.membersHash)) {
    problems.push('members_changed_since_submission');
  }
  if (approval.snapshotHash !== submission.snapshotHash || (input.snapshotHash !== undefined && input.snapshotHash !== submission.snapshotHash)) {
    problems.push('snapshot_changed_since_submission');
  }
  if (!approverCertificate || approverCertificate.subject !== approval.actor || approverCertificate.publicKey !== approval.actorKey || approverCertificate.role !== 'team_lead') {
    problems.push('approver_not_certified_lead');
  } else if (certificateProblem(approverCertificate, input.teamPublicKey)) {
    problems.push('approver_certificate_invalid');
  }
  if (approval.actor.trim().toLowerCase() === submission.actor.trim().toLowerCase() || approval.actorKey === submission.actorKey) problems.push('four_eyes_violated');
  return problems;
}
