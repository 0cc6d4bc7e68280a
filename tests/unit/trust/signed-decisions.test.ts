import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Case, type ClusterMembers, type SnapshotQuery, type Subgraph } from '../../../main/api';
import { BlacklistOverlay } from '../../../main/core/cases/blacklist-overlay';
import { CaseService } from '../../../main/core/cases/case-service';
import { openInvestigation } from '../../../main/core/cases/investigation';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { FileInvestigationStore } from '../../../main/core/store/file-investigation-store';
import { certifyKey } from '../../../main/core/trust/certificate';
import { decisionHash, reviewProblems, signDecision } from '../../../main/core/trust/decisions';
import { canonicalHash, generateSigningKeyPair } from '../../../main/core/trust/signing';
import type { TeamTrust } from '../../../main/core/trust/team-trust';
import { createTestTeam, type TestTeam } from '../../support/test-team';

const cluster: ClusterMembers = {
  origin: 'ring',
  ringId: 'ring-3',
  ringKind: 'shared-identity',
  score: 0.8,
  reasons: ['4 accounts share 1 device'],
  accounts: [
    { nodeId: 'account:U0000002', userId: 'U0000002' },
    { nodeId: 'account:U0000003', userId: 'U0000003' },
  ],
  identifierNodeIds: ['device:D9'],
};

