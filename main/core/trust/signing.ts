import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * Ed25519 signing for decisions, audit events and evidence manifests (node:crypto only).
 * Public keys travel as base64 of their SPKI DER encoding, private keys as PKCS#8 PEM.
 */
export interface SigningKeyPair {
  publicKey: string;
  privateKeyPem: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The public half of a PKCS#8 private key, in the keyring's encoding. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Signs the canonical JSON of `value`; the signature is base64. */
export function signCanonical(privateKeyPem: string, value: unknown): string {
  return sign(null, Buffer.from(canonicalJson(value), 'utf8'), createPrivateKey(privateKeyPem)).toString('base64');
}

/** Whether `signature` is `publicKey`'s signature of the canonical JSON of `value`; a malformed key or signature is false. */
export function verifyCanonical(publicKey: string, value: unknown, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(canonicalJson(value), 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a value's canonical JSON: the same data hashes the same whichever process wrote it. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** A short, stable name of a public key for messages and logs. */
export function keyFingerprint(publicKey: string): string {
  return sha256Hex(Buffer.from(publicKey, 'base64')).slice(0, 16);
}
