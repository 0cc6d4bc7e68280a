import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretStore } from '../secrets';

/** Where an investigator's private signing key is kept between runs. */
export interface KeyVault {
  load(subject: string): Promise<string | null>;
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

  async save(subject: string, privateKeyPem: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const target = path.join(this.dir, fileNameOf(subject));
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, privateKeyPem, { mode: 0o600, flag: 'wx' });
    await rename(temporary, target);
  }
}

/** Desktop: the key sealed by the OS keychain through the shell's SecretStore (Electron safeStorage). */
export class SecretStoreKeyVault implements KeyVault {
  constructor(private readonly secrets: SecretStore) {}

  load(subject: string): Promise<string | null> {
    return this.secrets.get(`signing-key:${subject}`);
  }

  save(subject: string, privateKeyPem: string): Promise<void> {
    return this.secrets.set(`signing-key:${subject}`, privateKeyPem);
  }
}
