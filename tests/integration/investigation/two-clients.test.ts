/**
 * An analyst's RingScope and a team lead's RingScope, each with its own driver, sharing one
 * investigation in the test Neo4j: one review queue, version conflicts detected across clients,
 * one valid audit chain.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Case } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { createInvestigationHandlers } from '../../../main/core/cases/handlers';
import { openInvestigation, type Investigation } from '../../../main/core/cases/investigation';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import type { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { Neo4jInvestigationStore } from '../../../main/core/store/neo4j-investigation-store';
import { certifyKey } from '../../../main/core/trust/certificate';
import { generateSigningKeyPair } from '../../../main/core/trust/signing';
import { deleteInvestigationSpace, openRawDriver, openTestClient } from './neo4j-investigation-fixtures';
import { clusterFactsOf } from '../../support/cluster-facts';

const server = inject('neo4j');
const driver = openRawDriver(server);
const space = `two-clients-${randomUUID()}`;

interface Desktop {
  call<T>(area: string, name: string, input: unknown): Promise<T>;
  investigation: Investigation;
  client: Neo4jClient;
  dataDir: string;
}
let analyst: Desktop;
let lead: Desktop;
/** The team key: each desktop is configured with its public half; its private half certifies lee. */
const teamKey = generateSigningKeyPair();

/** One RingScope as `user`: its own driver and data directory, the shared Neo4j investigation space. */
async function openDesktop(user: string): Promise<Desktop> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `ringscope-${user}-`));
  const client = openTestClient(server);
  const teamKeyFile = path.join(dataDir, 'team-key.pub');
  await fs.writeFile(teamKeyFile, teamKey.publicKey);
  const config = resolveInvestigationConfig({ RINGSCOPE_TEAM_KEY_FILE: teamKeyFile }, { dataDir });
  // No graph write-back here (the default overlay): neo4j-write-back.test.ts covers the graph side.
  const investigation = await openInvestigation(config, { store: new Neo4jInvestigationStore({ client, space }) });
  const dispatcher = new ApiDispatcher(createInvestigationHandlers(investigation, clusterFactsOf()) as ApiHandlers, { validateOutput: true });
  return {
    investigation,
    client,
    dataDir,
    call: async <T>(area: string, name: string, input: unknown) => {
      const envelope = await dispatcher.call(area, name, input, { user });
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as T;
    },
  };
}

beforeAll(async () => {
  [analyst, lead] = await Promise.all([openDesktop('ana'), openDesktop('lee')]);
  // Lee's key, made on his desktop, certified by the team key into the shared keyring.
  const leeKey = await lead.investigation.trust.signerFor('lee');
  await lead.investigation.trust.addCertificate(certifyKey(teamKey.privateKeyPem, 'lee', leeKey.publicKey, 'team_lead', new Date().toISOString()), 'lee');
});
afterAll(async () => {
  for (const desktop of [analyst, lead]) {
    await desktop?.investigation.close();
    await desktop?.client.close();
    if (desktop) await fs.rm(desktop.dataDir, { recursive: true, force: true });
  }
  await deleteInvestigationSpace(driver, space);
  await driver.close();
});

const cluster = { origin: 'selection', accounts: [{ nodeId: 'account:U0000042', userId: 'U0000042' }, { nodeId: 'account:U0000043', userId: 'U0000043' }], identifierNodeIds: [] };

describe('two RingScopes on one Neo4j', () => {
  it("shares one review queue: the lead sees the analyst's submission, the analyst sees the approval", async () => {
    const created = await analyst.call<Case>('cases', 'create', { title: 'Shared devices', cluster });
    const tagged = await analyst.call<Case>('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'fraud_ring', confidence: 0.8 });
    await analyst.call('cases', 'submit', { caseId: tagged.id, version: tagged.version });

    const queue = await lead.call<{ cases: Case[] }>('review', 'queue', {});
    expect(queue.cases.map((item) => [item.id, item.status, item.tag?.reasonCode])).toEqual([[created.id, 'in_review', 'fraud_ring']]);
    await lead.call('review', 'approve', { caseId: created.id, comment: 'Same device, same week' });

    expect(await analyst.call<Case>('cases', 'get', { caseId: created.id })).toMatchObject({ status: 'approved', reviews: [{ decision: 'approved', by: 'lee' }] });
    expect(await analyst.call('review', 'queue', {})).toEqual({ cases: [] });
    expect(await analyst.call('outbox', 'list', {})).toMatchObject({ entries: [{ caseId: created.id, state: 'pending', decision: { approvedBy: 'lee' } }] });
  });

  it('lets exactly one of two concurrent edits of a case win; the other gets the conflict message', async () => {
    const created = await analyst.call<Case>('cases', 'create', { title: 'Edited twice', cluster });
    const sameVersion = await lead.call<Case>('cases', 'get', { caseId: created.id });
    const outcomes = await Promise.allSettled([
      analyst.call<Case>('cases', 'update', { caseId: created.id, version: created.version, title: 'Analyst title' }),
      lead.call<Case>('cases', 'update', { caseId: created.id, version: sameVersion.version, title: 'Lead title' }),
    ]);
    const won = outcomes.filter((outcome): outcome is PromiseFulfilledResult<Case> => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect([won.length, lost.length]).toEqual([1, 1]);
    const winner = won[0].value;
    expect(lost[0].reason).toMatchObject({ code: 'conflict', message: `This case was changed by ${winner.updatedBy} at ${winner.updatedAt}; reload it` });
    expect(await analyst.call<Case>('cases', 'get', { caseId: created.id })).toMatchObject({ title: winner.title, version: 2 });
  });

  it('keeps one valid audit chain with both clients writing', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? analyst : lead).call<Case>('cases', 'create', { title: `Parallel ${i}`, cluster })),
    );
    const [fromAnalyst, fromLead] = await Promise.all([analyst.call('audit', 'verify', {}), lead.call('audit', 'verify', {})]);
    expect(fromAnalyst).toMatchObject({ valid: true, brokenAtSeq: null });
    expect(fromLead).toEqual(fromAnalyst);
    const { events } = await lead.call<{ events: { actor: string }[] }>('audit', 'list', { limit: 500 });
    expect(new Set(events.map((event) => event.actor))).toEqual(new Set(['ana', 'lee']));
  });
});
