/**
 * Re-checks an evidence package the way a third party would, with the zip and the team key's
 * public half: the manifest's signature and the signer's certificate, every file against the
 * manifest's SHA-256 and size, no file missing or extra, and the audit events' hash chain.
 */
import { AuditEvent, EVIDENCE_FILES, EvidenceManifest, MANIFEST_FILE, type EvidenceVerification } from '../../api';
import { hashAuditEvent } from '../audit/audit-chain';
import { certificateProblem } from '../trust/certificate';
import { keyFingerprint, sha256Hex, verifyCanonical } from '../trust/signing';
import { readZip, type ZipEntry } from './zip-archive';

export { sha256Hex };

/** Verifies a package given its bytes; `problems` names each file that does not check out. */
export async function verifyEvidencePackage(zipBytes: Buffer, { teamPublicKey }: { teamPublicKey: string | null }): Promise<EvidenceVerification> {
  let entries: ZipEntry[];
  try {
    entries = await readZip(zipBytes);
  } catch (error) {
    return { valid: false, problems: [`not a readable zip file: ${error instanceof Error ? error.message : String(error)}`], manifest: null, signedBy: null };
  }
  const problems: string[] = [];
  const byName = new Map<string, Buffer>();
  for (const entry of entries) {
    if (byName.has(entry.name)) problems.push(`duplicate file ${entry.name}`);
    byName.set(entry.name, entry.content);
  }

  const manifest = readManifest(byName.get(MANIFEST_FILE), problems);
  const signedBy = manifest ? checkSignature(manifest, teamPublicKey, problems) : null;
  if (manifest) {
    const listed = new Set(manifest.files.map((file) => file.name));
    for (const file of manifest.files) {
      const content = byName.get(file.name);
      if (!content) problems.push(`${file.name}: missing from the package`);
      else if (sha256Hex(content) !== file.sha256) problems.push(`${file.name}: SHA-256 mismatch`);
      else if (content.length !== file.bytes) problems.push(`${file.name}: ${content.length} bytes, the manifest says ${file.bytes}`);
    }
    for (const name of EVIDENCE_FILES) if (!listed.has(name)) problems.push(`${name}: not listed in the manifest`);
    for (const name of byName.keys()) if (name !== MANIFEST_FILE && !listed.has(name)) problems.push(`extra file ${name}`);
  }
  const audit = byName.get('audit.jsonl');
  if (audit) problems.push(...checkAuditExcerpt(audit.toString('utf8'), manifest?.caseId ?? null));
  return { valid: problems.length === 0, problems, manifest, signedBy };
}

/**
 * The manifest must carry the exporter's signature over everything else in it (file hashes,
 * metadata, audit head), and the team key must have certified that key for the named exporter:
 * recomputing hashes after an edit, or re-signing with a key of one's own, both fail here.
 */
function checkSignature(manifest: EvidenceManifest, teamPublicKey: string | null, problems: string[]): EvidenceVerification['signedBy'] {
  const { signature, ...signed } = manifest;
  if (!verifyCanonical(signature.publicKey, signed, signature.value)) {
    problems.push(`${MANIFEST_FILE}: signature does not match the manifest (it was changed after signing)`);
    return null;
  }
  const { certificate } = signature;
  if (!certificate) {
    problems.push(`${MANIFEST_FILE}: the signer's key has no certificate from the team key`);
    return null;
  }
  if (certificate.publicKey !== signature.publicKey || certificate.subject !== manifest.exportedBy) {
    problems.push(`${MANIFEST_FILE}: the certificate is for another key or person than the exporter ${manifest.exportedBy}`);
    return null;
  }
  const problem = certificateProblem(certificate, teamPublicKey);
  if (problem) {
    problems.push(`${MANIFEST_FILE}: the signer's certificate does not hold under the team key (${problem})`);
    return null;
  }
  return { subject: certificate.subject, role: certificate.role, keyFingerprint: keyFingerprint(signature.publicKey) };
}

function readManifest(content: Buffer | undefined, problems: string[]): EvidenceManifest | null {
  if (!content) {
    problems.push(`${MANIFEST_FILE}: missing from the package`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch {
    problems.push(`${MANIFEST_FILE}: not valid JSON`);
    return null;
  }
  const parsed = EvidenceManifest.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${MANIFEST_FILE}: ${issue.path.join('.') || '(root)'} ${issue.message}`));
    return null;
  }
  return parsed.data;
}

/**
 * audit.jsonl holds one case's events out of the team's whole trail, so seqs have gaps. Each event's
 * own hash must recompute (nothing edited), seqs must rise, and where two events are consecutive in
 * the trail the later one must link to the earlier one's hash. The manifest's auditTrail records
 * that the whole trail verified at export time and its head hash, to compare with the live trail.
 */
function checkAuditExcerpt(text: string, caseId: string | null): string[] {
  const problems: string[] = [];
  let previous: AuditEvent | null = null;
  const lines = text.split('\n').filter((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    let parsed: ReturnType<typeof AuditEvent.safeParse>;
    try {
      parsed = AuditEvent.safeParse(JSON.parse(line));
    } catch {
      problems.push(`audit.jsonl: line ${index + 1} is not valid JSON`);
      continue;
    }
    if (!parsed.success) {
      problems.push(`audit.jsonl: line ${index + 1} is not an audit event`);
      continue;
    }
    const event = parsed.data;
    if (hashAuditEvent(event) !== event.hash) problems.push(`audit.jsonl: chain broken at seq ${event.seq} (the event was changed after it was recorded)`);
    else if (previous && event.seq <= previous.seq) problems.push(`audit.jsonl: chain broken at seq ${event.seq} (events are out of order or repeated)`);
    else if (previous && event.seq === previous.seq + 1 && event.prevHash !== previous.hash) {
      problems.push(`audit.jsonl: chain broken at seq ${event.seq} (it does not link to seq ${previous.seq})`);
    }
    if (caseId !== null && event.caseId !== caseId) problems.push(`audit.jsonl: seq ${event.seq} belongs to another case`);
    previous = event;
  }
  return problems;
}
