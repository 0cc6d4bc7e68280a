import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_IDENTITIES } from '../../api';
import { certifyKey } from './certificate';
import { generateSigningKeyPair, publicKeyOf } from './signing';
import type { TeamTrust } from './team-trust';

const DEMO_TEAM_KEY_FILE = 'demo-team-key.pem';

/**
 * The embedded demo's team key: generated once in the data directory (0600), so the demo lead can
 * be certified without a real team key. It is a demo key, never trusted with a Neo4j store.
 */
export async function loadDemoTeamKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, DEMO_TEAM_KEY_FILE);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { privateKeyPem } = generateSigningKeyPair();
  try {
    await writeFile(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
    return privateKeyPem;
  } catch (error) {
    // Another RingScope on the same data directory made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(file, 'utf8');
    throw error;
  }
}

/** Certifies demo-analyst (investigator) and demo-lead (team lead) with the demo team key, once. */
export async function certifyDemoIdentities(trust: TeamTrust, demoTeamPrivateKeyPem: string, at: string): Promise<void> {
  if (trust.teamPublicKey !== publicKeyOf(demoTeamPrivateKeyPem)) return;
  for (const subject of DEMO_IDENTITIES) {
    const signer = await trust.signerFor(subject);
    if (await trust.certificateOf(subject, signer.publicKey)) continue;
    const role = subject === 'demo-lead' ? 'team_lead' : 'investigator';
    await trust.addCertificate(certifyKey(demoTeamPrivateKeyPem, subject, signer.publicKey, role, at), subject);
  }
}
