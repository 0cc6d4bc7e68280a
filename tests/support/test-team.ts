/**
 * A real team for tests: a team key pair, investigators' keys in a temporary vault, team-lead
 * certificates in the store's keyring, and signed scoring decisions made with the same code the
 * product uses. Nothing here fakes a signature.
 */
import path from 'node:path';
import type { AccountRef, CaseSnapshot, ScoringDecision } from '../../main/api';
import { GENESIS_HASH } from '../../main/core/audit/audit-chain';
import { certifyKey } from '../../main/core/trust/certificate';
import { decisionHash, membersHash, signDecision } from '../../main/core/trust/decisions';
import { FileKeyVault } from '../../main/core/trust/key-vault';
import { canonicalHash, generateSigningKeyPair, signCanonical, type SigningKeyPair } from '../../main/core/trust/signing';
import { TeamTrust, type Signer } from '../../main/core/trust/team-trust';
import type { InvestigationStore } from '../../main/core/store/investigation-store';

export interface TestTeam {
  teamKey: SigningKeyPair;
  trust: TeamTrust;
}

/** A TeamTrust over `store` whose team key certified `leads` as team leads. */
export async function createTestTeam(store: InvestigationStore, dataDir: string, leads: readonly string[]): Promise<TestTeam> {
  const teamKey = generateSigningKeyPair();
  const trust = new TeamTrust({
    teamPublicKey: teamKey.publicKey,
    vault: new FileKeyVault(path.join(dataDir, 'keys')),
    auditTrail: { list: () => store.listAudit(), record: (draft) => store.commit({ audit: [draft] }) },
  });
  for (const lead of leads) {
    const signer = await trust.signerFor(lead);
    await trust.addCertificate(certifyKey(teamKey.privateKeyPem, lead, signer.publicKey, 'team_lead', new Date().toISOString()), lead);
  }
  return { teamKey, trust };
}

/** An in-memory signer (no vault) for building decisions in tests. */
export function memorySigner(subject: string, keys: SigningKeyPair = generateSigningKeyPair()): Signer {
  return { subject, publicKey: keys.publicKey, sign: (value) => signCanonical(keys.privateKeyPem, value) };
}

/** A scoring decision signed end to end: ana submitted, lee (certified by `teamKey`) approved. */
export function signedScoringDecision(
  fields: { decisionId: string; caseId: string; accounts: string[] } & Partial<ScoringDecision>,
  teamKey: SigningKeyPair = generateSigningKeyPair(),
): ScoringDecision {
  const at = fields.approvedAt ?? '2026-03-02T09:00:00.000Z';
  const accounts: AccountRef[] = fields.accounts.map((userId) => ({ nodeId: `account:${userId}`, userId }));
  const snapshot: Pick<CaseSnapshot, 'accounts'> = { accounts };
  const ana = memorySigner('ana');
  const leeKeys = generateSigningKeyPair();
  const lee = memorySigner(fields.approvedBy ?? 'lee', leeKeys);
  const common = { caseId: fields.caseId, membersHash: membersHash(accounts), snapshotHash: canonicalHash(snapshot), at };
  const submission = signDecision(ana, { ...common, decision: 'submit', version: 3, submissionHash: null });
  const approval = signDecision(lee, { ...common, decision: 'approve', version: 4, submissionHash: decisionHash(submission) });
  return {
    decision: 'blacklist',
    ringKind: null,
    reasonCode: 'fraud_ring',
    confidence: 0.9,
    approvedBy: lee.subject,
    approvedAt: at,
    submission,
    approval,
    approverCertificate: certifyKey(teamKey.privateKeyPem, lee.subject, lee.publicKey, 'team_lead', at),
    auditHead: { seq: 0, hash: GENESIS_HASH },
    ...fields,
  };
}
