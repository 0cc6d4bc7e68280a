import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { createConnectionHandlers } from '../../../main/core/connections/handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import type { SecretStore } from '../../../main/core/secrets';
import { quoteName } from '../../../graph-queries/catalog';
import { DEMO_SCHEMA_MAPPING } from '../../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const server = inject('neo4j');
const caller = { user: 'ana' };

/** Stands in for the desktop keychain. */
class MemorySecretStore implements SecretStore {
  readonly secrets = new Map<string, string>();
  async get(id: string) {
    return this.secrets.get(id) ?? null;
  }
  async set(id: string, secret: string) {
    this.secrets.set(id, secret);
  }
  async delete(id: string) {
    this.secrets.delete(id);
  }
}

let dataDir: string;
let active: ActiveGraphSource;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-connections-'));
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
});
afterAll(async () => {
  await active?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** The connections and schema areas behind the real dispatcher, results checked against the contract. */
function dispatcherWith(secrets: SecretStore | null): ApiDispatcher {
  const service = new ConnectionService({ dataDir, secrets, active });
  return new ApiDispatcher(createConnectionHandlers(service) as ApiHandlers, { validateOutput: true });
}

async function countPwned(): Promise<number> {
  const client = Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
  try {
    const [row] = await client.read('count-accounts', {}, { names: { accountLabel: quoteName('Pwned') } });
    return row?.accounts ?? 0;
  } finally {
    await client.close();
  }
}

const settings = () => ({ name: 'Team graph', uri: server.uri, user: server.user, database: null });

describe('connections Api', () => {
  it('saves a connection with its password in the secret store and never in the data file', async () => {
    const secrets = new MemorySecretStore();
    const api = dispatcherWith(secrets);
    const saved = await api.call('connections', 'save', { ...settings(), password: server.password }, caller);
    expect(saved).toMatchObject({ ok: true, value: { name: 'Team graph', hasStoredPassword: true } });
    const file = await fs.readFile(path.join(dataDir, 'connections.json'), 'utf8');
    expect(file).toContain(server.uri);
    expect(file).not.toContain(server.password);

    const listed = await api.call('connections', 'list', {}, caller);
    expect(listed).toMatchObject({ ok: true, value: { canStorePasswords: true, connections: [{ name: 'Team graph', hasStoredPassword: true }] } });
  });

  it('connects with a stored password, reports the Neo4j source, and goes back to the demo graph', async () => {
    const secrets = new MemorySecretStore();
    const api = dispatcherWith(secrets);
    const saved = (await api.call('connections', 'save', { ...settings(), password: server.password }, caller)) as { ok: true; value: { id: string } };
    const connected = await api.call('connections', 'connect', { connectionId: saved.value.id }, caller);
    expect(connected).toMatchObject({ ok: true, value: { kind: 'neo4j', accountCount: server.accounts } });
    expect(active.connectionId).toBe(saved.value.id);
    expect((await active.search('U0000042', 1, new AbortController().signal))[0].node.id).toBe('account:U0000042');

    const back = await api.call('connections', 'useDemo', {}, caller);
    expect(back).toMatchObject({ ok: true, value: { kind: 'embedded' } });
  });

  it('in browser mode keeps no password and asks for it again', async () => {
    const api = dispatcherWith(null);
    const saved = (await api.call('connections', 'save', { ...settings(), password: server.password }, caller)) as { ok: true; value: { id: string; hasStoredPassword: boolean } };
    expect(saved.value.hasStoredPassword).toBe(false);
    const connect = await api.call('connections', 'connect', { connectionId: saved.value.id }, caller);
    expect(connect).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Enter the password for Team graph') } });
    const tested = await api.call('connections', 'test', { connectionId: saved.value.id, password: server.password }, caller);
    expect(tested).toMatchObject({ ok: true, value: { serverVersion: expect.stringMatching(/^5\./), accountCount: server.accounts } });
  });

  it('discovers the schema through the Api and saves a mapping that fits', async () => {
    const api = dispatcherWith(null);
    const discovered = (await api.call('schema', 'discover', { settings: settings(), password: server.password }, caller)) as {
      ok: true;
      value: { proposedMapping: unknown };
    };
    expect(discovered.ok).toBe(true);
    const saved = (await api.call('connections', 'save', settings(), caller)) as { ok: true; value: { id: string } };
    const result = await api.call('schema', 'save', { connectionId: saved.value.id, schemaMapping: discovered.value.proposedMapping, password: server.password }, caller);
    expect(result).toMatchObject({ ok: true, value: { schemaMapping: discovered.value.proposedMapping } });
  });

  // Finding H1: a property key with \u0060 escapes, saved, ran a CREATE with the investigator's credentials.
  const injectedKey = 'userId\\u0060 = accountId CREATE (:Pwned) WITH account, accountId WHERE account.\\u0060userId';
  const injectedMapping = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, idProperty: injectedKey } };

  it('refuses to save a mapping whose property key smuggles Cypher through \\u0060, and nothing is created', async () => {
    const api = dispatcherWith(new MemorySecretStore());
    const saved = await api.call('connections', 'save', { ...settings(), schemaMapping: injectedMapping, password: server.password }, caller);
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('schemaMapping.account.idProperty') } });
    const created = (await api.call('connections', 'save', { ...settings(), password: server.password }, caller)) as { ok: true; value: { id: string } };
    const viaSchema = await api.call('schema', 'save', { connectionId: created.value.id, schemaMapping: injectedMapping }, caller);
    expect(viaSchema).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await countPwned()).toBe(0);
  });

  it('refuses to connect with a hostile mapping written into connections.json by hand, naming the field', async () => {
    const secrets = new MemorySecretStore();
    const hostileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-hostile-'));
    const connection = { ...settings(), id: 'hostile', schemaMapping: injectedMapping };
    await fs.writeFile(path.join(hostileDir, 'connections.json'), JSON.stringify({ connections: [connection] }));
    const service = new ConnectionService({ dataDir: hostileDir, secrets, active });
    const api = new ApiDispatcher(createConnectionHandlers(service) as ApiHandlers, { validateOutput: true });
    const connected = await api.call('connections', 'connect', { connectionId: 'hostile', password: server.password }, caller);
    expect(connected).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('account.idProperty') } });
    expect(await countPwned()).toBe(0);
    await fs.rm(hostileDir, { recursive: true, force: true });
  });

  it('says exactly which name a saved mapping misses when the database no longer has it', async () => {
    const api = dispatcherWith(new MemorySecretStore());
    const stale = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, createdAtProperty: 'openedOn' } };
    const saved = (await api.call('connections', 'save', { ...settings(), schemaMapping: stale, password: server.password }, caller)) as { ok: true; value: { id: string } };
    const connected = await api.call('connections', 'connect', { connectionId: saved.value.id }, caller);
    expect(connected).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('property openedOn (account creation time) does not exist on User nodes') } });
  });

  it('refuses a target naming both a saved connection and new settings', async () => {
    const result = await dispatcherWith(null).call('connections', 'test', { connectionId: 'abc', settings: settings(), password: 'x' }, caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
