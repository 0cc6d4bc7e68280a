import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretStore } from '../secrets';

/** Where an investigator's private signing key is kept between runs. */
export interface KeyVault {
  load(subject: string): Promise<string | null>;
  /** Keeps a new key; where the subject already has one (another process was first), that one stays. */
  save(subject: string, privateKeyPem: string): Promise<void>;
}

const fileNameOf = (subject: string) => `${Buffer.from(subject, 'utf8').toString('base64url')}.key`;

/** Browser mode: one PKCS#8 file per investigator, readable by the owning OS user only (0600). */
export class FileKeyVault implements KeyVault {
  constructor(private readonly dir: string) {}

  async load(subject: string): Promise<string | null> {
    try {
      return await readFile(path.join(this.dir, fileNameOf(subject)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  save(subject: string, privateKeyPem: string): Promise<void> {
    return writeKeyFileOnce(path.join(this.dir, fileNameOf(subject)), privateKeyPem);
  }
}

/**
 * Writes a 0600 key file unless one exists: complete or not at all (written aside, then hard-linked
 * into place, which fails rather than replace a key another RingScope wrote first). Callers read
 * the file back, so racing processes end up with the same key.
 */
export async function writeKeyFileOnce(target: string, content: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.${randomUUID()}.tmp`;
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

/** Desktop: the key sealed by the OS keychain through the shell's SecretStore (Electron safeStorage). */
export class SecretStoreKeyVault implements KeyVault {
  constructor(private readonly secrets: SecretStore) {}

  load(subject: string): Promise<string | null> {
    return this.secrets.get(`signing-key:${subject}`);
  }

  async save(subject: string, privateKeyPem: string): Promise<void> {
    if ((await this.load(subject)) === null) await this.secrets.set(`signing-key:${subject}`, privateKeyPem);
  }
}
