/**
 * `npm run team:certify -- --team-private-key <team-key.pem> --user <name> [--role team_lead|investigator]`:
 * run by whoever holds the team's private key. Certifies the key `name` registered in the team
 * keyring (they must have started RingScope once) in the store RingScope uses: the Neo4j
 * investigation store when NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD are set (NEO4J_DATABASE
 * optional), the file store in RINGSCOPE_DATA_DIR otherwise. RINGSCOPE_TEAM_KEY_FILE names the
 * team key's public half, as for RingScope itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KeyCertificate } from '../../api';
import { keyringTrailOf } from '../cases/investigation';
import { resolveInvestigationConfig } from '../config';
import { Neo4jClient } from '../sources/neo4j/neo4j-client';
import { FileInvestigationStore } from '../store/file-investigation-store';
import type { InvestigationStore } from '../store/investigation-store';
import { Neo4jInvestigationStore } from '../store/neo4j-investigation-store';
import { certifyKey } from './certificate';
import { FileKeyVault } from './key-vault';
import { keyFingerprint, publicKeyOf } from './signing';
import { readTeamPublicKey } from './team-key-file';
import { TeamTrust } from './team-trust';

const USAGE = 'Usage: npm run team:certify -- --team-private-key <team-key.pem> --user <name> [--role team_lead|investigator]';
/** The keyring records who wrote a certificate; the person holding the team key is not known to RingScope. */
const CERTIFY_ACTOR = 'ringscope:team-certify';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'team-private-key': { type: 'string' }, user: { type: 'string' }, role: { type: 'string', default: 'team_lead' } } });
  const keyFile = values['team-private-key'];
  const user = values.user?.trim();
  const role = KeyCertificate.shape.role.safeParse(values.role);
  if (!keyFile || !user || !role.success) {
    console.error(USAGE);
    return 1;
  }
  const config = resolveInvestigationConfig(process.env);
  if (!config.teamKeyFile) {
    console.error('RINGSCOPE_TEAM_KEY_FILE is not set: set it to the team key\'s public half, the same file RingScope runs with.');
    return 1;
  }
  const teamPublicKey = await readTeamPublicKey(config.teamKeyFile);
  const teamPrivateKeyPem = await readFile(keyFile, 'utf8');
  if (publicKeyOf(teamPrivateKeyPem) !== teamPublicKey) {
    console.error(`${keyFile} is not the team key: its public half (${keyFingerprint(publicKeyOf(teamPrivateKeyPem))}) differs from RINGSCOPE_TEAM_KEY_FILE (${keyFingerprint(teamPublicKey)}). Nothing was certified.`);
    return 1;
  }
  const { store, where, close } = openStore(config.dataDir);
  try {
    const trust = new TeamTrust({ teamPublicKey, vault: new FileKeyVault(path.join(config.dataDir, 'keys')), auditTrail: keyringTrailOf(store) });
    const publicKey = await trust.registeredKeyOf(user);
    if (!publicKey) {
      console.error(`${user} has no key in the team keyring of ${where}: they must start RingScope once (connected to this store) to register it.`);
      return 1;
    }
    await trust.addCertificate(certifyKey(teamPrivateKeyPem, user, publicKey, role.data, new Date().toISOString()), CERTIFY_ACTOR);
    console.log(`Certified ${user} as ${role.data} in ${where}: key ${keyFingerprint(publicKey)}, team key ${keyFingerprint(teamPublicKey)}.`);
    return 0;
  } finally {
    await close();
  }
}

/** The investigation store RingScope would use with this environment. */
function openStore(dataDir: string): { store: InvestigationStore; where: string; close: () => Promise<void> } {
  const { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database } = process.env;
  if (uri && user && password) {
    const client = Neo4jClient.open({ uri, user, password, database: database || null });
    const store = new Neo4jInvestigationStore({ client });
    return { store, where: `Neo4j ${uri}`, close: async () => { await store.close(); await client.close(); } };
  }
  const store = new FileInvestigationStore({ dataDir });
  return { store, where: dataDir, close: () => store.close() };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Certifying failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
