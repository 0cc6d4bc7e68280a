/**
 * Approved blacklists written onto the accounts of the seeded test graph, seen through the Neo4j
 * source's DTOs like an investigator would, and revoked back to what was there before.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccountRef } from '../../../main/api';
import { DEFAULT_WRITE_BACK_TARGET } from '../../../main/core/cases/graph-write-back';
import { Neo4jWriteBack, writeBackPlaceholders } from '../../../main/core/cases/neo4j-write-back';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import type { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { accountsWithBlacklisted, openRawDriver, rawAccount, restoreAccounts } from './neo4j-investigation-fixtures';

const server = inject('neo4j');
const driver = openRawDriver(server);
let active: ActiveGraphSource;
let source: Neo4jGraphSource;
let clean: string[];
let alreadyBlacklisted: string;

const ref = (userId: string): AccountRef => ({ nodeId: `account:${userId}`, userId });
/** The account's DTO as the Neo4j source gives it to the renderer. */
async function shownAccount(userId: string) {
  const hits = await source.search(userId, 5, new AbortController().signal);
  const hit = hits.find((candidate) => candidate.node.id === `account:${userId}`);
  if (!hit) throw new Error(`search did not find ${userId}`);
  return hit.node;
}

beforeAll(async () => {
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
  const connections = new ConnectionService({ dataDir: null, secrets: null, active });
  await connections.connect({ settings: { name: 'Test graph', uri: server.uri, user: server.user, database: null, schemaMapping: null }, password: server.password });
  source = active.current as Neo4jGraphSource;
  clean = await accountsWithBlacklisted(driver, false, 3);
  [alreadyBlacklisted] = await accountsWithBlacklisted(driver, true, 1);
});
afterEach(async () => {
  await restoreAccounts(driver, [...clean, alreadyBlacklisted]);
});
afterAll(async () => {
  await active?.close();
  await driver.close();
});

describe('Neo4j write-back of approved blacklists', () => {
  it('shows approved accounts as blacklisted and restores their original value on revoke', async () => {
    const writeBack = new Neo4jWriteBack({ client: source.client, mapping: source.mapping, target: DEFAULT_WRITE_BACK_TARGET });
    const [first, second] = clean;
    expect((await shownAccount(first)).blacklisted).toBe(false);

    await writeBack.markBlacklisted([ref(first), ref(second), ref(alreadyBlacklisted)], 'RS-1');
    expect(await shownAccount(first)).toMatchObject({ blacklisted: true, properties: { blacklisted: true } });
    expect((await rawAccount(driver, first)).properties).toMatchObject({ blacklisted: true, blacklistCaseId: 'RS-1', blacklistedBefore: false });

    await writeBack.clearBlacklisted([ref(first), ref(second), ref(alreadyBlacklisted)], 'RS-1');
    expect((await shownAccount(first)).blacklisted).toBe(false);
    expect((await shownAccount(alreadyBlacklisted)).blacklisted).toBe(true);
    const restored = (await rawAccount(driver, first)).properties;
    expect(Object.keys(restored).filter((key) => /^(blacklist|ringscope)/.test(key) && key !== 'blacklisted')).toEqual([]);
  });

  it('keeps an account marked while another approved case still blacklists it, and re-applying a case changes nothing', async () => {
    const writeBack = new Neo4jWriteBack({ client: source.client, mapping: source.mapping, target: DEFAULT_WRITE_BACK_TARGET });
    const [account] = clean;
    await writeBack.markBlacklisted([ref(account)], 'RS-1');
    await writeBack.markBlacklisted([ref(account)], 'RS-2');
    await writeBack.markBlacklisted([ref(account)], 'RS-1');
    expect((await rawAccount(driver, account)).properties).toMatchObject({ blacklistCaseId: 'RS-1', ringscopeBlacklistCaseIds: ['RS-1', 'RS-2'] });

    await writeBack.clearBlacklisted([ref(account)], 'RS-1');
    expect(await shownAccount(account)).toMatchObject({ blacklisted: true });
    expect((await rawAccount(driver, account)).properties).toMatchObject({ blacklistCaseId: 'RS-2' });
    await writeBack.clearBlacklisted([ref(account)], 'RS-2');
    expect(await shownAccount(account)).toMatchObject({ blacklisted: false });
  });

  it('adds the configured label in label mode and removes it on revoke', async () => {
    const writeBack = new Neo4jWriteBack({ client: source.client, mapping: source.mapping, target: { mode: 'label', label: 'RSTestBlacklisted' } });
    const [account] = clean;
    await writeBack.markBlacklisted([ref(account)], 'RS-1');
    expect((await rawAccount(driver, account)).labels).toEqual(['User', 'RSTestBlacklisted']);
    await writeBack.clearBlacklisted([ref(account)], 'RS-1');
    expect(await rawAccount(driver, account)).toMatchObject({ labels: ['User'], properties: { blacklisted: false } });
  });

  it('refuses a label or property name that is not a plain name', () => {
    expect(() => writeBackPlaceholders({ mode: 'label', label: 'Bad`) DETACH DELETE (x' })).toThrow(/must be letters, digits and underscores/);
    expect(() => writeBackPlaceholders({ mode: 'property', property: 'black listed', caseIdProperty: 'caseId' })).toThrow(/write-back property "black listed"/);
  });
});
