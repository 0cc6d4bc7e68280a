import {
  ApiError,
  type ApiParsedInput,
  type Case,
  type ReviewDecision,
  type ScoringDecision,
} from '../../api';
import type { AuditDraft } from '../audit/audit-chain';
import { newOutboxEntry } from '../scoring/scoring-outbox';
import type { InvestigationStore } from '../store/investigation-store';
import { nextStatus, type CaseAction } from './case-status';
import type { GraphWriteBack } from './graph-write-back';

export interface CaseServiceOptions {
  store: InvestigationStore;
  writeBack: GraphWriteBack;
  /** Who may approve, reject and revoke (configuration: RINGSCOPE_TEAM_LEADS). */
  teamLeads: readonly string[];
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
    if (!found) throw new ApiError('not_found', `No case ${caseId}`);
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
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(caseId);
      try {
        return await this.change(caseId, current.version, actor, null, (item) => ({
          patch: { notes: [...item.notes, { author: actor, at: this.iso(), text }] },
          audit: { action: 'case.note_added', details: { text } },
        }));
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'conflict') || attempt >= 3) throw error;
      }
    }
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

  async submit(caseId: string, version: number, actor: string): Promise<Case> {
    return this.change(caseId, version, actor, 'submit', (item) => {
      if (!item.tag) throw new ApiError('conflict', 'Tag the cluster with a reason code before submitting it for review');
      if (!item.cluster.accounts.length) throw new ApiError('conflict', 'Add at least one account before submitting the case for review');
      return {
        patch: { submittedBy: actor, submittedAt: this.iso() },
        audit: { action: 'case.submitted', details: { accounts: item.cluster.accounts.length, reasonCode: item.tag.reasonCode } },
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
    this.assertMayReview(current, actor);
    const decision = current.tag?.reasonCode === 'false_positive' ? 'clear' : 'blacklist';
    const approved = await this.decide(current, actor, 'approve', { decision: 'approved', comment }, decision);
    if (decision === 'blacklist') await this.applyWriteBack(approved, 'mark', actor);
    return approved;
  }

  async reject(caseId: string, comment: string, actor: string): Promise<Case> {
    const current = await this.get(caseId);
    this.assertMayReview(current, actor);
    return this.decide(current, actor, 'reject', { decision: 'rejected', comment }, null);
  }

  /** Reverses an approval: the case opens again and a blacklist is cleared in the graph and at the scoring service. */
  async revoke(caseId: string, comment: string, actor: string): Promise<Case> {
    const current = await this.get(caseId);
    this.assertTeamLead(actor);
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
    const decision: ScoringDecision | null = push && current.tag
      ? {
          decisionId: this.newId(),
          caseId: current.id,
          decision: push,
          accounts: current.cluster.accounts.map((a) => a.userId),
          ringKind: current.cluster.ringKind,
          reasonCode: current.tag.reasonCode,
          confidence: current.tag.confidence,
          approvedBy: actor,
          approvedAt: at,
        }
      : null;
    const next: Case = {
      ...current,
      status,
      reviews: [...current.reviews, { ...review, by: actor, at, decisionId: decision?.decisionId ?? null }],
      updatedBy: actor,
      updatedAt: at,
    };
    const audit: AuditDraft[] = [{ actor, action: `case.${review.decision}`, caseId: current.id, details: { comment: review.comment } }];
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
      throw new ApiError('unavailable', `The decision was recorded and queued for scoring, but the accounts could not be ${kind === 'mark' ? 'marked' : 'unmarked'} in the graph (${reason}); RingScope retries at its next start`);
    }
  }

  /** Whether configuration names this user a team lead (who may review cases). */
  isTeamLead(user: string): boolean {
    return this.options.teamLeads.some((lead) => sameUser(lead, user));
  }

  private assertTeamLead(actor: string): void {
    if (!this.isTeamLead(actor)) {
      throw new ApiError('forbidden', `Only a team lead can review cases, and ${actor} is not one`);
    }
  }

  /** The four-eyes rule, enforced here whatever the UI shows. */
  private assertMayReview(item: Case, actor: string): void {
    this.assertTeamLead(actor);
    if (item.taggedBy.some((user) => sameUser(user, actor))) {
      throw new ApiError('forbidden', 'Four-eyes rule: you tagged this cluster, another team lead must review it');
    }
    if (item.submittedBy && sameUser(item.submittedBy, actor)) {
      throw new ApiError('forbidden', 'Four-eyes rule: you submitted this cluster, another team lead must review it');
    }
  }

  /** Applies a change to the version the caller saw, checking the action against the status table, with its audit event. */
  private async change(
    caseId: string,
    version: number,
    actor: string,
    action: CaseAction | null,
    build: (current: Case) => { patch: Partial<Case>; audit: { action: string; details: Record<string, unknown> } },
  ): Promise<Case> {
    const current = await this.get(caseId);
    if (current.version !== version) {
      throw new ApiError('conflict', `This case was changed by ${current.updatedBy} at ${current.updatedAt}; reload it`);
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

function withUser(users: readonly string[], user: string): string[] {
  return users.some((existing) => sameUser(existing, user)) ? [...users] : [...users, user];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

