import {
  ApiError,
  type ApiParsedInput,
  MAX_CASE_VIEWS,
  type Case,
  type CaseSnapshot,
  type CaseView,
  type ClusterMembers,
  type ReviewDecision,
  type ScoringDecision,
  type SignedDecision,
  type SnapshotQuery,
  type Subgraph,
} from '../../api';
import { GENESIS_HASH, type AuditDraft } from '../audit/audit-chain';
import { decisionHash, isDecisionSignatureValid, membersHash, signDecision } from '../trust/decisions';
import { canonicalHash } from '../trust/signing';
import type { TeamTrust } from '../trust/team-trust';
import { newOutboxEntry } from '../scoring/scoring-outbox';
import type { InvestigationStore } from '../store/investigation-store';
import { nextStatus, type CaseAction } from './case-status';
import type { GraphWriteBack } from './graph-write-back';

export interface CaseServiceOptions {
  store: InvestigationStore;
  writeBack: GraphWriteBack;
  /** Signing keys and the keyring: team leads are those the team key certified. */
  trust: TeamTrust;
  /** Where the graph store has roles: whether the user holds the configured team-lead role (default: yes). */
  holdsLeadRole?: (user: string) => boolean;
  /**
   * The members, identifiers and links among them as the graph shows them now (frozen on submit),
   * with the Cypher the source ran to read them (none, or left out, on the embedded demo graph).
   */
  snapshotOf: (cluster: ClusterMembers) => Promise<Subgraph & { queries?: SnapshotQuery[] }>;
  now?: () => number;
  /** A fresh UUID: case ids and decision ids. */
  newId?: () => string;
  /** Called after a decision was queued, to wake the outbox worker. */
  onDecisionQueued?: () => void;
}

type CreateInput = ApiParsedInput<'cases', 'create'>;
type UpdateInput = ApiParsedInput<'cases', 'update'>;
type TagInput = ApiParsedInput<'cases', 'tag'>;
type MembersInput = ApiParsedInput<'cases', 'updateMembers'>;
type ListInput = ApiParsedInput<'cases', 'list'>;
type SaveViewInput = ApiParsedInput<'cases', 'saveView'>;
type ChooseViewInput = ApiParsedInput<'cases', 'chooseView'>;
type RemoveViewInput = ApiParsedInput<'cases', 'removeView'>;
/** What one change does to a case, and the audit event that records it. */
type ChangeBuilder = (current: Case) => { patch: Partial<Case>; audit: { action: string; details: Record<string, unknown> } };

/** Names compare without case or surrounding spaces, so "Ana" cannot review what "ana " tagged. */
const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Cases, blacklist tags and the four-eyes review. Every change is one store commit with its audit
 * events (and, for a decision, its outbox entry), checked against the case version the caller saw.
 */
