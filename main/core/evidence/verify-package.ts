/**
 * Re-checks an evidence package the way a third party would, with nothing but the zip: every file
 * against the manifest's SHA-256 and size, no file missing or extra, and the audit events' hash chain.
 */
import { createHash } from 'node:crypto';
import { AuditEvent, EVIDENCE_FILES, EvidenceManifest, MANIFEST_FILE, type EvidenceVerification } from '../../api';
import { hashAuditEvent } from '../audit/audit-chain';
import { readZip, type ZipEntry } from './zip-archive';

/** Lower-case hex SHA-256 of some bytes. */
export const sha256Hex = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** Verifies a package given its bytes; `problems` names each file that does not check out. */
export async function verifyEvidencePackage(zipBytes: Buffer): Promise<EvidenceVerification> {
  let entries: ZipEntry[];
  try {
    entries = await readZip(zipBytes);
  } catch (error) {
    return { valid: false, problems: [`not a readable zip file: ${error instanceof Error ? error.message : String(error)}`], manifest: null };
  }
  const problems: string[] = [];
  const byName = new Map<string, Buffer>();
  for (const entry of entries) {
    if (byName.has(entry.name)) problems.push(`duplicate file ${entry.name}`);
    byName.set(entry.name, entry.content);
  }

  const manifest = readManifest(byName.get(MANIFEST_FILE), problems);
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
  return { valid: problems.length === 0, problems, manifest };
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
