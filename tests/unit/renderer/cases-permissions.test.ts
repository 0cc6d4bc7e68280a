import { describe, expect, it } from 'vitest';
import { caseAvailability, reviewBlockFor, revokeBlockFor, submitBlockFor } from '../../../renderer/cases/case-permissions';
import { caseFixture, fraudRingTag, signedDecisionFixture } from './cases-fixtures';

const submitted = caseFixture({ status: 'in_review', tag: fraudRingTag, taggedBy: ['ana'], submittedBy: 'ana', submittedAt: '2025-01-01T10:00:00.000Z' });

describe('who may review a case', () => {
  it('lets a team lead who neither tagged nor submitted the cluster review it', () => {
    expect(reviewBlockFor(submitted, { name: 'lee', isTeamLead: true })).toBeNull();
  });

  it('refuses an analyst, however the case looks', () => {
    expect(reviewBlockFor(submitted, { name: 'bob', isTeamLead: false })).toBe('notTeamLead');
  });

  it('refuses the team lead who tagged or changed the cluster (four-eyes), whatever the case of the name', () => {
    const taggedByLead = { ...submitted, taggedBy: ['ana', 'Lee '] };
    expect(reviewBlockFor(taggedByLead, { name: 'lee', isTeamLead: true })).toBe('tagged');
  });

  it('refuses the team lead who submitted it', () => {
    expect(reviewBlockFor({ ...submitted, submittedBy: 'lee' }, { name: 'lee', isTeamLead: true })).toBe('submitted');
  });

  it('refuses a decision on a case that is not in review', () => {
    expect(reviewBlockFor({ ...submitted, status: 'approved' }, { name: 'lee', isTeamLead: true })).toBe('notInReview');
  });
});

describe('who may revoke an approval', () => {
  const approved = { ...submitted, status: 'approved' as const };

  it('lets a team lead revoke an approval without a signed approver on record', () => {
    expect(revokeBlockFor(approved, { name: 'lee', isTeamLead: true })).toBeNull();
  });

  it('refuses an analyst, even the one who tagged the cluster', () => {
    expect(revokeBlockFor(approved, { name: 'ana', isTeamLead: false })).toBe('notTeamLead');
  });

  it('refuses the lead who approved: another lead must revoke (four-eyes)', () => {
    const signedByLin = { ...approved, signatures: [signedDecisionFixture({ decision: 'approve', actor: 'lin' })] };
    expect(revokeBlockFor(signedByLin, { name: 'Lin ', isTeamLead: true })).toBe('approver');
    expect(revokeBlockFor(signedByLin, { name: 'lee', isTeamLead: true })).toBeNull();
  });

  it('refuses a revoke of a case that is not approved', () => {
    for (const status of ['open', 'in_review', 'rejected', 'closed'] as const) {
      expect(revokeBlockFor({ ...approved, status }, { name: 'lee', isTeamLead: true })).toBe('notApproved');
    }
  });
});

describe('what a case offers in each status', () => {
  it('lets an open case be edited, tagged and have members changed, but not submitted before it is tagged', () => {
    const open = caseFixture();
    expect(caseAvailability(open)).toEqual({ edit: true, tag: true, changeMembers: true, submit: false, reopen: false, revoke: false, close: false, views: true });
    expect(submitBlockFor(open)).toBe('needsTag');
  });

  it('lets a tagged open case with members be submitted, and not one without members', () => {
    expect(caseAvailability(caseFixture({ tag: fraudRingTag })).submit).toBe(true);
    const empty = caseFixture({ tag: fraudRingTag, cluster: { ...caseFixture().cluster, accounts: [] } });
    expect(submitBlockFor(empty)).toBe('needsMembers');
  });

  it('locks members and tag while in review', () => {
    expect(caseAvailability(submitted)).toEqual({ edit: true, tag: false, changeMembers: false, submit: false, reopen: false, revoke: false, close: false, views: true });
  });

  it('offers reopen and close for a rejected case, revoke and close for an approved one, nothing for a closed one', () => {
    expect(caseAvailability({ ...submitted, status: 'rejected' })).toMatchObject({ reopen: true, revoke: false, close: true });
    expect(caseAvailability({ ...submitted, status: 'approved' })).toMatchObject({ reopen: false, revoke: true, close: true });
    expect(caseAvailability({ ...submitted, status: 'closed' })).toEqual({ edit: false, tag: false, changeMembers: false, submit: false, reopen: false, revoke: false, close: false, views: false });
  });
});
