import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The team key's public half from its file (PEM or base64 SPKI DER), in the keyring's encoding. */
export async function readTeamPublicKey(file: string): Promise<string> {
  const text = (await readFile(file, 'utf8')).trim();
  const key = text.startsWith('-----BEGIN') ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file}: the team key must be an Ed25519 public key`);
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}
