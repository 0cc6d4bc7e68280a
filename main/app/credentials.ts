/**
 * Saved Neo4j passwords, encrypted with the OS keychain through Electron safeStorage's asynchronous
 * API and kept as base64 in credentials.json in the user data folder. When the OS offers no real
 * encryption the store refuses to save: a password is never written in plain text, and never logged.
 */
import { promises as fs } from 'node:fs';
import { safeStorage } from 'electron';
import { ApiError } from '../api';
import type { SecretStore } from '../core/secrets';
import { writeFileAtomically } from '../core/store/atomic-write';

interface CredentialsFile {
  version: 1;
  /** id → base64 of the safeStorage ciphertext. */
  secrets: Record<string, string>;
}

const MAX_ID_LENGTH = 200;

/** The OS-keychain SecretStore of the desktop shell. */
export class SafeStorageSecretStore implements SecretStore {
  /** Operations run one at a time, so two saves never overwrite each other's file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  get(id: string): Promise<string | null> {
    return this.serialised(async () => {
      const file = await this.read();
      const stored = file.secrets[checkId(id)];
      if (stored === undefined) return null;
      await this.requireEncryption('read the saved password');
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
      } catch {
        throw new ApiError('unavailable', `The saved password for ${id} can no longer be decrypted (the OS keychain changed); enter it again.`, { reason: 'password_undecryptable' });
      }
      if (decrypted.shouldReEncrypt) {
        // The keychain rotated its key: store the secret under the current one.
        file.secrets[id] = (await safeStorage.encryptStringAsync(decrypted.result)).toString('base64');
        await this.write(file);
      }
      return decrypted.result;
    });
  }

  set(id: string, secret: string): Promise<void> {
    return this.serialised(async () => {
      checkId(id);
      await this.requireEncryption('save the password');
      const encrypted = await safeStorage.encryptStringAsync(secret);
      const file = await this.read();
      file.secrets[id] = encrypted.toString('base64');
      await this.write(file);
    });
  }

  delete(id: string): Promise<void> {
    return this.serialised(async () => {
      const file = await this.read();
      if (!Object.hasOwn(file.secrets, checkId(id))) return;
      delete file.secrets[id];
      await this.write(file);
    });
  }

  private serialised<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async requireEncryption(action: string): Promise<void> {
    if (await encryptionProtects()) return;
    throw new ApiError(
      'unavailable',
      `Cannot ${action}: this computer offers RingScope no OS keychain encryption (on Linux, GNOME Keyring or KWallet is needed). ` +
        'Nothing was written to disk; enter the password each session instead.',
        { reason: 'keychain_unavailable' },
      );
  }

  private async read(): Promise<CredentialsFile> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: Object.create(null) };
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<CredentialsFile>;
    return { version: 1, secrets: Object.assign(Object.create(null), parsed.secrets) };
  }

  private async write(file: CredentialsFile): Promise<void> {
    await writeFileAtomically(this.filePath, JSON.stringify(file, null, 2), 'the saved passwords');
  }
}

function checkId(id: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new ApiError('invalid_input', `A credential id must be 1-${MAX_ID_LENGTH} characters`, { reason: 'credential_id_invalid', params: { maxLength: MAX_ID_LENGTH } });
  }
  return id;
}

/**
 * Whether safeStorage really encrypts: its asynchronous API (the synchronous one is deprecated) is
 * available, and on Linux it is not the "basic_text" fallback, whose hard-coded key protects nothing.
 */
async function encryptionProtects(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}
