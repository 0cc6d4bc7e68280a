import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_IDENTITIES } from '../../api';
import { certifyKey } from './certificate';
import { writeKeyFileOnce } from './key-vault';
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
  await writeKeyFileOnce(file, generateSigningKeyPair().privateKeyPem);
  // Another RingScope on the same data directory may have made it first: everyone uses the one on disk.
  return readFile(file, 'utf8');
}

/** Certifies demo-analyst (investigator) and the demo leads (team leads) with the demo team key, once. */
export async function certifyDemoIdentities(trust: TeamTrust, demoTeamPrivateKeyPem: string, at: string): Promise<void> {
  if (trust.teamPublicKey !== publicKeyOf(demoTeamPrivateKeyPem)) return;
  for (const subject of DEMO_IDENTITIES) {
    const signer = await trust.signerFor(subject);
    if (await trust.certificateOf(subject, signer.publicKey)) continue;
    const role = subject === 'demo-analyst' ? 'investigator' : 'team_lead';
    await trust.addCertificate(certifyKey(demoTeamPrivateKeyPem, subject, signer.publicKey, role, at), subject);
  }
}
