import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import type { SecretStore } from '../../../main/core/secrets';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const tempDirs: string[] = [];
async function tempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-connections-'));
  tempDirs.push(dir);
  return path.join(dir, 'data');
}
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

const active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 3, accounts: 1_000 })));

class MemorySecrets implements SecretStore {
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

const settings = (name: string, uri = 'bolt://127.0.0.1:7687') => ({ name, uri, user: 'neo4j', database: null, schemaMapping: null });

describe('saved connections', () => {
  it('keeps both saves when two RingScope processes save connections at the same time', async () => {
    const dataDir = await tempDataDir();
    const first = new ConnectionService({ dataDir, secrets: null, active });
    const second = new ConnectionService({ dataDir, secrets: null, active });
    await first.list();
    await second.list();
    await Promise.all([first.save(settings('Fraud graph')), second.save(settings('Payments graph'))]);
    const reopened = new ConnectionService({ dataDir, secrets: null, active });
    expect((await reopened.list()).connections.map((connection) => connection.name).sort()).toEqual(['Fraud graph', 'Payments graph']);
  });

  it('writes connections.json readable by its owner only, in an owner-only folder', async () => {
    const dataDir = await tempDataDir();
    await new ConnectionService({ dataDir, secrets: null, active }).save(settings('Fraud graph'));
    expect((await fs.stat(path.join(dataDir, 'connections.json'))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('forgets the stored password when the URI is changed to another host', async () => {
    const secrets = new MemorySecrets();
    const service = new ConnectionService({ dataDir: await tempDataDir(), secrets, active });
    const saved = await service.save({ ...settings('Fraud graph'), password: 'team-secret' });
    expect(saved.hasStoredPassword).toBe(true);
    const moved = await service.save({ ...settings('Fraud graph', 'bolt://attacker.example:7687'), id: saved.id });
    expect(moved.hasStoredPassword).toBe(false);
    expect([...secrets.secrets.values()]).not.toContain('team-secret');
  });

  it('keeps the stored password when only the name changes', async () => {
    const secrets = new MemorySecrets();
    const service = new ConnectionService({ dataDir: await tempDataDir(), secrets, active });
    const saved = await service.save({ ...settings('Fraud graph'), password: 'team-secret' });
    const renamed = await service.save({ ...settings('Fraud graph (prod)'), id: saved.id });
    expect(renamed.hasStoredPassword).toBe(true);
  });
});