let dataDir: string;
let store: FileInvestigationStore;
let team: TestTeam;
let trust: TeamTrust;
let graphView: Subgraph;
let service: CaseService;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-trust-'));
  store = new FileInvestigationStore({ dataDir });
  team = await createTestTeam(store, dataDir, ['lee', 'lin']);
  trust = team.trust;
  graphView = {
    nodes: cluster.accounts.map((a) => ({ id: a.nodeId, kind: 'account', key: a.userId, label: a.userId, properties: { userId: a.userId, city: 'Hangzhou' }, riskScore: 0.3, blacklisted: false, degree: 1 })),
    edges: [],
  };
  service = new CaseService({ store, writeBack: new BlacklistOverlay(), trust, snapshotOf: async () => structuredClone(graphView) });
});
afterEach(async () => {
  await store.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function submitted() {
  const created = await service.create({ title: 'Ring 3', description: '', assignee: null, cluster }, 'ana');
  const tagged = await service.tag({ caseId: created.id, version: created.version, reasonCode: 'fraud_ring', confidence: 0.9, note: '' }, 'ana');
  return service.submit(tagged.id, tagged.version, 'ana');
}

describe('H2: four-eyes rests on authenticated, certified identities', () => {
  it('ignores RINGSCOPE_USER and RINGSCOPE_TEAM_LEADS: "bob" named lead in the environment cannot approve alice’s case', async () => {
    const alicesCase = await submitted();
    const env = { RINGSCOPE_USER: 'bob', RINGSCOPE_TEAM_LEADS: 'bob' };
    const second = await openInvestigation(resolveInvestigationConfig(env, { dataDir }));
    try {
      expect(second.identity.current()).toBe('demo-analyst');
      await expect(second.cases.approve(alicesCase.id, '', 'bob')).rejects.toMatchObject({ code: 'forbidden', message: 'Only a team lead can review cases, and bob is not one' });
      expect((await second.cases.get(alicesCase.id)).status).toBe('in_review');
    } finally {
      await second.close();
    }
  });

  it('does not count a team-lead certificate signed by another key, even written straight into the store', async () => {
    const alicesCase = await submitted();
    const bob = await trust.signerFor('bob');
    const forged = certifyKey(generateSigningKeyPair().privateKeyPem, 'bob', bob.publicKey, 'team_lead', new Date().toISOString());
    await expect(trust.addCertificate(forged, 'bob')).rejects.toMatchObject({ code: 'forbidden' });
    await store.commit({ audit: [{ actor: 'bob', action: 'key.certified', details: { certificate: forged } }] });
    expect(await trust.isTeamLead('bob')).toBe(false);
    await expect(service.approve(alicesCase.id, '', 'bob')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('needs the configured Neo4j role as well as the certificate where the server has roles', async () => {
    const alicesCase = await submitted();
    let leeHoldsRole = false;
    const gated = new CaseService({ store, writeBack: new BlacklistOverlay(), trust, snapshotOf: async () => graphView, holdsLeadRole: () => leeHoldsRole });
    await expect(gated.approve(alicesCase.id, '', 'lee')).rejects.toMatchObject({ code: 'forbidden', message: 'Only a team lead can review cases, and lee is not one' });
    leeHoldsRole = true;
    expect((await gated.approve(alicesCase.id, '', 'lee')).status).toBe('approved');
  });

  it('offers the two demo identities on the embedded graph and refuses them once a real store is in use', async () => {
    const investigation = await openInvestigation(resolveInvestigationConfig({}, { dataDir: path.join(dataDir, 'demo') }));
    try {
      expect(await investigation.useDemoIdentity('demo-lead')).toBe('demo-lead');
      expect(await investigation.trust.isTeamLead('demo-lead')).toBe(true);
      expect(await investigation.trust.isTeamLead('demo-analyst')).toBe(false);
      investigation.identity.useAuthenticated('neo4j-user');
      await expect(investigation.useDemoIdentity('demo-lead')).rejects.toMatchObject({ code: 'forbidden', message: 'Demo identities cannot be used with a Neo4j store' });
      expect(investigation.identity.current()).toBe('neo4j-user');
    } finally {
      await investigation.close();
    }
  });
});

describe('M1: an approval is bound to exactly what was submitted', () => {
  it('signs the submission over the members and snapshot, and the approval names its hash', async () => {
    const submittedCase = await submitted();
    const approved = await service.approve(submittedCase.id, 'ok', 'lee');
    const [submission, approval] = approved.signatures;
    expect(submission).toMatchObject({ decision: 'submit', actor: 'ana', caseId: approved.id });
    expect(approval).toMatchObject({ decision: 'approve', actor: 'lee', submissionHash: decisionHash(submission) });
    const [entry] = await store.listOutbox();
    expect(reviewProblems({ ...entry.decision, teamPublicKey: team.teamKey.publicKey, accounts: approved.snapshot?.accounts })).toEqual([]);
  });

  it('refuses to approve a case whose members were changed in the store after submission', async () => {
    const submittedCase = await submitted();
    const tampered = { ...submittedCase, cluster: { ...submittedCase.cluster, accounts: [...submittedCase.cluster.accounts, { nodeId: 'account:U0019999', userId: 'U0019999' }] } };
    await store.commit({ cases: [{ doc: tampered, expectedVersion: submittedCase.version }] });
    await expect(service.approve(submittedCase.id, '', 'lee')).rejects.toMatchObject({ code: 'conflict', message: 'The members changed after submission: the case was altered; submit it again' });
    expect(await store.listOutbox()).toEqual([]);
  });

  it('refuses to approve a case whose snapshot was rewritten in the store', async () => {
    const submittedCase = await submitted();
    const snapshot = { ...submittedCase.snapshot!, reasons: ['made up'] };
    await store.commit({ cases: [{ doc: { ...submittedCase, snapshot }, expectedVersion: submittedCase.version }] });
    await expect(service.approve(submittedCase.id, '', 'lee')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('freezes the queries that read the snapshot with it, so a rewritten query is detected', async () => {
    const queries: SnapshotQuery[] = [{ name: 'subgraph-between', text: 'MATCH (a:`Account`) WHERE a.`userId` IN $accountIds RETURN a', params: { accountIds: ['U0000002', 'U0000003'], includeSharedIdentifiers: true } }];
    service = new CaseService({ store, writeBack: new BlacklistOverlay(), trust, snapshotOf: async () => ({ ...structuredClone(graphView), queries: structuredClone(queries) }) });
    const submittedCase = await submitted();
    expect(submittedCase.snapshot?.queries).toEqual(queries);
    const snapshot = { ...submittedCase.snapshot!, queries: [{ ...queries[0], params: { accountIds: ['U0000002'], includeSharedIdentifiers: true } }] };
    await store.commit({ cases: [{ doc: { ...submittedCase, snapshot }, expectedVersion: submittedCase.version }] });
    await expect(service.approve(submittedCase.id, '', 'lee')).rejects.toMatchObject({ code: 'conflict', reason: 'case_altered' });
  });

  it('still approves a snapshot signed before queries were recorded, after a reload from disk', async () => {
    const submittedCase = await submitted();
    const { queries: _recordedNow, ...olderSnapshot } = submittedCase.snapshot!;
    const [submission] = submittedCase.signatures;
    const { signature: _signature, actor: _actor, actorKey: _actorKey, ...signed } = submission;
    const olderSubmission = signDecision(await trust.signerFor('ana'), { ...signed, snapshotHash: canonicalHash(olderSnapshot) });
    await store.commit({ cases: [{ doc: { ...submittedCase, snapshot: olderSnapshot, signatures: [olderSubmission] }, expectedVersion: submittedCase.version }] });
    await store.close();
    store = new FileInvestigationStore({ dataDir });
    const reloaded = new CaseService({ store, writeBack: new BlacklistOverlay(), trust, snapshotOf: async () => structuredClone(graphView) });
    const stored = await reloaded.get(submittedCase.id);
    expect(stored.snapshot).not.toHaveProperty('queries');
    // As the contract hands it on (validated output): the snapshot must hash as it was signed.
    expect(canonicalHash(Case.parse(stored).snapshot)).toBe(olderSubmission.snapshotHash);
    expect((await reloaded.approve(submittedCase.id, 'ok', 'lee')).status).toBe('approved');
  });

  it('keeps what the analyst saw: a graph change after submission changes neither the snapshot nor the push', async () => {
    const submittedCase = await submitted();
    graphView.nodes[0].properties.city = 'Shenzhen';
    const approved = await service.approve(submittedCase.id, '', 'lee');
    expect(approved.snapshot?.nodes[0].properties.city).toBe('Hangzhou');
    expect(approved.snapshot?.reasons).toEqual(['4 accounts share 1 device']);
    const [entry] = await store.listOutbox();
    expect(entry.decision.accounts).toEqual(['U0000002', 'U0000003']);
  });

  it('detects an approval moved onto another submission, or a push whose members were swapped', async () => {
    await service.approve((await submitted()).id, '', 'lee');
    const [entry] = await store.listOutbox();
    const other = await submitted();
    const otherSubmission = other.signatures[0];
    expect(reviewProblems({ ...entry.decision, submission: otherSubmission, teamPublicKey: team.teamKey.publicKey })).toContain('approval_not_of_this_submission');
    expect(reviewProblems({ ...entry.decision, teamPublicKey: team.teamKey.publicKey, accounts: [{ nodeId: 'account:U0019999', userId: 'U0019999' }] })).toContain('members_changed_since_submission');
    expect(reviewProblems({ ...entry.decision, teamPublicKey: generateSigningKeyPair().publicKey })).toContain('approver_certificate_invalid');
  });

  it('needs a lead other than the approver to revoke', async () => {
    const approved = await service.approve((await submitted()).id, '', 'lee');
    await expect(service.revoke(approved.id, 'changed my mind', 'lee')).rejects.toMatchObject({ code: 'forbidden', message: 'Four-eyes rule: you approved this case, another team lead must revoke the approval' });
    const revoked = await service.revoke(approved.id, 'customer proved identity', 'lin');
    expect(revoked.signatures.at(-1)).toMatchObject({ decision: 'revoke', actor: 'lin', submissionHash: decisionHash(approved.signatures[0]) });
  });
});
