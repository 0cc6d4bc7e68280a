import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRingScopeCore, type RingScopeCore } from '../../../main/core/bootstrap';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { userIdOf } from '../../../main/core/demo/dataset';

const demo = { accounts: 2000, seed: 7 };
let core: RingScopeCore | undefined;
let otherCore: RingScopeCore | undefined;
afterEach(async () => {
  await core?.close();
  await otherCore?.close();
  otherCore = undefined;
});

async function openCore(dataDir: string): Promise<RingScopeCore> {
  const investigation = resolveInvestigationConfig({ RINGSCOPE_TEAM_LEADS: 'lee' }, { dataDir });
  return createRingScopeCore({ version: 'test', demo, investigation, validateOutput: true });
}

async function call(area: string, name: string, input: unknown, user: string) {
  const envelope = await core!.dispatcher.call(area, name, input, { user });
  if (!envelope.ok) throw new Error(`${area}.${name}: ${envelope.error.message}`);
  return envelope.value as Record<string, unknown> & { id: string; version: number };
}

async function accountShown(userId: string, user = 'ana') {
  const { hits } = (await call('graph', 'search', { query: userId }, user)) as unknown as { hits: { node: { key: string; blacklisted: boolean; properties: Record<string, unknown> } }[] };
  return hits.find((hit) => hit.node.key === userId)!.node;
}

describe('write-back of an approved case to the embedded graph', () => {
  it('shows the approved members as blacklisted in Explore, also after a restart, and clears them on revoke', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-writeback-'));
    const ring = generateDemoDataset(demo).plantedRings.find((r) => r.kind === 'shared-identity')!;
    const members = ring.members.map((index) => ({ nodeId: `account:${userIdOf(index)}`, userId: userIdOf(index) }));
    const target = members[0].userId;
    core = await openCore(dataDir);
    const before = await accountShown(target);

    const created = await call('cases', 'create', { title: 'Synthetic identities', cluster: { origin: 'selection', accounts: members } }, 'ana');
    const tagged = await call('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'fraud_ring', confidence: 0.9 }, 'ana');
    await call('cases', 'submit', { caseId: tagged.id, version: tagged.version }, 'ana');
    await call('review', 'approve', { caseId: created.id, comment: 'shared devices, burst' }, 'lee');

    const after = await accountShown(target);
    expect(after.blacklisted).toBe(true);
    expect(after.properties.blacklistCaseId).toBe(created.id);
    // The mark comes from the approval, not from the generator.
    expect(before.properties.blacklistCaseId).toBeUndefined();

    await core.close();
    core = await openCore(dataDir);
    expect((await accountShown(target)).blacklisted).toBe(true);

    await call('review', 'revoke', { caseId: created.id, comment: 'customer proved identity' }, 'lee');
    const revoked = await accountShown(target);
    expect(revoked.properties.blacklistCaseId).toBeUndefined();
    expect(revoked.blacklisted).toBe(before.blacklisted);
  });
});

describe('two RingScopes sharing one data directory', () => {
  it("shows a lead's approval in the analyst's graph without a restart", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-shared-'));
    const ring = generateDemoDataset(demo).plantedRings.find((r) => r.kind === 'cash-out')!;
    const members = ring.members.map((index) => ({ nodeId: `account:${userIdOf(index)}`, userId: userIdOf(index) }));
    core = await openCore(dataDir); // the analyst's process
    otherCore = await openCore(dataDir); // the team lead's process
    const analystCore = core;

    const created = await call('cases', 'create', { title: 'Cash-out', cluster: { origin: 'selection', accounts: members } }, 'ana');
    const tagged = await call('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'cash_out', confidence: 0.8 }, 'ana');
    await call('cases', 'submit', { caseId: tagged.id, version: tagged.version }, 'ana');
    expect((await accountShown(members[0].userId)).properties.blacklistCaseId).toBeUndefined();

    core = otherCore;
    await call('review', 'approve', { caseId: created.id }, 'lee');
    core = analystCore;
    // Reads catch up at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await accountShown(members[0].userId)).properties.blacklistCaseId).toBe(created.id);
  });

  it("shows a lead's approval on every member when the analyst's reads arrive together, as a case page's member table sends them", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-shared-'));
    const ring = generateDemoDataset(demo).plantedRings.find((r) => r.kind === 'shared-identity')!;
    const members = ring.members.map((index) => ({ nodeId: `account:${userIdOf(index)}`, userId: userIdOf(index) }));
    core = await openCore(dataDir);
    otherCore = await openCore(dataDir);
    const analystCore = core;
    const created = await call('cases', 'create', { title: 'Synthetic identities', cluster: { origin: 'selection', accounts: members } }, 'ana');
    const tagged = await call('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'fraud_ring', confidence: 0.9 }, 'ana');
    await call('cases', 'submit', { caseId: tagged.id, version: tagged.version }, 'ana');
    core = otherCore;
    await call('review', 'approve', { caseId: created.id }, 'lee');
    core = analystCore;
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const shown = await Promise.all(members.map(({ nodeId }) => call('graph', 'nodeDetails', { nodeId }, 'ana')));
    expect(shown.map((details) => (details as unknown as { node: { properties: Record<string, unknown> } }).node.properties.blacklistCaseId)).toEqual(members.map(() => created.id));
  });
});
