/**
 * Signed decisions and the team keyring as they cross the Api and travel to the scoring service.
 * Plain data only: signing and checking live in main/core/trust. Keys are base64 SPKI DER (Ed25519),
 * signatures base64, over the canonical JSON (sorted keys) of the object without its signature.
 */
import { z } from 'zod';
import { GraphEdge, GraphNode } from './model';
import { StoredRingReason } from './ring-reasons';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64').max(512);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');

/**
 * The identities of the embedded demo: an analyst and a team lead, plus a second lead because
 * revoking an approval needs a lead other than the approver. Never valid with a Neo4j store.
 */
export const DEMO_IDENTITIES = ['demo-analyst', 'demo-lead', 'demo-lead-2'] as const;
export const DemoIdentity = z.enum(DEMO_IDENTITIES);
export type DemoIdentity = z.infer<typeof DemoIdentity>;

export const CERTIFIED_ROLES = ['investigator', 'team_lead'] as const;

/** The team key vouching that `publicKey` belongs to `subject` in `role`. */
export const KeyCertificate = z.strictObject({
  subject: z.string().min(1).max(200),
  publicKey: Base64,
  role: z.enum(CERTIFIED_ROLES),
  issuedAt: z.iso.datetime(),
  /** Fingerprint of the team key that signed it. */
  teamKey: z.string().regex(/^[0-9a-f]{16}$/),
  signature: Base64,
});
export type KeyCertificate = z.infer<typeof KeyCertificate>;

export const DECISION_KINDS = ['submit', 'approve', 'reject', 'revoke'] as const;

/**
 * One signed act of the review: what exactly was submitted, approved, rejected or revoked. An
 * approval (and a rejection or revocation) names the hash of the submission it acts on.
 */
export const SignedDecision = z.strictObject({
  decision: z.enum(DECISION_KINDS),
  caseId: z.string().min(1),
  /** The case version the actor acted on. */
  version: z.number().int().positive(),
  /** canonicalHash of the members' user ids, sorted (the scoring service recomputes it from `accounts`). */
  membersHash: Sha256,
  /** canonicalHash of the case's as-of snapshot. */
  snapshotHash: Sha256,
  actor: z.string().min(1),
  actorKey: Base64,
  at: z.iso.datetime(),
  /** The submission this decision acts on (decisionHash of it), null for a submission. */
  submissionHash: Sha256.nullable(),
  signature: Base64,
});
export type SignedDecision = z.infer<typeof SignedDecision>;

/** One Cypher statement a source ran to read the graph. */
export const SnapshotQuery = z.strictObject({
  /** Catalogued statement name (graph-queries/<name>.cypher). */
  name: z.string().min(1),
  /** The statement as run, placeholders filled with the graph's labels and types. */
  text: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
});
export type SnapshotQuery = z.infer<typeof SnapshotQuery>;

/** What the analyst saw when submitting, frozen with the case: review, push and evidence use it. */
export const CaseSnapshot = z.strictObject({
  takenAt: z.iso.datetime(),
  accounts: z.array(z.strictObject({ nodeId: z.string(), userId: z.string() })),
  identifierNodeIds: z.array(z.string()),
  ringId: z.string().nullable(),
  ringKind: z.string().nullable(),
  score: z.number().nullable(),
  reasons: z.array(StoredRingReason),
  /** Members and identifiers with the property values shown, and the links among them. */
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /**
   * The Cypher statements that read `nodes` and `edges`, with their parameters as run (catalogued
   * name and rendered text). Empty on the embedded demo graph, which runs no Cypher. Optional, not
   * defaulted: snapshots stored before this field must hash as they were signed.
   */
  queries: z.array(SnapshotQuery).optional(),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;

export const Identity = z.strictObject({
  name: z.string(),
  isTeamLead: z.boolean(),
  /** A demo identity of the embedded graph (switchable), not an authenticated one. */
  demo: z.boolean(),
  /** Fingerprint of the investigator's signing key. */
  keyFingerprint: z.string(),
});
export type Identity = z.infer<typeof Identity>;

export const SwitchDemoIdentityInput = z.strictObject({ identity: DemoIdentity });
