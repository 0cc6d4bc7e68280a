/**
 * Investigation state follows the graph through the Api: connecting to Neo4j moves cases, review
 * queue, team keyring and write-back into the database, and makes the investigator the user Neo4j
 * authenticated; "use demo" returns to the local store and the demo identities.
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
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { createConnectionHandlers } from '../../../main/core/connections/handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import { certifyKey } from '../../../main/core/trust/certificate';
import { generateSigningKeyPair } from '../../../main/core/trust/signing';
import { accountsWithBlacklisted, deleteInvestigationSpace, openRawDriver, rawAccount, restoreAccounts } from './neo4j-investigation-fixtures';
import { clusterFactsOf } from '../../support/cluster-facts';

const server = inject('neo4j');
const driver = openRawDriver(server);
const space = `switch-${randomUUID()}`;
let dataDir: string;
let active: ActiveGraphSource;
let investigation: Investigation;
let dispatcher: ApiDispatcher;
let userId: string;
/** The team key: its public half is configured as RINGSCOPE_TEAM_KEY_FILE, its private half certifies leads. */
const teamKey = generateSigningKeyPair();

async function call<T>(area: string, name: string, input: unknown, user = 'ana'): Promise<T> {
  const envelope = await dispatcher.call(area, name, input, { user });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}
const connect = () => call('connections', 'connect', { settings: { name: 'Team graph', uri: server.uri, user: server.user, database: null }, password: server.password });
const titles = async () => (await call<{ cases: Case[] }>('cases', 'list', {})).cases.map((item) => item.title);
const shownBlacklisted = async () => {
  const hits = await active.search(userId, 5, new AbortController().signal);
  return hits.find((hit) => hit.node.id === `account:${userId}`)?.node.blacklisted;
};

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-switch-'));
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
  const teamKeyFile = path.join(dataDir, 'team-key.pub');
  await fs.writeFile(teamKeyFile, teamKey.publicKey);
  investigation = await openInvestigation(resolveInvestigationConfig({ RINGSCOPE_TEAM_KEY_FILE: teamKeyFile }, { dataDir }), { neo4jSpace: space });
  const connections = new ConnectionService({ dataDir: null, secrets: null, active, investigation });
  dispatcher = new ApiDispatcher({ ...createInvestigationHandlers(investigation, clusterFactsOf(active)), ...createConnectionHandlers(connections) } as ApiHandlers, { validateOutput: true });
  // Away from the accounts neo4j-write-back.test.ts uses.
  userId = (await accountsWithBlacklisted(driver, false, 5))[4];
});
afterAll(async () => {
  await investigation?.close();
  await active?.close();
  await restoreAccounts(driver, [userId]);
  await deleteInvestigationSpace(driver, space);
  await driver.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('switching the investigation with the graph source', () => {
  it('keeps cases in Neo4j while connected, in the local store with the demo graph, and writes approvals to the connected graph', async () => {
    await call('cases', 'create', { title: 'Local case', cluster: { origin: 'selection', accounts: [{ nodeId: 'account:U0000001', userId: 'U0000001' }], identifierNodeIds: [] } });

    expect(investigation.identity.current()).toBe('demo-analyst');
    await connect();
    expect(await titles()).toEqual([]);
    // The investigator is now who Neo4j authenticated; demo identities are refused.
    expect(investigation.identity.current()).toBe(server.user);
    await expect(investigation.useDemoIdentity('demo-lead')).rejects.toMatchObject({ code: 'forbidden' });
    // Certifying lee with the team key puts his certificate into the team keyring in Neo4j.
    const lee = await investigation.trust.signerFor('lee');
    await investigation.trust.addCertificate(certifyKey(teamKey.privateKeyPem, 'lee', lee.publicKey, 'team_lead', new Date().toISOString()), 'lee');
    const keyring = await driver.executeQuery("MATCH (e:RSAuditEvent {space: $space}) WHERE e.action STARTS WITH 'key.' RETURN e.action AS action ORDER BY e.seq", { space });
    expect(keyring.records.map((record) => record.get('action'))).toEqual(['key.registered', 'key.certified']);
    const cluster = { origin: 'selection', accounts: [{ nodeId: `account:${userId}`, userId }], identifierNodeIds: [] };
    const created = await call<Case>('cases', 'create', { title: 'Team case', cluster });
    const tagged = await call<Case>('cases', 'tag', { caseId: created.id, version: created.version, reasonCode: 'cash_out', confidence: 0.9 });
    await call('cases', 'submit', { caseId: created.id, version: tagged.version });
    await call('review', 'approve', { caseId: created.id, comment: 'Confirmed' }, 'lee');
    expect(await shownBlacklisted()).toBe(true);
    const { records } = await driver.executeQuery('MATCH (c:RSCase {space: $space}) RETURN c.title AS title, c.status AS status', { space });
    expect(records.map((record) => record.toObject())).toEqual([{ title: 'Team case', status: 'approved' }]);

    await call('connections', 'useDemo', {});
    expect(investigation.identity.current()).toBe('demo-analyst');
    expect(await titles()).toEqual(['Local case']);
    // ana's key registered (her events are signed), then her case.
    expect(await call('audit', 'verify', {})).toMatchObject({ valid: true, count: 2 });

    // Reconnecting finds the team's case again; revoking it restores the account in the graph.
    await connect();
    expect(await titles()).toEqual(['Team case']);
    // Revoking needs a lead other than the approver.
    await expect(call('review', 'revoke', { caseId: created.id, comment: 'Customer proved identity' }, 'lee')).rejects.toMatchObject({ code: 'forbidden' });
    const lin = await investigation.trust.signerFor('lin');
    await investigation.trust.addCertificate(certifyKey(teamKey.privateKeyPem, 'lin', lin.publicKey, 'team_lead', new Date().toISOString()), 'lin');
    await call('review', 'revoke', { caseId: created.id, comment: 'Customer proved identity' }, 'lin');
    expect(await shownBlacklisted()).toBe(false);
    expect((await rawAccount(driver, userId)).properties).not.toHaveProperty('blacklistCaseId');
    // lee's key registered and certified, ana's key registered at submit, 5 case events, lin's key registered and certified, the revocation and its push.
    expect(await call('audit', 'verify', {})).toMatchObject({ valid: true, count: 12 });
  });
});
