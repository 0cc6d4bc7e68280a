import type { ApiParsedInput, AuditEvent, AuditVerification } from '../../api';
import type { InvestigationStore } from '../store/investigation-store';
import { verifyAuditChain, type AuditDraft } from './audit-chain';

type AuditFilter = ApiParsedInput<'audit', 'list'>;

/**
 * The audit trail's front door for the rest of the core: records sensitive acts that are not a
 * case change (evidence export, revealing unmasked PII), lists and verifies the hash chain.
 */
export class AuditLog {
  constructor(private readonly store: InvestigationStore) {}

  /** Appends one event, e.g. { actor, action: 'pii.revealed', caseId, details: { nodeId, field } }. */
  async record(draft: AuditDraft): Promise<AuditEvent> {
    const { audit } = await this.store.commit({ audit: [draft] });
    return audit[0];
  }

  /** Matching events, newest first, one page at a time. */
  async list(filter: AuditFilter): Promise<{ events: AuditEvent[]; total: number }> {
    const matching = (await this.store.listAudit())
      .filter((event) => !filter.caseId || event.caseId === filter.caseId)
      .filter((event) => !filter.actor || event.actor.toLowerCase() === filter.actor.toLowerCase())
      .filter((event) => !filter.action || (filter.action.endsWith('.') ? event.action.startsWith(filter.action) : event.action === filter.action))
      .filter((event) => (!filter.since || Date.parse(event.at) >= Date.parse(filter.since)) && (!filter.until || Date.parse(event.at) <= Date.parse(filter.until)))
      .reverse();
    return { events: matching.slice(filter.offset, filter.offset + filter.limit), total: matching.length };
  }

  /** Checks the chain, and that it still holds every audit head the scoring service acknowledged. */
  async verify(): Promise<AuditVerification> {
    const [events, deliveries] = await Promise.all([this.store.listAudit(), this.store.listOutbox()]);
    const anchors = deliveries.flatMap((entry) => (entry.acknowledgedHead ? [entry.acknowledgedHead] : []));
    return verifyAuditChain(events, anchors);
  }
}
