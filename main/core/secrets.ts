/**
 * Where the core keeps secrets it must remember between sessions (saved Neo4j passwords). The
 * desktop shell implements it with the OS keychain (Electron safeStorage); the core only sees this.
 */
export interface SecretStore {
  /** The secret saved under id, or null when there is none. */
  get(id: string): Promise<string | null>;
  /** Saves the secret encrypted; rejects rather than ever writing it in plain text. */
  set(id: string, secret: string): Promise<void>;
  delete(id: string): Promise<void>;
}
