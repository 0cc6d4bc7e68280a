/**
 * Write-back for a team's Neo4j: an approved blacklist marks its accounts in the graph itself,
 * so the team's other tools (and the Neo4j source's node DTOs) see it.
 *
 * Property mode sets `<property> = true`, `<caseIdProperty>` and `<property>At`, and keeps the
 * value from before in `<property>Before` (defaults: blacklisted, blacklistCaseId, blacklistedAt,
 * blacklistedBefore). Label mode adds the label. In both, `ringscopeBlacklistCaseIds` lists the
 * approved cases marking the account, so revoking one case clears the mark only when no other
 * case holds it, and then restores what was there before (see graph-queries/write-back-*.cypher).
 */
import { ApiError, type AccountRef } from '../../api';
import { quoteName, type QuotedName } from '../../../graph-queries/catalog';
import { mappingPlaceholders, type ValidatedMapping } from '../schema/schema-mapping';
import type { Neo4jClient } from '../sources/neo4j/neo4j-client';
import type { GraphWriteBack, WriteBackTarget } from './graph-write-back';

/** Labels and property keys RingScope writes must be plain names, even though they are backtick-quoted too. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface Neo4jWriteBackOptions {
  client: Neo4jClient;
  /** The connection's validated schema mapping: which label and property identify an account. */
  mapping: ValidatedMapping;
  target: WriteBackTarget;
}

/** The names the write-back statements need for a target, checked and quoted. */
export function writeBackPlaceholders(target: WriteBackTarget): Record<string, QuotedName> {
  const safe = (name: string, what: string) => {
    if (!SAFE_NAME.test(name)) throw new ApiError('invalid_input', `The write-back ${what} "${name}" must be letters, digits and underscores, not starting with a digit`, { reason: 'write_back_name_invalid', params: { name } });
    return quoteName(name);
  };
  if (target.mode === 'label') return { blacklistLabel: safe(target.label, 'label') };
  return {
    blacklistedProperty: safe(target.property, 'property'),
    blacklistCaseIdProperty: safe(target.caseIdProperty, 'case id property'),
    blacklistedAtProperty: safe(`${target.property}At`, 'property'),
    blacklistedBeforeProperty: safe(`${target.property}Before`, 'property'),
  };
}

export class Neo4jWriteBack implements GraphWriteBack {
  private readonly names: Record<string, QuotedName>;

  constructor(private readonly options: Neo4jWriteBackOptions) {
    this.names = { ...mappingPlaceholders(options.mapping), ...writeBackPlaceholders(options.target) };
  }

  async markBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void> {
    const statement = this.options.target.mode === 'label' ? 'write-back-mark-label' : 'write-back-mark-property';
    await this.options.client.write(statement, { accountIds: accountIds(accounts), caseId }, { names: this.names });
  }

  async clearBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void> {
    const statement = this.options.target.mode === 'label' ? 'write-back-clear-label' : 'write-back-clear-property';
    await this.options.client.write(statement, { accountIds: accountIds(accounts), caseId }, { names: this.names });
  }
}

const accountIds = (accounts: readonly AccountRef[]) => [...new Set(accounts.map((account) => account.userId))];
