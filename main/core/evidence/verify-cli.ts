/**
 * `npm run evidence:verify -- <package.zip>`: checks an evidence package with nothing but the zip.
 * Exit code 0 when every file matches the manifest and the audit chain holds, 1 otherwise.
 */
import fs from 'node:fs/promises';
import { verifyEvidencePackage } from './verify-package';

async function main(): Promise<number> {
  const [zipPath] = process.argv.slice(2);
  if (!zipPath) {
    console.error('Usage: npm run evidence:verify -- <evidence-package.zip>');
    return 1;
  }
  const bytes = await fs.readFile(zipPath).catch((error: NodeJS.ErrnoException) => {
    console.error(`Cannot read ${zipPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    return null;
  });
  if (!bytes) return 1;
  const result = await verifyEvidencePackage(bytes);
  const manifest = result.manifest;
  if (manifest) {
    console.log(`Case ${manifest.caseId} (${manifest.caseTitle}), exported ${manifest.exportedAt} by ${manifest.exportedBy} with RingScope ${manifest.appVersion}`);
    console.log(`Personal data ${manifest.includePii ? 'UNMASKED' : 'masked'}; audit trail at export: ${manifest.auditTrail.count} events, head ${manifest.auditTrail.headHash}`);
  }
  if (result.valid) {
    console.log(`VALID: ${manifest?.files.length ?? 0} files match the manifest and the audit chain holds.`);
    return 0;
  }
  console.log(`INVALID: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const problem of result.problems) console.log(`  - ${problem}`);
  return 1;
}

main().then((code) => process.exit(code));
