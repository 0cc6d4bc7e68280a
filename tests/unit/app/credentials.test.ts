import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSafeStorage, fakeElectron, resetFakeElectron } from './fake-electron';
import { ApiError } from '../../../main/api';
import { SafeStorageSecretStore } from '../../../main/app/credentials';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const PASSWORD = 'correct horse battery staple';
let dir: string;
let file: string;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-credentials-'));
  file = path.join(dir, 'user-data', 'credentials.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('saved Neo4j passwords', () => {
  it('round-trips a password through the OS keychain encryption', async () => {
    const store = new SafeStorageSecretStore(file);
    await store.set('neo4j-prod', PASSWORD);
    expect(await store.get('neo4j-prod')).toBe(PASSWORD);
    expect(await new SafeStorageSecretStore(file).get('neo4j-prod')).toBe(PASSWORD);
  });

  it('keeps only ciphertext on disk, readable by the owner alone', async () => {
    await new SafeStorageSecretStore(file).set('neo4j-prod', PASSWORD);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(JSON.parse(text).secrets['neo4j-prod']).toBe(FakeSafeStorage.cipher(PASSWORD).toString('base64'));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to save when the OS offers no encryption, and writes nothing', async () => {
    fakeElectron.safeStorage.available = false;
    const store = new SafeStorageSecretStore(file);
    const failure = await store.set('neo4j-prod', PASSWORD).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringContaining('Nothing was written') });
    expect((failure as Error).message).not.toContain(PASSWORD);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it("refuses to save with Linux's hard-coded fallback key, which protects nothing", async () => {
    fakeElectron.safeStorage.backend = 'basic_text';
    const store = new SafeStorageSecretStore(file);
    await expect(store.set('neo4j-prod', PASSWORD)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('uses only the asynchronous safeStorage API, never the deprecated synchronous one', async () => {
    const store = new SafeStorageSecretStore(file);
    await store.set('neo4j-prod', PASSWORD);
    expect(await store.get('neo4j-prod')).toBe(PASSWORD);
    expect(fakeElectron.safeStorage.calls).toEqual(['isAsyncEncryptionAvailable', 'encryptStringAsync', 'isAsyncEncryptionAvailable', 'decryptStringAsync']);
  });

  it('re-encrypts a password when the keychain reports a rotated key', async () => {
    const store = new SafeStorageSecretStore(file);
    await store.set('neo4j-prod', PASSWORD);
    fakeElectron.safeStorage.keyRotated = true;
    expect(await store.get('neo4j-prod')).toBe(PASSWORD);
    expect(fakeElectron.safeStorage.calls.filter((call) => call === 'encryptStringAsync')).toHaveLength(2);
  });

  it('answers null for an unknown id and forgets a deleted password', async () => {
    const store = new SafeStorageSecretStore(file);
    expect(await store.get('never-saved')).toBeNull();
    await store.set('neo4j-prod', PASSWORD);
    await store.set('neo4j-staging', 'other');
    await store.delete('neo4j-prod');
    expect(await store.get('neo4j-prod')).toBeNull();
    expect(await store.get('neo4j-staging')).toBe('other');
  });

  it('keeps every password when several are saved at once', async () => {
    const store = new SafeStorageSecretStore(file);
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.set(`connection-${index}`, `secret-${index}`)));
    for (let index = 0; index < 10; index++) expect(await store.get(`connection-${index}`)).toBe(`secret-${index}`);
  });

  it('reports a password it can no longer decrypt instead of returning garbage', async () => {
    await new SafeStorageSecretStore(file).set('neo4j-prod', PASSWORD);
    await writeFile(file, JSON.stringify({ version: 1, secrets: { 'neo4j-prod': Buffer.from('v11garbage').toString('base64') } }));
    await expect(new SafeStorageSecretStore(file).get('neo4j-prod')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
