/**
 * `npm run evidence:verify -- <package.zip> --team-key <team-key.pem>`: checks an evidence package
 * with the zip and the team key's public half (RINGSCOPE_TEAM_KEY_FILE when --team-key is left out;
 * for the embedded demo, its data folder's demo-team-key.pem). Exit code 0 when the signature,
 * the signer's certificate, every file and the audit chain hold, 1 otherwise.
 */
import fs from 'node:fs/promises';
import { readTeamPublicKey } from '../trust/team-key-file';
import { verifyEvidencePackage } from './verify-package';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const keyFlag = args.indexOf('--team-key');
  const teamKeyFile = keyFlag >= 0 ? args[keyFlag + 1] : process.env.RINGSCOPE_TEAM_KEY_FILE;
  const [zipPath] = keyFlag >= 0 ? [...args.slice(0, keyFlag), ...args.slice(keyFlag + 2)] : args;
  if (!zipPath || !teamKeyFile) {
    console.error('Usage: npm run evidence:verify -- <evidence-package.zip> --team-key <team-key.pem>');
    return 1;
  }
  const teamPublicKey = await readTeamPublicKey(teamKeyFile).catch((error: Error) => {
    console.error(`Cannot read the team key ${teamKeyFile}: ${error.message}`);
    return null;
  });
  if (!teamPublicKey) return 1;
  const bytes = await fs.readFile(zipPath).catch((error: NodeJS.ErrnoException) => {
    console.error(`Cannot read ${zipPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    return null;
  });
  if (!bytes) return 1;
  const result = await verifyEvidencePackage(bytes, { teamPublicKey });
  const manifest = result.manifest;
  if (manifest) {
    console.log(`Case ${manifest.caseId} (${manifest.caseTitle}), exported ${manifest.exportedAt} by ${manifest.exportedBy} with RingScope ${manifest.appVersion}`);
    console.log(`Personal data ${manifest.includePii ? 'UNMASKED' : 'masked'}; audit trail at export: ${manifest.auditTrail.count} events, head ${manifest.auditTrail.headHash}`);
  }
  if (result.signedBy) console.log(`Signed by ${result.signedBy.subject} (${result.signedBy.role}, key ${result.signedBy.keyFingerprint}), certified by the team key`);
  if (result.valid) {
    console.log(`VALID: ${manifest?.files.length ?? 0} files match the manifest and the audit chain holds.`);
    return 0;
  }
  console.log(`INVALID: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const problem of result.problems) console.log(`  - ${problem}`);
  return 1;
}

main().then((code) => process.exit(code));
