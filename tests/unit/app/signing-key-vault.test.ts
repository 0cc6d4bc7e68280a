import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron } from './fake-electron';
import { SafeStorageSecretStore } from '../../../main/app/credentials';
import { SecretStoreKeyVault } from '../../../main/core/trust/key-vault';
import { TeamTrust } from '../../../main/core/trust/team-trust';
import type { AuditEvent } from '../../../main/api';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let dir: string;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-signing-key-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the desktop keeps the investigator’s signing key sealed by safeStorage', () => {
  it('stores only ciphertext, and the same key signs after a restart', async () => {
    const file = path.join(dir, 'credentials.json');
    const events: AuditEvent[] = [];
    const auditTrail = { list: async () => events, record: async (draft: { action: string; details?: Record<string, unknown> }) => void events.push({ seq: events.length + 1, at: new Date().toISOString(), actor: 'alice', action: draft.action, caseId: null, details: draft.details ?? {}, prevHash: '', hash: '' }) };
    const first = await new TeamTrust({ teamPublicKey: null, vault: new SecretStoreKeyVault(new SafeStorageSecretStore(file)), auditTrail }).signerFor('alice');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('PRIVATE KEY');
    expect(onDisk).toContain('signing-key:alice');
    const afterRestart = await new TeamTrust({ teamPublicKey: null, vault: new SecretStoreKeyVault(new SafeStorageSecretStore(file)), auditTrail }).signerFor('alice');
    expect(afterRestart.publicKey).toBe(first.publicKey);
    expect(events.filter((event) => event.action === 'key.registered')).toHaveLength(1);
  });
});
