import type { AccountRef, PropertyValue } from '../../api';
import type { GraphWriteBack, WriteBackTarget } from './graph-write-back';
import { DEFAULT_WRITE_BACK_TARGET } from './graph-write-back';

/**
 * Write-back for the embedded demo graph, which is regenerated at every start and so cannot
 * store marks itself: an in-memory overlay of blacklisted user ids that the embedded source
 * consults when it builds a node DTO. Start-up rebuilds it from the approved cases in the store.
 */
export class BlacklistOverlay implements GraphWriteBack {
  /** userId → ids of the approved cases that blacklisted it, oldest first. */
  private readonly casesByUser = new Map<string, string[]>();

  constructor(private readonly target: WriteBackTarget = DEFAULT_WRITE_BACK_TARGET) {}

  async markBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void> {
    for (const { userId } of accounts) {
      const caseIds = this.casesByUser.get(userId) ?? [];
      if (!caseIds.includes(caseId)) this.casesByUser.set(userId, [...caseIds, caseId]);
    }
  }

  async clearBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void> {
    for (const { userId } of accounts) {
      const remaining = (this.casesByUser.get(userId) ?? []).filter((id) => id !== caseId);
      if (remaining.length) this.casesByUser.set(userId, remaining);
      else this.casesByUser.delete(userId);
    }
  }

  /**
   * Replaces every mark with those of the cases now in effect: another RingScope sharing the store
   * (a team lead's, on the same data directory) may have approved or revoked cases meanwhile.
   */
  resetTo(casesInEffect: readonly { caseId: string; accounts: readonly AccountRef[] }[]): void {
    this.casesByUser.clear();
    for (const { caseId, accounts } of casesInEffect) void this.markBlacklisted(accounts, caseId);
  }

  /** Whether an approved case blacklisted this account. */
  isBlacklisted(userId: string): boolean {
    return this.casesByUser.has(userId);
  }

  /** Properties and labels the account shows, as the configured target would write them in Neo4j. */
  annotationFor(userId: string): { properties: Record<string, PropertyValue>; labels: string[] } {
    const caseIds = this.casesByUser.get(userId);
    if (!caseIds) return { properties: {}, labels: [] };
    if (this.target.mode === 'label') return { properties: {}, labels: [this.target.label] };
    return { properties: { [this.target.property]: true, [this.target.caseIdProperty]: caseIds[0] }, labels: [] };
  }
}
