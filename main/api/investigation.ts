/**
 * Investigation state that crosses the Api boundary: cases, blacklist tags, four-eyes reviews,
 * the audit trail and the scoring outbox. Plain data only; the rules live in main/core/cases.
 */
import { z } from 'zod';
import { RingKind } from './model';
import { StoredRingReason } from './ring-reasons';
import { CaseSnapshot, KeyCertificate, SignedDecision } from './trust';
import { CaseViewWorkspace } from './workspace';

export const CASE_STATUSES = ['open', 'in_review', 'approved', 'rejected', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Every action on a case, the statuses it is allowed from and the status it leads to (null: unchanged):
 * open → in_review → approved / rejected → closed, with reopen (rejected → open) and revoke
 * (approved → open, which also reverses the blacklist). The core enforces it; the UI offers only what it allows.
 */
export const CASE_ACTION_RULES = {
  edit: { from: ['open', 'in_review', 'approved', 'rejected'], to: null },
  tag: { from: ['open'], to: null },
  changeMembers: { from: ['open'], to: null },
  /** Named views of the canvas (the package's picture): changeable until the case is closed. */
  views: { from: ['open', 'in_review', 'approved', 'rejected'], to: null },
  submit: { from: ['open'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review'], to: 'rejected' },
  reopen: { from: ['rejected'], to: 'open' },
  revoke: { from: ['approved'], to: 'open' },
  close: { from: ['approved', 'rejected'], to: 'closed' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | null }>;
export type CaseAction = keyof typeof CASE_ACTION_RULES;

/** Whether the status table allows this action on a case in this status. */
export function isCaseActionAllowed(status: CaseStatus, action: CaseAction): boolean {
  return (CASE_ACTION_RULES[action].from as readonly CaseStatus[]).includes(status);
}

/** Why a cluster is tagged; false_positive clears accounts instead of blacklisting them. */
export const REASON_CODES = ['fraud_ring', 'cash_out', 'money_laundering', 'identity_theft', 'false_positive'] as const;
export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCode>;

const Id = z.string().trim().min(1, 'is required').max(512);
const Timestamp = z.iso.datetime();

/** An account in a case: the graph node id (for drawing, write-back) and its business key (for scoring). */
export const AccountRef = z.strictObject({ nodeId: Id, userId: Id });
export type AccountRef = z.infer<typeof AccountRef>;

/**
 * What a case is about: a flagged cluster from ring detection (ringId, kind, score and reasons set)
 * or a hand-picked selection in Explore (those left null / empty).
 */
export const ClusterMembers = z.strictObject({
  origin: z.enum(['ring', 'selection']),
  ringId: z.string().max(200).nullable().default(null),
  ringKind: RingKind.nullable().default(null),
  score: z.number().min(0).max(1).nullable().default(null),
  reasons: z.array(StoredRingReason).max(50).default([]),
  accounts: z.array(AccountRef).max(5000),
  identifierNodeIds: z.array(Id).max(5000).default([]),
});
export type ClusterMembers = z.infer<typeof ClusterMembers>;

export const BlacklistTag = z.strictObject({
  reasonCode: ReasonCode,
  confidence: z.number().min(0).max(1),
  note: z.string().max(4000),
  taggedBy: z.string(),
  taggedAt: Timestamp,
});
export type BlacklistTag = z.infer<typeof BlacklistTag>;

export const CaseNote = z.strictObject({ author: z.string(), at: Timestamp, text: z.string() });
export type CaseNote = z.infer<typeof CaseNote>;

export const ReviewDecision = z.strictObject({
  decision: z.enum(['approved', 'rejected', 'revoked']),
  by: z.string(),
  at: Timestamp,
  comment: z.string(),
  /** The scoring decision this review produced (approve, revoke), else null. */
  decisionId: z.string().nullable(),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** The most named views one case keeps. */
export const MAX_CASE_VIEWS = 20;
const ViewName = z.string().trim().min(1, 'name the view').max(120);

/** A named view of the Explore canvas kept in a case, in the workspace format. */
export const CaseView = z.strictObject({
  id: z.string(),
  name: ViewName,
  savedBy: z.string(),
  savedAt: Timestamp,
  workspace: CaseViewWorkspace,
});
export type CaseView = z.infer<typeof CaseView>;

export const Case = z.strictObject({
  id: z.string(),
  /** Bumped by every change; an update must name the version it was based on. */
  version: z.number().int().positive(),
  /**
   * The investigator's title. Empty for a case opened from a ring or from accounts without one: readers
   * (UI, report) then title it from its origin in their own language, so the case reads right in any.
   */
  title: z.string(),
  description: z.string(),
  assignee: z.string().nullable(),
  status: CaseStatus,
  cluster: ClusterMembers,
  tag: BlacklistTag.nullable(),
  /** Everyone who ever tagged the cluster or changed its members: none of them may review it (four-eyes). */
  taggedBy: z.array(z.string()),
  submittedBy: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  notes: z.array(CaseNote),
  reviews: z.array(ReviewDecision),
  /** What the analyst saw when submitting, frozen with the case (null until submitted). */
  snapshot: CaseSnapshot.nullable().default(null),
  /** Every signed review act on the case, in order: submit, then approve / reject / revoke. */
  signatures: z.array(SignedDecision).default([]),
  /** Named views of the canvas, oldest first. */
  views: z.array(CaseView).max(MAX_CASE_VIEWS).default([]),
  /** The view the evidence package draws its picture from; null: the package lays the case graph out itself. */
  chosenViewId: z.string().nullable().default(null),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedBy: z.string(),
  updatedAt: Timestamp,
});
export type Case = z.infer<typeof Case>;

const CaseRef = z.strictObject({ caseId: Id });
/** Changes to a case name the version they were based on, so a concurrent edit is detected, not overwritten. */
const VersionedCaseRef = CaseRef.extend({ version: z.number().int().positive() });

export const CaseListInput = z.strictObject({
  status: CaseStatus.optional(),
  assignee: z.string().trim().max(200).optional(),
  /** Matches title, description, case id and member user ids. */
  text: z.string().trim().max(200).optional(),
});
export const CaseList = z.strictObject({ cases: z.array(Case) });
export const CaseCreateInput = z.strictObject({
  /** Leave empty to let readers title the case from its origin (ring id and kind, or its first account). */
  title: z.string().trim().max(200).default(''),
  description: z.string().max(10_000).default(''),
  assignee: z.string().trim().min(1).max(200).nullable().default(null),
  cluster: ClusterMembers,
});
export const CaseUpdateInput = VersionedCaseRef.extend({
  title: z.string().trim().min(1, 'give the case a title').max(200).optional(),
  description: z.string().max(10_000).optional(),
  assignee: z.string().trim().min(1).max(200).nullable().optional(),
});
export const CaseNoteInput = CaseRef.extend({ text: z.string().trim().min(1, 'write a note').max(10_000) });
export const CaseTagInput = VersionedCaseRef.extend({
  reasonCode: ReasonCode,
  confidence: z.number().min(0).max(1),
  note: z.string().max(4000).default(''),
});
export const CaseMembersInput = VersionedCaseRef.extend({
  addAccounts: z.array(AccountRef).max(5000).default([]),
  removeAccountNodeIds: z.array(Id).max(5000).default([]),
  addIdentifierNodeIds: z.array(Id).max(5000).default([]),
  removeIdentifierNodeIds: z.array(Id).max(5000).default([]),
});
/** Saving a view adds to the case (like a note), so it needs no version; a name already used replaces that view. */
export const CaseSaveViewInput = CaseRef.extend({ name: ViewName, workspace: CaseViewWorkspace, choose: z.boolean().default(false) });
/** viewId null: no chosen view, the package lays the case graph out itself. */
export const CaseChooseViewInput = VersionedCaseRef.extend({ viewId: Id.nullable() });
export const CaseRemoveViewInput = VersionedCaseRef.extend({ viewId: Id });
export const CaseTransitionInput = VersionedCaseRef;
export const CaseGetInput = CaseRef;
export const ReviewInput = CaseRef.extend({ comment: z.string().trim().max(4000).default('') });
export const ReviewRejectInput = CaseRef.extend({ comment: z.string().trim().min(1, 'say why the tag is rejected').max(4000) });

/** The JSON body POSTed to the scoring service; resources/scoring-api.openapi.yaml documents the same shape. */
export const ScoringDecision = z.strictObject({
  decisionId: z.uuid(),
  caseId: z.string().min(1),
  decision: z.enum(['blacklist', 'clear']),
  accounts: z.array(z.string().min(1)).min(1),
  ringKind: RingKind.nullable(),
  reasonCode: ReasonCode,
  confidence: z.number().min(0).max(1),
  approvedBy: z.string().min(1),
  approvedAt: Timestamp,
  /** The analyst's signed submission and the lead's signed approval (or revocation) of exactly it. */
  submission: SignedDecision,
  approval: SignedDecision,
  /** The team key's certificate of the approver's key as a team lead. */
  approverCertificate: KeyCertificate,
  /** The hash of the last audit event when the decision was queued: the receiver keeps it as an anchor. */
  auditHead: z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() }),
});
export type ScoringDecision = z.infer<typeof ScoringDecision>;

export const OUTBOX_STATES = ['pending', 'delivering', 'delivered', 'retrying', 'rejected'] as const;
export const OutboxState = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof OutboxState>;

export const OutboxEntry = z.strictObject({
  /** Same as decision.decisionId: also the Idempotency-Key of every attempt. */
  id: z.string(),
  version: z.number().int().positive(),
  caseId: z.string(),
  decision: ScoringDecision,
  state: OutboxState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: Timestamp.nullable(),
  /** While delivering: when another worker may assume this attempt died and take the entry over. */
  leaseExpiresAt: Timestamp.nullable(),
  lastError: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  deliveredAt: Timestamp.nullable(),
  /**
   * The audit head the scoring service acknowledged receiving with this decision: an anchor kept
   * outside the chain (and by the receiver), against which audit.verify detects truncation or rewriting.
   */
  acknowledgedHead: z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable().default(null),
  createdAt: Timestamp,
  updatedBy: z.string(),
  updatedAt: Timestamp,
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxListInput = z.strictObject({ state: OutboxState.optional(), caseId: z.string().max(200).optional() });
export const OutboxList = z.strictObject({
  entries: z.array(OutboxEntry),
  /** Where decisions are POSTed, or null when no scoring service is configured (they wait). */
  endpoint: z.string().nullable(),
});
export const OutboxRetryInput = z.strictObject({ id: Id });

export const AuditEvent = z.strictObject({
  seq: z.number().int().positive(),
  at: Timestamp,
  actor: z.string(),
  /** e.g. case.created, case.tagged, case.approved, push.delivered, evidence.exported, pii.revealed */
  action: z.string(),
  caseId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  /** The actor's public key and signature over {action, actor, caseId, details}; absent for RingScope's own workers. */
  actorKey: z.string().optional(),
  signature: z.string().optional(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListInput = z.strictObject({
  caseId: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
  /** An exact action or a prefix ending in a dot, e.g. "push." */
  action: z.string().max(200).optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
/** Newest first; total counts every event matching the filters. */
export const AuditList = z.strictObject({ events: z.array(AuditEvent), total: z.number().int().nonnegative() });
export const AuditVerification = z.strictObject({
  valid: z.boolean(),
  count: z.number().int().nonnegative(),
  /** Hash of the last event: compare it with a copy kept elsewhere to detect truncation of the tail. */
  headHash: z.string(),
  /** First event that does not fit the chain, or null when valid. */
  brokenAtSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
  /** Audit heads acknowledged by the scoring service that the chain was checked against, and the latest one. */
  anchors: z.strictObject({ checked: z.number().int().nonnegative(), lastSeq: z.number().int().nullable() }).default({ checked: 0, lastSeq: null }),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
