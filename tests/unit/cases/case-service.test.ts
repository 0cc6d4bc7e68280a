import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiContract, CASE_VIEW_LIMITS, MAX_CASE_VIEWS, type ClusterMembers, type GraphNode, type Subgraph } from '../../../main/api';
import { verifyAuditChain } from '../../../main/core/audit/audit-chain';
import { BlacklistOverlay } from '../../../main/core/cases/blacklist-overlay';
import { CaseService } from '../../../main/core/cases/case-service';
import { FileInvestigationStore } from '../../../main/core/store/file-investigation-store';
import type { TeamTrust } from '../../../main/core/trust/team-trust';
import { createTestTeam } from '../../support/test-team';
import { workspaceOf } from '../../support/workspace-fixture';

const ringCluster: ClusterMembers = {
  origin: 'ring',
  ringId: 'ring-7',
  ringKind: 'shared-identity',
  score: 0.91,
  reasons: ['6 accounts share 2 devices', '5 accounts opened within 3 days'],
  accounts: [
    { nodeId: 'account:U0000011', userId: 'U0000011' },
    { nodeId: 'account:U0000012', userId: 'U0000012' },
    { nodeId: 'account:U0000013', userId: 'U0000013' },
  ],
  identifierNodeIds: ['device:D1', 'phone:P1'],
};

