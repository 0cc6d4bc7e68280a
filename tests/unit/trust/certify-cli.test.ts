import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyringTrailOf, openInvestigation } from '../../../main/core/cases/investigation';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { FileInvestigationStore } from '../../../main/core/store/file-investigation-store';
import { FileKeyVault } from '../../../main/core/trust/key-vault';
import { generateSigningKeyPair, keyFingerprint, type SigningKeyPair } from '../../../main/core/trust/signing';
import { TeamTrust } from '../../../main/core/trust/team-trust';

let dataDir: string;
let teamKey: SigningKeyPair;
let env: NodeJS.ProcessEnv;
let leeKey: string;

const runCli = (cli: string, args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `main/core/trust/${cli}`, ...args], { cwd: path.resolve(__dirname, '../../..'), env }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
    );
  });
const runCertify = (args: string[]) => runCli('certify-cli.ts', args);

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-certify-'));
  teamKey = generateSigningKeyPair();
  await fs.writeFile(path.join(dataDir, 'team-key.pub'), teamKey.publicKey);
  await fs.writeFile(path.join(dataDir, 'team-key.pem'), teamKey.privateKeyPem, { mode: 0o600 });
  const { NEO4J_URI: _uri, NEO4J_USER: _user, NEO4J_PASSWORD: _password, ...rest } = process.env;
  env = { ...rest, RINGSCOPE_DATA_DIR: dataDir, RINGSCOPE_TEAM_KEY_FILE: path.join(dataDir, 'team-key.pub') };
  // lee started RingScope once: the product's own code registered lee's key in the keyring.
  const store = new FileInvestigationStore({ dataDir });
  const trust = new TeamTrust({ teamPublicKey: teamKey.publicKey, vault: new FileKeyVault(path.join(dataDir, 'keys')), auditTrail: keyringTrailOf(store) });
  leeKey = (await trust.signerFor('lee')).publicKey;
  await store.close();
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function isTeamLead(user: string): Promise<boolean> {
  const investigation = await openInvestigation(resolveInvestigationConfig(env));
  try {
    return await investigation.trust.isTeamLead(user);
  } finally {
    await investigation.close();
  }
}

describe('npm run team:certify', () => {
  it('certifies a registered investigator as team lead, which RingScope then honours', async () => {
    expect(await isTeamLead('lee')).toBe(false);
    const result = await runCertify(['--team-private-key', path.join(dataDir, 'team-key.pem'), '--user', 'lee']);
    expect(result.output).toContain(`Certified lee as team_lead in ${dataDir}: key ${keyFingerprint(leeKey)}, team key ${keyFingerprint(teamKey.publicKey)}.`);
    expect(result.code).toBe(0);
    expect(await isTeamLead('lee')).toBe(true);
  }, 60_000);

  it('certifies an investigator, who is not a team lead', async () => {
    const result = await runCertify(['--team-private-key', path.join(dataDir, 'team-key.pem'), '--user', 'lee', '--role', 'investigator']);
    expect(result.output).toContain('Certified lee as investigator');
    expect(result.code).toBe(0);
    expect(await isTeamLead('lee')).toBe(false);
  }, 60_000);

  it('refuses a private key that is not the configured team key, and certifies nobody', async () => {
    const otherKey = path.join(dataDir, 'other-key.pem');
    await fs.writeFile(otherKey, generateSigningKeyPair().privateKeyPem, { mode: 0o600 });
    const result = await runCertify(['--team-private-key', otherKey, '--user', 'lee']);
    expect(result.output).toContain(`${otherKey} is not the team key`);
    expect(result.output).toContain(`differs from RINGSCOPE_TEAM_KEY_FILE (${keyFingerprint(teamKey.publicKey)}). Nothing was certified.`);
    expect(result.code).toBe(1);
    expect(await isTeamLead('lee')).toBe(false);
  }, 60_000);

  it('tells the user who never started RingScope to start it once', async () => {
    const result = await runCertify(['--team-private-key', path.join(dataDir, 'team-key.pem'), '--user', 'lin']);
    expect(result.output).toContain(`lin has no key in the team keyring of ${dataDir}: they must start RingScope once`);
    expect(result.code).toBe(1);
  }, 60_000);
});

describe('npm run team:keygen', () => {
  it('writes a team key pair (private half 0600) that team:certify then uses, and never overwrites it', async () => {
    const out = path.join(dataDir, 'team');
    const made = await runCli('keygen-cli.ts', ['--out', out]);
    expect(made.code).toBe(0);
    expect((await fs.stat(path.join(out, 'team-key.pem'))).mode & 0o777).toBe(0o600);
    env = { ...env, RINGSCOPE_TEAM_KEY_FILE: path.join(out, 'team-key.pub.pem') };
    const certified = await runCertify(['--team-private-key', path.join(out, 'team-key.pem'), '--user', 'lee']);
    expect(certified.code).toBe(0);
    expect(await isTeamLead('lee')).toBe(true);

    const again = await runCli('keygen-cli.ts', ['--out', out]);
    expect(again.output).toContain(`${path.join(out, 'team-key.pem')} already exists: a team key is never overwritten.`);
    expect(again.code).toBe(1);
    expect(await isTeamLead('lee')).toBe(true);
  }, 60_000);
});
