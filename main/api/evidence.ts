/**
 * Evidence packages: one zip per export of a case, with a manifest of SHA-256 hashes that a third
 * party can re-check (`npm run evidence:verify <zip>` or evidence.verify). Plain data only; the
 * building and checking live in main/core/evidence.
 */
import { z } from 'zod';
import { SourceInfo, UiLocale } from './model';
import { KeyCertificate } from './trust';

/** Same rule as contract.ts's TaskId (importing it from there would be a module cycle). */
const TaskId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');

/** Version of the package layout; a verifier refuses versions it does not know. */
export const EVIDENCE_FORMAT_VERSION = 2;

/**
 * `<caseId>-<UTC time to the millisecond>.zip`, e.g. `3f2a…-20251125T101530123Z.zip`. The only names
 * the download route and evidence.verify accept, so no path can reach outside the exports folder.
 */
export const EVIDENCE_FILE_NAME = /^[A-Za-z0-9_-]{1,128}-\d{8}T\d{9}Z\.zip$/;

/** Every file a package holds besides manifest.json, in the order they are written. */
export const EVIDENCE_FILES = ['report.pdf', 'nodes.csv', 'edges.csv', 'graph.graphml', 'cytoscape.json', 'queries.cypher', 'audit.jsonl'] as const;
export const MANIFEST_FILE = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');
export const EvidenceFileName = z.string().regex(EVIDENCE_FILE_NAME, 'is not the name of an evidence package');

export const EvidenceFileEntry = z.strictObject({ name: z.string().min(1), sha256: Sha256, bytes: z.number().int().nonnegative() });
export type EvidenceFileEntry = z.infer<typeof EvidenceFileEntry>;

export const EvidenceManifest = z.strictObject({
  formatVersion: z.literal(EVIDENCE_FORMAT_VERSION),
  caseId: z.string().min(1),
  caseTitle: z.string(),
  exportedBy: z.string().min(1),
  exportedAt: z.iso.datetime(),
  appVersion: z.string(),
  source: SourceInfo,
  /** True when phone numbers, cards, e-mails and addresses appear unmasked (audited as pii.revealed). */
  includePii: z.boolean(),
  /** The whole audit trail checked out at export time; audit.jsonl holds only this case's events of it. */
  auditTrail: z.strictObject({ valid: z.boolean(), count: z.number().int().nonnegative(), headHash: z.string() }),
  files: z.array(EvidenceFileEntry),
  /**
   * The exporter's Ed25519 signature (base64) over the canonical JSON of the manifest without this
   * field, with the exporter's public key and the team key's certificate of it.
   */
  signature: z.strictObject({ publicKey: z.string(), certificate: KeyCertificate.nullable(), value: z.string() }),
});
export type EvidenceManifest = z.infer<typeof EvidenceManifest>;

export const EvidenceExportInput = z.strictObject({
  caseId: z.string().trim().min(1, 'is required').max(512),
  /** The exporter's UI language: report.pdf is written in it. */
  locale: UiLocale.default('en'),
  includePii: z.boolean().default(false),
  taskId: TaskId.optional(),
});
export const EvidenceExportResult = z.strictObject({
  fileName: EvidenceFileName,
  /** Where the package was written on this machine (shown by the desktop app). */
  savedPath: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
  files: z.array(EvidenceFileEntry),
});
export type EvidenceExportResult = z.infer<typeof EvidenceExportResult>;

export const EvidenceVerifyInput = z.strictObject({ fileName: EvidenceFileName });
export const EvidenceVerification = z.strictObject({
  valid: z.boolean(),
  /** One line per problem, naming the file: "nodes.csv: SHA-256 mismatch", "extra file evil.sh". */
  problems: z.array(z.string()),
  /** The manifest as read from the package, or null when it is missing or unreadable. */
  manifest: EvidenceManifest.nullable(),
  /** Who signed the manifest, as their certificate from the team key names them; null when the signature does not hold. */
  signedBy: z.strictObject({ subject: z.string(), role: z.string(), keyFingerprint: z.string() }).nullable(),
});
export type EvidenceVerification = z.infer<typeof EvidenceVerification>;