let dataDir: string;
let store: FileInvestigationStore;
let overlay: BlacklistOverlay;
let service: CaseService;
let clock: number;
let trust: TeamTrust;
/** What the graph shows of the cluster right now (the submission freezes it). */
let graphView: Subgraph;
const accountNode = (userId: string, risk: number): GraphNode => ({ id: `account:${userId}`, kind: 'account', key: userId, label: userId, properties: { userId, riskBand: risk }, riskScore: risk, blacklisted: false, degree: 2 });

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-cases-'));
  store = new FileInvestigationStore({ dataDir, now: () => clock });
  overlay = new BlacklistOverlay();
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  ({ trust } = await createTestTeam(store, dataDir, ['lee', 'lin']));
  graphView = { nodes: ringCluster.accounts.map((a) => accountNode(a.userId, 0.4)), edges: [] };
  service = new CaseService({ store, writeBack: overlay, trust, snapshotOf: async () => structuredClone(graphView), now: () => (clock += 1000) });
});
afterEach(async () => {
  await store.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Ana creates a case from ring-7, tags it as a fraud ring and submits it for review. */
async function submittedCase(reasonCode: 'fraud_ring' | 'false_positive' = 'fraud_ring') {
  const created = await service.create({ title: 'Ring 7 synthetic identities', description: '', assignee: 'ana', cluster: ringCluster }, 'ana');
  const tagged = await service.tag({ caseId: created.id, version: created.version, reasonCode, confidence: 0.8, note: 'same device' }, 'ana');
  return service.submit(tagged.id, tagged.version, 'ana');
}

describe('CaseService status machine', () => {
  it('moves a case from open to in review to approved to closed', async () => {
    const submitted = await submittedCase();
    expect(submitted.status).toBe('in_review');
    const approved = await service.approve(submitted.id, 'clear ring', 'lee');
    expect(approved.status).toBe('approved');
    expect((await service.close(approved.id, approved.version, 'lee')).status).toBe('closed');
  });

  it('lets a rejected case be reopened, changed and submitted again', async () => {
    const submitted = await submittedCase();
    const rejected = await service.reject(submitted.id, 'U0000013 is a real customer', 'lee');
    const reopened = await service.reopen(rejected.id, rejected.version, 'ana');
    const trimmed = await service.updateMembers({ caseId: reopened.id, version: reopened.version, addAccounts: [], removeAccountNodeIds: ['account:U0000013'], addIdentifierNodeIds: [], removeIdentifierNodeIds: [] }, 'ana');
    const resubmitted = await service.submit(trimmed.id, trimmed.version, 'ana');
    expect(resubmitted.status).toBe('in_review');
    expect(resubmitted.cluster.accounts.map((a) => a.userId)).toEqual(['U0000011', 'U0000012']);
    expect(resubmitted.reviews.map((r) => [r.decision, r.by, r.comment])).toEqual([['rejected', 'lee', 'U0000013 is a real customer']]);
  });

  it('refuses to change the members or tag of a case in review', async () => {
    const submitted = await submittedCase();
    const change = service.updateMembers({ caseId: submitted.id, version: submitted.version, addAccounts: [{ nodeId: 'account:U0000099', userId: 'U0000099' }], removeAccountNodeIds: [], addIdentifierNodeIds: [], removeIdentifierNodeIds: [] }, 'ana');
    await expect(change).rejects.toMatchObject({ code: 'conflict', message: 'A case in review cannot have its members changed; reopen it first' });
    const retag = service.tag({ caseId: submitted.id, version: submitted.version, reasonCode: 'cash_out', confidence: 0.5, note: '' }, 'ana');
    await expect(retag).rejects.toMatchObject({ code: 'conflict', message: 'A case in review cannot be tagged; reopen it first' });
  });

  it('refuses transitions the table does not allow', async () => {
    const created = await service.create({ title: 'Selection', description: '', assignee: null, cluster: ringCluster }, 'ana');
    await expect(service.close(created.id, created.version, 'ana')).rejects.toMatchObject({ code: 'conflict', message: 'An open case cannot be closed' });
    await expect(service.reopen(created.id, created.version, 'ana')).rejects.toMatchObject({ message: 'An open case cannot be reopened' });
    const submitted = await submittedCase();
    await expect(service.submit(submitted.id, submitted.version, 'ana')).rejects.toMatchObject({ message: 'A case in review cannot be submitted for review' });
  });

  it('refuses to submit a cluster that was never tagged', async () => {
    const created = await service.create({ title: 'Untagged', description: '', assignee: null, cluster: ringCluster }, 'ana');
    await expect(service.submit(created.id, created.version, 'ana')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Tag the cluster') });
  });
});

describe('CaseService four-eyes review', () => {
  it('does not let the team lead who tagged a cluster approve it', async () => {
    const created = await service.create({ title: 'Lead tags', description: '', assignee: null, cluster: ringCluster }, 'lin');
    const tagged = await service.tag({ caseId: created.id, version: created.version, reasonCode: 'cash_out', confidence: 0.7, note: '' }, 'lin');
    const submitted = await service.submit(tagged.id, tagged.version, 'lin');
    await expect(service.approve(submitted.id, '', 'lin')).rejects.toMatchObject({ code: 'forbidden', message: 'Four-eyes rule: you tagged this cluster, another team lead must review it' });
    await expect(service.approve(submitted.id, '', ' LIN ')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await service.approve(submitted.id, 'agreed', 'lee')).status).toBe('approved');
  });

  it('does not let a lead who only changed the members approve the case', async () => {
    const created = await service.create({ title: 'Shared work', description: '', assignee: null, cluster: ringCluster }, 'ana');
    const edited = await service.updateMembers({ caseId: created.id, version: created.version, addAccounts: [{ nodeId: 'account:U0000014', userId: 'U0000014' }], removeAccountNodeIds: [], addIdentifierNodeIds: [], removeIdentifierNodeIds: [] }, 'lee');
    const tagged = await service.tag({ caseId: edited.id, version: edited.version, reasonCode: 'fraud_ring', confidence: 0.9, note: '' }, 'ana');
    const submitted = await service.submit(tagged.id, tagged.version, 'ana');
    await expect(service.approve(submitted.id, '', 'lee')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('does not let someone who is not a team lead approve or reject', async () => {
    const submitted = await submittedCase();
    await expect(service.approve(submitted.id, '', 'bob')).rejects.toMatchObject({ code: 'forbidden', message: 'Only a team lead can review cases, and bob is not one' });
    await expect(service.reject(submitted.id, 'no', 'bob')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await service.get(submitted.id)).status).toBe('in_review');
  });

  it('shows submitted cases in the review queue until a lead decides', async () => {
    const first = await submittedCase();
    await service.create({ title: 'Still open', description: '', assignee: null, cluster: ringCluster }, 'ana');
    expect((await service.reviewQueue()).map((c) => c.id)).toEqual([first.id]);
    await service.approve(first.id, '', 'lee');
    expect(await service.reviewQueue()).toEqual([]);
  });
});

describe('CaseService decisions', () => {
  it('queues a blacklist decision in the outbox with the approval and marks the accounts in the graph', async () => {
    const submitted = await submittedCase();
    const approved = await service.approve(submitted.id, 'ring confirmed', 'lee');
    const [entry] = await store.listOutbox();
    expect(entry).toMatchObject({
      state: 'pending',
      caseId: approved.id,
      decision: { decision: 'blacklist', accounts: ['U0000011', 'U0000012', 'U0000013'], ringKind: 'shared-identity', reasonCode: 'fraud_ring', confidence: 0.8, approvedBy: 'lee' },
    });
    expect(entry.id).toBe(approved.reviews.at(-1)?.decisionId);
    expect(overlay.annotationFor('U0000012').properties).toEqual({ blacklisted: true, blacklistCaseId: approved.id });
    expect(overlay.isBlacklisted('U0000099')).toBe(false);
  });

  it('clears the graph mark and queues a clear decision when an approval is revoked', async () => {
    const approved = await service.approve((await submittedCase()).id, '', 'lee');
    const revoked = await service.revoke(approved.id, 'customer proved identity', 'lin');
    expect(revoked.status).toBe('open');
    expect(overlay.isBlacklisted('U0000011')).toBe(false);
    const decisions = (await store.listOutbox()).map((entry) => entry.decision.decision).sort();
    expect(decisions).toEqual(['blacklist', 'clear']);
  });

  it('sends a false-positive approval as a clear decision and blacklists no one', async () => {
    const approved = await service.approve((await submittedCase('false_positive')).id, '', 'lee');
    expect((await store.listOutbox()).map((entry) => entry.decision.decision)).toEqual(['clear']);
    expect(overlay.isBlacklisted('U0000011')).toBe(false);
    expect(approved.status).toBe('approved');
  });

  it('re-applies approved blacklists to a fresh graph after a restart', async () => {
    await service.approve((await submittedCase()).id, '', 'lee');
    const freshOverlay = new BlacklistOverlay({ mode: 'label', label: 'Blacklisted' });
    const restarted = new CaseService({ store: new FileInvestigationStore({ dataDir }), writeBack: freshOverlay, trust, snapshotOf: async () => graphView });
    expect(await restarted.reconcileWriteBack()).toBe(1);
    expect(freshOverlay.annotationFor('U0000013')).toEqual({ properties: {}, labels: ['Blacklisted'] });
  });

  it('records every step in a valid audit chain with who did it', async () => {
    const submitted = await submittedCase();
    await service.addNote(submitted.id, 'called the bank', 'ana');
    await service.approve(submitted.id, 'ok', 'lee');
    const trail = await store.listAudit();
    expect(trail.filter((event) => !event.action.startsWith('key.')).map((event) => `${event.actor} ${event.action}`)).toEqual([
      'ana case.created',
      'ana case.tagged',
      'ana case.submitted',
      'ana case.note_added',
      'lee case.approved',
      'lee push.queued',
    ]);
    expect(verifyAuditChain(trail).valid).toBe(true);
  });
});

describe('CaseService concurrent edits', () => {
  it('refuses an edit based on a version someone else has changed, naming them', async () => {
    const created = await service.create({ title: 'Original', description: '', assignee: null, cluster: ringCluster }, 'ana');
    const byLee = await service.update({ caseId: created.id, version: created.version, title: 'Lee renamed it' }, 'lee');
    const stale = service.update({ caseId: created.id, version: created.version, description: 'Ana edits the old copy' }, 'ana');
    await expect(stale).rejects.toMatchObject({ code: 'conflict', message: `This case was changed by lee at ${byLee.updatedAt}; reload it` });
    expect((await service.get(created.id)).title).toBe('Lee renamed it');
  });

  it('appends notes from two people without either being lost', async () => {
    const created = await service.create({ title: 'Notes', description: '', assignee: null, cluster: ringCluster }, 'ana');
    await Promise.all([service.addNote(created.id, 'first', 'ana'), service.addNote(created.id, 'second', 'lee')]);
    expect((await service.get(created.id)).notes.map((note) => `${note.author}: ${note.text}`).sort()).toEqual(['ana: first', 'lee: second']);
  });

  it('filters the case list by status, assignee and text', async () => {
    const submitted = await submittedCase();
    await service.create({ title: 'Cash-out at merchant M12', description: '', assignee: 'bob', cluster: { ...ringCluster, accounts: [{ nodeId: 'account:U0000500', userId: 'U0000500' }] } }, 'bob');
    expect((await service.list({ status: 'in_review' })).map((c) => c.id)).toEqual([submitted.id]);
    expect((await service.list({ assignee: 'BOB' })).map((c) => c.title)).toEqual(['Cash-out at merchant M12']);
    expect((await service.list({ text: 'u0000500' })).map((c) => c.title)).toEqual(['Cash-out at merchant M12']);
    expect(await service.list({ text: 'nothing like this' })).toEqual([]);
  });
});

describe('CaseService named views', () => {
  const canvas = workspaceOf(ringCluster.accounts.map((account, i) => ({ id: account.nodeId, x: i * 100, y: 0 })));

  it('keeps a view saved from Explore under its name, replaces it when saved again under that name, and audits both', async () => {
    const created = await service.create({ title: 'Views', description: '', assignee: null, cluster: ringCluster }, 'ana');
    const first = await service.saveView({ caseId: created.id, name: 'Devices', workspace: canvas, choose: false }, 'ana');
    const moved = workspaceOf([{ id: 'account:U0000011', x: 500, y: 500 }]);
    const again = await service.saveView({ caseId: created.id, name: 'Devices', workspace: moved, choose: true }, 'lee');
    expect(again.views).toHaveLength(1);
    expect(again.views[0]).toMatchObject({ id: first.views[0].id, name: 'Devices', savedBy: 'lee', workspace: { nodes: [{ id: 'account:U0000011', position: { x: 500, y: 500 } }] } });
    expect(again.chosenViewId).toBe(first.views[0].id);
    const trail = (await store.listAudit()).filter((event) => event.caseId === created.id);
    expect(trail.map((event) => [event.actor, event.action, event.details.replaced])).toEqual([
      ['ana', 'case.created', undefined],
      ['ana', 'case.view_saved', false],
      ['lee', 'case.view_saved', true],
    ]);
  });

  it('chooses a view for the evidence picture, and forgets the choice when that view is removed', async () => {
    const created = await service.create({ title: 'Views', description: '', assignee: null, cluster: ringCluster }, 'ana');
    const saved = await service.saveView({ caseId: created.id, name: 'Overview', workspace: canvas, choose: false }, 'ana');
    const chosen = await service.chooseView({ caseId: created.id, version: saved.version, viewId: saved.views[0].id }, 'ana');
    expect(chosen.chosenViewId).toBe(saved.views[0].id);
    const removed = await service.removeView({ caseId: created.id, version: chosen.version, viewId: saved.views[0].id }, 'ana');
    expect(removed.views).toEqual([]);
    expect(removed.chosenViewId).toBeNull();
    expect((await store.listAudit()).filter((event) => event.caseId === created.id).map((event) => event.action)).toEqual(['case.created', 'case.view_saved', 'case.view_chosen', 'case.view_removed']);
    await expect(service.chooseView({ caseId: created.id, version: removed.version, viewId: saved.views[0].id }, 'ana')).rejects.toMatchObject({ code: 'not_found', reason: 'case_view_missing' });
  });

  it('lets views change while the case is in review but not once it is closed', async () => {
    const submitted = await submittedCase();
    const inReview = await service.saveView({ caseId: submitted.id, name: 'For the lead', workspace: canvas, choose: true }, 'ana');
    expect(inReview.status).toBe('in_review');
    const approved = await service.approve(submitted.id, 'ok', 'lee');
    const closed = await service.close(approved.id, approved.version, 'lee');
    await expect(service.saveView({ caseId: closed.id, name: 'Late', workspace: canvas, choose: false }, 'ana')).rejects.toMatchObject({ code: 'conflict', reason: 'transition_refused' });
    await expect(service.chooseView({ caseId: closed.id, version: closed.version, viewId: null }, 'ana')).rejects.toMatchObject({ code: 'conflict', reason: 'transition_refused' });
    expect((await service.get(closed.id)).chosenViewId).toBe(inReview.views[0].id);
  });

  it(`refuses a new view beyond ${MAX_CASE_VIEWS} per case, but still replaces one by name`, async () => {
    const created = await service.create({ title: 'Views', description: '', assignee: null, cluster: ringCluster }, 'ana');
    for (let i = 0; i < MAX_CASE_VIEWS; i++) await service.saveView({ caseId: created.id, name: `View ${i}`, workspace: canvas, choose: false }, 'ana');
    await expect(service.saveView({ caseId: created.id, name: 'One more', workspace: canvas, choose: false }, 'ana')).rejects.toMatchObject({ code: 'conflict', reason: 'case_views_full', params: { max: MAX_CASE_VIEWS } });
    expect((await service.saveView({ caseId: created.id, name: 'View 3', workspace: canvas, choose: false }, 'ana')).views).toHaveLength(MAX_CASE_VIEWS);
  });
});

describe('the cases.saveView contract', () => {
  const input = (workspace: unknown) => apiContract.cases.saveView.input.safeParse({ caseId: 'RS-1', name: 'Overview', workspace });
  const canvas = workspaceOf([{ id: 'account:U1', x: 0, y: 0 }]);

  it('accepts a workspace file as Explore saves it', () => {
    expect(input(canvas).success).toBe(true);
  });

  it('refuses unknown keys at any depth, so nothing unvalidated is stored', () => {
    const paths = [{ ...canvas, extra: 1 }, { ...canvas, nodes: [{ ...canvas.nodes[0], colour: 'red' }] }, { ...canvas, filters: { ...canvas.filters, hideAll: true } }].map(
      (workspace) => input(workspace).error?.issues.map((issue) => [issue.code, issue.path.join('.')]),
    );
    expect(paths).toEqual([[['unrecognized_keys', 'workspace']], [['unrecognized_keys', 'workspace.nodes.0']], [['unrecognized_keys', 'workspace.filters']]]);
  });

  it(`refuses a view of more than ${CASE_VIEW_LIMITS.nodes} nodes or ${CASE_VIEW_LIMITS.edges} links`, () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `account:U${i}`, x: i, y: i }));
    expect(input(workspaceOf(many(CASE_VIEW_LIMITS.nodes))).success).toBe(true);
    expect(input(workspaceOf(many(CASE_VIEW_LIMITS.nodes + 1))).error?.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['too_big', 'workspace.nodes']]);
    const links = Array.from({ length: CASE_VIEW_LIMITS.edges + 1 }, (_, i) => `edge:${i}`);
    expect(input(workspaceOf([], links)).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['workspace.edges']);
  });
});
