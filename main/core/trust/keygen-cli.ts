/**
 * `npm run team:keygen -- --out <dir>`: makes a new team key — team-key.pem (the private half, 0600:
 * keep it offline, it certifies team leads with `npm run team:certify`) and team-key.pub.pem (the
 * public half for RINGSCOPE_TEAM_KEY_FILE and the scoring service). Never overwrites a key.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKeyPair, keyFingerprint, publicKeyOf } from './signing';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('Usage: npm run team:keygen -- --out <dir>');
    return 1;
  }
  const privateFile = path.join(values.out, 'team-key.pem');
  const publicFile = path.join(values.out, 'team-key.pub.pem');
  const { privateKeyPem } = generateSigningKeyPair();
  await mkdir(values.out, { recursive: true, mode: 0o700 });
  await writeFile(privateFile, privateKeyPem, { mode: 0o600, flag: 'wx' });
  const publicPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
  // Both halves or neither: a private key without its public file would be a second, unusable team key.
  await writeFile(publicFile, publicPem, { mode: 0o644, flag: 'wx' }).catch(async (error: unknown) => {
    await unlink(privateFile);
    throw error;
  });
  console.log(`Team key ${keyFingerprint(publicKeyOf(privateKeyPem))}: private half ${privateFile} (keep it offline), public half ${publicFile} (RINGSCOPE_TEAM_KEY_FILE).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const existing = (error as NodeJS.ErrnoException).code === 'EEXIST';
    console.error(existing ? `${(error as NodeJS.ErrnoException).path} already exists: a team key is never overwritten.` : `Making the team key failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
