import type { AccountRef } from '../../api';

/** How an approved blacklist shows in the graph: a property pair on the account, or a label. */
export type WriteBackTarget =
  | { mode: 'property'; property: string; caseIdProperty: string }
  | { mode: 'label'; label: string };

export const DEFAULT_WRITE_BACK_TARGET: WriteBackTarget = { mode: 'property', property: 'blacklisted', caseIdProperty: 'blacklistCaseId' };

/**
 * Marks approved blacklists on the accounts in the graph the investigators look at: implemented
 * by the embedded demo graph (BlacklistOverlay) and by the Neo4j source. Both calls are idempotent,
 * because start-up re-applies every approved case to recover from a write-back that failed.
 */
export interface GraphWriteBack {
  markBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void>;
  /** Removes this case's mark; an account another approved case blacklisted stays marked. */
  clearBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void>;
}
