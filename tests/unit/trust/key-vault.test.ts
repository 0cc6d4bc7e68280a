import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyVault } from '../../../main/core/trust/key-vault';
import { generateSigningKeyPair } from '../../../main/core/trust/signing';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ringscope-keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('browser mode keeps signing keys in 0600 files', () => {
  it('writes the key readable by its owner only, in a 0700 folder', async () => {
    const vault = new FileKeyVault(path.join(dir, 'keys'));
    const { privateKeyPem } = generateSigningKeyPair();
    await vault.save('alice', privateKeyPem);
    expect(await vault.load('alice')).toBe(privateKeyPem);
    const [file] = await readdir(path.join(dir, 'keys'));
    expect((await stat(path.join(dir, 'keys', file))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'keys'))).mode & 0o777).toBe(0o700);
  });

  it('keeps the first key when two processes save one for the same person at once, leaving no temporary file', async () => {
    const keys = [generateSigningKeyPair().privateKeyPem, generateSigningKeyPair().privateKeyPem];
    await Promise.all(keys.map((key) => new FileKeyVault(dir).save('alice', key)));
    expect(keys).toContain(await new FileKeyVault(dir).load('alice'));
    expect(await readdir(dir)).toHaveLength(1);
  });
});