export class CaseService {
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: CaseServiceOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  async list(filter: ListInput): Promise<Case[]> {
    const text = filter.text?.toLowerCase();
    const cases = await this.options.store.listCases();
    return cases
      .filter((item) => !filter.status || item.status === filter.status)
      .filter((item) => !filter.assignee || (item.assignee !== null && sameUser(item.assignee, filter.assignee)))
      .filter((item) => !text || searchableText(item).includes(text))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async get(caseId: string): Promise<Case> {
    const found = await this.options.store.getCase(caseId);
    if (!found) throw new ApiError('not_found', `No case ${caseId}`, { reason: 'case_missing', params: { caseId } });
    return found;
  }

  /** Cases waiting for a team lead, oldest submission first. */
  async reviewQueue(): Promise<Case[]> {
    const cases = await this.list({ status: 'in_review' });
    return cases.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  }

  async create(input: CreateInput, actor: string): Promise<Case> {
    const at = this.iso();
    const id = `RS-${at.slice(0, 10).replaceAll('-', '')}-${this.newId().slice(0, 8)}`;
    const created: Case = {
      id,
      version: 0,
      title: input.title,
      description: input.description,
      assignee: input.assignee,
      status: 'open',
      cluster: { ...input.cluster, accounts: uniqueBy(input.cluster.accounts, (a) => a.nodeId), identifierNodeIds: [...new Set(input.cluster.identifierNodeIds)] },
      tag: null,
      // Choosing the members is part of tagging: the creator may not review the case either.
      taggedBy: [actor],
      submittedBy: null,
      submittedAt: null,
      notes: [],
      reviews: [],
      snapshot: null,
      signatures: [],
      views: [],
      chosenViewId: null,
      createdBy: actor,
      createdAt: at,
      updatedBy: actor,
      updatedAt: at,
    };
    const { cases } = await this.options.store.commit({
      cases: [{ doc: created, expectedVersion: 0 }],
      audit: [{ actor, action: 'case.created', caseId: id, details: { title: input.title, origin: input.cluster.origin, ringId: input.cluster.ringId, accounts: created.cluster.accounts.length } }],
    });
    return cases[0];
  }

  async update(input: UpdateInput, actor: string): Promise<Case> {
    const changes = Object.fromEntries(
      (['title', 'description', 'assignee'] as const).filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
    );
    return this.change(input.caseId, input.version, actor, 'edit', () => ({
      patch: changes,
      audit: { action: 'case.updated', details: { changed: changes } },
    }));
  }

  /** Notes are append-only and independent of other edits, so they need no version from the caller. */
  async addNote(caseId: string, text: string, actor: string): Promise<Case> {
    return this.changeLatest(caseId, actor, null, (item) => ({
      patch: { notes: [...item.notes, { author: actor, at: this.iso(), text }] },
      audit: { action: 'case.note_added', details: { text } },
    }));
  }

  /**
   * Keeps a canvas as a named view (saved from Explore, which holds no case version: like a note,
   * it applies to the latest one). A view of the same name is replaced, keeping its id, so a chosen
   * view stays chosen when it is saved again.
   */
  async saveView(input: SaveViewInput, actor: string): Promise<Case> {
    return this.changeLatest(input.caseId, actor, 'views', (item) => {
      const existing = item.views.find((view) => view.name === input.name);
      if (!existing && item.views.length >= MAX_CASE_VIEWS) {
        throw new ApiError('conflict', `A case keeps at most ${MAX_CASE_VIEWS} views`, { reason: 'case_views_full', params: { max: MAX_CASE_VIEWS } });
      }
      const view: CaseView = { id: existing?.id ?? this.newId(), name: input.name, savedBy: actor, savedAt: this.iso(), workspace: input.workspace };
      const views = existing ? item.views.map((kept) => (kept.id === existing.id ? view : kept)) : [...item.views, view];
      return {
        patch: { views, chosenViewId: input.choose ? view.id : item.chosenViewId },
        audit: { action: 'case.view_saved', details: { viewId: view.id, name: view.name, replaced: Boolean(existing), nodes: view.workspace.nodes.length, chosen: input.choose } },
      };
    });
  }

  /** Marks the view the evidence package draws its picture from (null: none, the package lays the graph out). */
  async chooseView(input: ChooseViewInput, actor: string): Promise<Case> {
    return this.change(input.caseId, input.version, actor, 'views', (item) => {
      const view = input.viewId === null ? null : viewOf(item, input.viewId);
      return { patch: { chosenViewId: view?.id ?? null }, audit: { action: 'case.view_chosen', details: { viewId: view?.id ?? null, name: view?.name ?? null } } };
    });
  }

  async removeView(input: RemoveViewInput, actor: string): Promise<Case> {
    return this.change(input.caseId, input.version, actor, 'views', (item) => {
      const view = viewOf(item, input.viewId);
      return {
        patch: { views: item.views.filter((kept) => kept.id !== view.id), chosenViewId: item.chosenViewId === view.id ? null : item.chosenViewId },
        audit: { action: 'case.view_removed', details: { viewId: view.id, name: view.name } },
      };
    });
  }

  async tag(input: TagInput, actor: string): Promise<Case> {
    return this.change(input.caseId, input.version, actor, 'tag', (item) => ({
      patch: {
        tag: { reasonCode: input.reasonCode, confidence: input.confidence, note: input.note, taggedBy: actor, taggedAt: this.iso() },
        taggedBy: withUser(item.taggedBy, actor),
      },
      audit: { action: 'case.tagged', details: { reasonCode: input.reasonCode, confidence: input.confidence, note: input.note } },
    }));
  }

  async updateMembers(input: MembersInput, actor: string): Promise<Case> {
    return this.change(input.caseId, input.version, actor, 'changeMembers', (item) => {
      const removedAccounts = new Set(input.removeAccountNodeIds);
      const removedIdentifiers = new Set(input.removeIdentifierNodeIds);
      const accounts = uniqueBy([...item.cluster.accounts, ...input.addAccounts], (a) => a.nodeId).filter((a) => !removedAccounts.has(a.nodeId));
      const identifierNodeIds = [...new Set([...item.cluster.identifierNodeIds, ...input.addIdentifierNodeIds])].filter((id) => !removedIdentifiers.has(id));
      return {
        patch: { cluster: { ...item.cluster, accounts, identifierNodeIds }, taggedBy: withUser(item.taggedBy, actor) },
        audit: {
          action: 'case.members_changed',
          details: {
            addedAccounts: input.addAccounts.map((a) => a.userId),
            removedAccounts: item.cluster.accounts.filter((a) => removedAccounts.has(a.nodeId)).map((a) => a.userId),
            addedIdentifiers: input.addIdentifierNodeIds,
            removedIdentifiers: input.removeIdentifierNodeIds,
          },
        },
      };
    });
  }

  /**
   * Freezes what the analyst sees (members, links, property values, ring reasons and score, the
   * queries that read them) as the case's snapshot and signs the submission over it, so a change
   * after submission is detected.
   */
  async submit(caseId: string, version: number, actor: string): Promise<Case> {
    const current = await this.get(caseId);
    const subgraph = await this.options.snapshotOf(current.cluster);
    const signer = await this.options.trust.signerFor(actor);
    const at = this.iso();
    return this.change(caseId, version, actor, 'submit', (item) => {
      if (!item.tag) throw new ApiError('conflict', 'Tag the cluster with a reason code before submitting it for review', { reason: 'tag_missing' });
      if (!item.cluster.accounts.length) throw new ApiError('conflict', 'Add at least one account before submitting the case for review', { reason: 'members_missing' });
      const snapshot: CaseSnapshot = {
        takenAt: at,
        accounts: item.cluster.accounts,
        identifierNodeIds: item.cluster.identifierNodeIds,
        ringId: item.cluster.ringId,
        ringKind: item.cluster.ringKind,
        score: item.cluster.score,
        reasons: item.cluster.reasons,
        nodes: subgraph.nodes,
        edges: subgraph.edges,
        queries: subgraph.queries ?? [],
      };
      const submission = signDecision(signer, {
        decision: 'submit',
        caseId,
        version: item.version + 1,
        membersHash: membersHash(item.cluster.accounts),
        snapshotHash: canonicalHash(snapshot),
        at,
        submissionHash: null,
      });
      return {
        patch: { submittedBy: actor, submittedAt: at, snapshot, signatures: [...(item.signatures ?? []), submission] },
        audit: { action: 'case.submitted', details: { accounts: item.cluster.accounts.length, reasonCode: item.tag.reasonCode, submissionHash: decisionHash(submission) } },
      };
    });
  }

  async reopen(caseId: string, version: number, actor: string): Promise<Case> {
    return this.change(caseId, version, actor, 'reopen', () => ({ patch: {}, audit: { action: 'case.reopened', details: {} } }));
  }

  async close(caseId: string, version: number, actor: string): Promise<Case> {
    return this.change(caseId, version, actor, 'close', () => ({ patch: {}, audit: { action: 'case.closed', details: {} } }));
  }

  /**
   * A team lead other than the tagger approves: the case, its audit events and the scoring decision
   * are committed together (the outbox first, delivery later), then the accounts are marked in the graph.
   */
  async approve(caseId: string, comment: string, actor: string): Promise<Case> {
    const current = await this.get(caseId);
    await this.assertMayReview(current, actor);
    const decision = current.tag?.reasonCode === 'false_positive' ? 'clear' : 'blacklist';
    const approved = await this.decide(current, actor, 'approve', { decision: 'approved', comment }, decision);
    if (decision === 'blacklist') await this.applyWriteBack(approved, 'mark', actor);
    return approved;
  }

  async reject(caseId: string, comment: string, actor: string): Promise<Case> {
    const current = await this.get(caseId);
    await this.assertMayReview(current, actor);
    return this.decide(current, actor, 'reject', { decision: 'rejected', comment }, null);
  }

  /** Reverses an approval: the case opens again and a blacklist is cleared in the graph and at the scoring service. */
  async revoke(caseId: string, comment: string, actor: string): Promise<Case> {
    const current = await this.get(caseId);
    await this.assertTeamLead(actor);
    const approver = (current.signatures ?? []).findLast((signed) => signed.decision === 'approve');
    if (approver && sameUser(approver.actor, actor)) {
      throw new ApiError('forbidden', 'Four-eyes rule: you approved this case, another team lead must revoke the approval', { reason: 'four_eyes_approver' });
    }
    const wasBlacklist = isBlacklistInEffect(current);
    const revoked = await this.decide(current, actor, 'revoke', { decision: 'revoked', comment }, wasBlacklist ? 'clear' : null);
    if (wasBlacklist) await this.applyWriteBack(current, 'clear', actor);
    return revoked;
  }

  /** Re-applies every approved blacklist to the graph: at start-up, and to repair a failed write-back. */
  async reconcileWriteBack(): Promise<number> {
    const active = (await this.options.store.listCases()).filter(isBlacklistInEffect);
    for (const item of active) await this.options.writeBack.markBlacklisted(item.cluster.accounts, item.id);
    return active.length;
  }

  private async decide(
    current: Case,
    actor: string,
    action: 'approve' | 'reject' | 'revoke',
    review: Pick<ReviewDecision, 'decision' | 'comment'>,
    push: ScoringDecision['decision'] | null,
  ): Promise<Case> {
    const at = this.iso();
    const status = nextStatus(current.status, action);
    const submission = this.verifiedSubmission(current);
    const signer = await this.options.trust.signerFor(actor);
    const signed = signDecision(signer, {
      decision: action,
      caseId: current.id,
      version: current.version + 1,
      membersHash: submission.membersHash,
      snapshotHash: submission.snapshotHash,
      at,
      submissionHash: decisionHash(submission),
    });
    const certificate = await this.options.trust.certificateOf(actor, signer.publicKey);
    if (!certificate) throw new ApiError('forbidden', `The signing key of ${actor} holds no team-lead certificate`, { reason: 'not_team_lead', params: { user: actor } });
    const head = (await this.options.store.listAudit()).at(-1);
    const snapshot = current.snapshot;
    const decision: ScoringDecision | null = push && current.tag && snapshot
      ? {
          decisionId: this.newId(),
          caseId: current.id,
          decision: push,
          // What the lead approved is what was submitted: the snapshot's members, not the live case's.
          accounts: snapshot.accounts.map((a) => a.userId),
          ringKind: current.cluster.ringKind,
          reasonCode: current.tag.reasonCode,
          confidence: current.tag.confidence,
          approvedBy: actor,
          approvedAt: at,
          submission,
          approval: signed,
          approverCertificate: certificate,
          auditHead: { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH },
        }
      : null;
    const next: Case = {
      ...current,
      status,
      reviews: [...current.reviews, { ...review, by: actor, at, decisionId: decision?.decisionId ?? null }],
      signatures: [...(current.signatures ?? []), signed],
      updatedBy: actor,
      updatedAt: at,
    };
    const audit: AuditDraft[] = [{ actor, action: `case.${review.decision}`, caseId: current.id, details: { comment: review.comment, submissionHash: signed.submissionHash, decisionHash: decisionHash(signed) } }];
    if (decision) audit.push({ actor, action: 'push.queued', caseId: current.id, details: { decisionId: decision.decisionId, decision: decision.decision, accounts: decision.accounts.length } });
    const { cases } = await this.options.store.commit({
      cases: [{ doc: next, expectedVersion: current.version }],
      outbox: decision ? [{ doc: newOutboxEntry(decision, at, actor), expectedVersion: 0 }] : [],
      audit,
    });
    if (decision) this.options.onDecisionQueued?.();
    return cases[0];
  }

  private async applyWriteBack(item: Case, kind: 'mark' | 'clear', actor: string): Promise<void> {
    try {
      if (kind === 'mark') await this.options.writeBack.markBlacklisted(item.cluster.accounts, item.id);
      else await this.options.writeBack.clearBlacklisted(item.cluster.accounts, item.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.options.store.commit({ audit: [{ actor, action: 'graph.write_back_failed', caseId: item.id, details: { kind, reason } }] });
      throw new ApiError('unavailable', `The decision was recorded and queued for scoring, but the accounts could not be ${kind === 'mark' ? 'marked' : 'unmarked'} in the graph (${reason}); RingScope retries at its next start`, { reason: 'write_back_failed', params: { action: kind } });
    }
  }

  /** Whether the team key certified this user's signing key as a team lead (and, where Neo4j has roles, the user holds the lead role). */
  async isTeamLead(user: string): Promise<boolean> {
    return (this.options.holdsLeadRole?.(user) ?? true) && (await this.options.trust.isTeamLead(user));
  }

  private async assertTeamLead(actor: string): Promise<void> {
    if (!(await this.isTeamLead(actor))) {
      throw new ApiError('forbidden', `Only a team lead can review cases, and ${actor} is not one`, { reason: 'not_team_lead', params: { user: actor } });
    }
  }

  /** The four-eyes rule, enforced here whatever the UI shows. */
  private async assertMayReview(item: Case, actor: string): Promise<void> {
    await this.assertTeamLead(actor);
    if (item.taggedBy.some((user) => sameUser(user, actor))) {
      throw new ApiError('forbidden', 'Four-eyes rule: you tagged this cluster, another team lead must review it', { reason: 'four_eyes_tagger' });
    }
    if (item.submittedBy && sameUser(item.submittedBy, actor)) {
      throw new ApiError('forbidden', 'Four-eyes rule: you submitted this cluster, another team lead must review it', { reason: 'four_eyes_submitter' });
    }
  }

  /**
   * The case's last signed submission, checked against the case as stored now: a member list or
   * snapshot changed after submission (say, edited in the store) is refused, not approved.
   */
  private verifiedSubmission(item: Case): SignedDecision {
    const submission = (item.signatures ?? []).findLast((signed) => signed.decision === 'submit');
    if (!submission || !item.snapshot) throw new ApiError('conflict', 'This case has no signed submission: submit it again', { reason: 'submission_missing' });
    if (!isDecisionSignatureValid(submission)) throw new ApiError('conflict', 'The signature of the submission does not match it: the case was altered', { reason: 'case_altered', params: { part: 'signature' } });
    if (submission.membersHash !== membersHash(item.cluster.accounts) || submission.membersHash !== membersHash(item.snapshot.accounts)) {
      throw new ApiError('conflict', 'The members changed after submission: the case was altered; submit it again', { reason: 'case_altered', params: { part: 'members' } });
    }
    if (submission.snapshotHash !== canonicalHash(item.snapshot)) throw new ApiError('conflict', 'The snapshot changed after submission: the case was altered', { reason: 'case_altered', params: { part: 'snapshot' } });
    return submission;
  }

  /** Applies a change to the latest version, for additions that do not depend on what the caller saw; retried when a concurrent change wins. */
  private async changeLatest(caseId: string, actor: string, action: CaseAction | null, build: ChangeBuilder): Promise<Case> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(caseId);
      try {
        return await this.change(caseId, current.version, actor, action, build);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'conflict' && error.reason === 'stale_version') || attempt >= 3) throw error;
      }
    }
  }

  /** Applies a change to the version the caller saw, checking the action against the status table, with its audit event. */
  private async change(
    caseId: string,
    version: number,
    actor: string,
    action: CaseAction | null,
    build: ChangeBuilder,
  ): Promise<Case> {
    const current = await this.get(caseId);
    if (current.version !== version) {
      throw new ApiError('conflict', `This case was changed by ${current.updatedBy} at ${current.updatedAt}; reload it`, { reason: 'stale_version', params: { updatedBy: current.updatedBy, updatedAt: current.updatedAt } });
    }
    const status = action ? nextStatus(current.status, action) : current.status;
    const { patch, audit } = build(current);
    const next: Case = { ...current, ...patch, status, updatedBy: actor, updatedAt: this.iso() };
    const { cases } = await this.options.store.commit({
      cases: [{ doc: next, expectedVersion: version }],
      audit: [{ actor, action: audit.action, caseId, details: audit.details }],
    });
    return cases[0];
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

/** Whether the case's latest review approved a blacklist that has not been revoked. */
export function isBlacklistInEffect(item: Case): boolean {
  const last = item.reviews.at(-1);
  return (item.status === 'approved' || item.status === 'closed') && last?.decision === 'approved' && item.tag?.reasonCode !== 'false_positive';
}

function searchableText(item: Case): string {
  return [item.id, item.title, item.cluster.ringId ?? '', item.description, ...item.cluster.accounts.map((a) => a.userId)].join('\n').toLowerCase();
}

function viewOf(item: Case, viewId: string): CaseView {
  const view = item.views.find((kept) => kept.id === viewId);
  if (!view) throw new ApiError('not_found', `Case ${item.id} has no view ${viewId}`, { reason: 'case_view_missing', params: { viewId } });
  return view;
}

function withUser(users: readonly string[], user: string): string[] {
  return users.some((existing) => sameUser(existing, user)) ? [...users] : [...users, user];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

