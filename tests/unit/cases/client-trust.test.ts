import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, OutboxEntry, RingClusterDetail, RingsListResult } from '../../../main/api';
import { createRingScopeCore, type RingScopeCore } from '../../../main/core/bootstrap';
import { resolveInvestigationConfig } from '../../../main/core/config';

let core: RingScopeCore;
let dataDir: string;
let flagged: RingClusterDetail;

async function call<T>(area: string, name: string, input: unknown, user = 'demo-analyst'): Promise<T> {
  const envelope = await core.dispatcher.call(area, name, input, { user });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-trust-'));
  core = await createRingScopeCore({
    version: 'test',
    demo: { accounts: 2000 },
    investigation: resolveInvestigationConfig({}, { dataDir }),
    validateOutput: true,
  });
  await call('rings', 'detect', {});
  const { clusters } = await call<RingsListResult>('rings', 'list', {});
  flagged = await call<RingClusterDetail>('rings', 'get', { clusterId: clusters[0].clusterId });
});

afterAll(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the core does not trust account ids and ring metadata from the client', () => {
  it('pushes the user id the graph holds for an account, not the one the client sent', async () => {
    const created = await call<Case>('cases', 'create', {
      title: 'Forged user id',
      cluster: { origin: 'selection', accounts: [{ nodeId: 'account:U0000002', userId: 'U0019999' }] },
    });
    expect(created.cluster.accounts).toEqual([{ nodeId: 'account:U0000002', userId: 'U0000002' }]);
    const tagged = await call<Case>('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'fraud_ring', confidence: 0.9 });
    await call<Case>('cases', 'submit', { caseId: tagged.id, version: tagged.version });
    await call<Case>('review', 'approve', { caseId: created.id }, 'demo-lead');
    const { entries } = await call<{ entries: OutboxEntry[] }>('outbox', 'list', { caseId: created.id }, 'demo-lead');
    expect(entries.map((entry) => entry.decision.accounts)).toEqual([['U0000002']]);
  });

  it('resolves user ids of accounts added to a case from the graph as well', async () => {
    const created = await call<Case>('cases', 'create', { title: 'Members', cluster: { origin: 'selection', accounts: [{ nodeId: 'account:U0000002', userId: 'U0000002' }] } });
    const changed = await call<Case>('cases', 'updateMembers', { caseId: created.id, version: created.version, addAccounts: [{ nodeId: 'account:U0000003', userId: 'U0019999' }] });
    expect(changed.cluster.accounts.map((account) => account.userId).sort()).toEqual(['U0000002', 'U0000003']);
  });

  it('takes the ring kind, score and reasons of a ring case from the detection run', async () => {
    const [member] = flagged.memberIds;
    const created = await call<Case>('cases', 'create', {
      title: 'Forged score',
      cluster: { origin: 'ring', ringId: flagged.clusterId, ringKind: 'mule-fan-in', score: 1, reasons: ['made up'], accounts: [{ nodeId: member, userId: 'U0019999' }] },
    });
    expect(created.cluster).toMatchObject({ ringId: flagged.clusterId, ringKind: flagged.ringKind, score: flagged.score, reasons: flagged.reasons.map(({ code, params }) => ({ code, params })) });
    expect(created.cluster.accounts[0].userId).not.toBe('U0019999');
  });

  it('refuses a ring case naming a ring the detection does not have, or an account outside the ring', async () => {
    const account = (nodeId: string) => ({ nodeId, userId: nodeId.replace('account:', '') });
    await expect(
      call('cases', 'create', { title: 'No such ring', cluster: { origin: 'ring', ringId: 'ring-does-not-exist', accounts: [account(flagged.memberIds[0])] } }),
    ).rejects.toMatchObject({ code: 'not_found', reason: 'cluster_missing' });
    const outsider = 'account:U0000001';
    expect(flagged.memberIds).not.toContain(outsider);
    await expect(
      call('cases', 'create', { title: 'Outsider', cluster: { origin: 'ring', ringId: flagged.clusterId, accounts: [account(outsider)] } }),
    ).rejects.toMatchObject({ code: 'invalid_input', reason: 'account_not_in_cluster', params: { nodeId: outsider } });
  });

  it('drops ring metadata sent with a hand-picked selection', async () => {
    const created = await call<Case>('cases', 'create', {
      title: 'Selection',
      cluster: { origin: 'selection', ringId: 'ring-7', ringKind: 'mule-fan-in', score: 0.99, reasons: ['made up'], accounts: [{ nodeId: 'account:U0000004', userId: 'U0000004' }] },
    });
    expect(created.cluster).toMatchObject({ ringId: null, ringKind: null, score: null, reasons: [] });
  });

  it('refuses an account id the graph does not have', async () => {
    await expect(
      call('cases', 'create', { title: 'Ghost', cluster: { origin: 'selection', accounts: [{ nodeId: 'account:U9999999', userId: 'U9999999' }] } }),
    ).rejects.toMatchObject({ code: 'not_found', reason: 'node_missing' });
  });
});
