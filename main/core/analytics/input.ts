import { IDENTIFIER_KINDS } from '../../api';
import type { DemoDataset } from '../demo/dataset';
import { userIdOf } from '../demo/dataset';
import { packedAt, type PackedStrings } from './shared-columns';

/**
 * What ring detection reads: the columnar subset of DemoDataset the algorithms need. A Neo4j
 * subgraph converted to the same shape (account i = position i) runs through the same pipeline,
 * and a DemoDataset can be passed as is. Only typed arrays (plus optional names), so the whole
 * input can be handed to a worker thread without copying objects.
 */
export interface RingDetectionInput {
  /** createdAt (epoch ms) is NaN where unknown (not mapped, unreadable): readers skip it, never treat it as 0. */
  accounts: Pick<DemoDataset['accounts'], 'count' | 'createdAt' | 'blacklisted'> & {
    /** Known-good accounts (verified customers, a white list), when the graph marks them: seeds of two-sided risk. */
    knownGood?: Uint8Array;
  };
  identifiers: Pick<DemoDataset['identifiers'], 'count' | 'kind'>;
  /** What each value of identifiers.kind stands for (a mapped entry of a team's graph); the built-in kinds, in IDENTIFIER_KINDS order, when absent. */
  identifierKinds?: readonly IdentifierKindSpec[];
  identifierLinks: DemoDataset['identifierLinks'];
  transfers: DemoDataset['transfers'];
  payments: DemoDataset['payments'];
  /**
   * Links between two accounts that are not shared identifiers: mapped direct relationships (calls,
   * referrals, guarantees) and event-node links (a payment node between two accounts), each with
   * the weight of its mapped kind. The projection treats each as an identifier the two share.
   */
  accountLinks?: AccountLinkColumns;
  /** Business id of each account (e.g. userId); demo ids (U0000012) when absent. Packed for a streamed graph's millions. */
  accountIds?: NameList;
  /** Business id of each merchant; M00017-style ids when absent. */
  merchantIds?: NameList;
}

/** Names by position: a list, or packed UTF-8 (millions of names in one shared buffer, read by worker threads in place). */
export type NameList = readonly string[] | PackedStrings;

const nameAt = (names: NameList, i: number): string => ('bytes' in names ? packedAt(names, i) : names[i]);

/** An identifier kind as detection sees it: how reasons name it, how strongly sharing one links accounts. */
export interface IdentifierKindSpec {
  /** A built-in kind code (`device`), which readers word in their language, or the investigator's own word ("SSN"). */
  name: string;
  weight: number;
  /** Counts in the shared-identifier reason: one operator behind several accounts (IPs and addresses do not). */
  identity: boolean;
}

export interface AccountLinkColumns {
  count: number;
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  /**
   * 1 where the row is one flow of money or one event between the two accounts (a transfer, a
   * transaction node), of which unrelated accounts have one now and then; 0 (or no column) where it
   * is a standing relationship (a referral, a guarantee). See ProjectionOptions.moneyLinks.
   */
  flow?: Uint8Array;
}

/**
 * The ring-detection view of a DemoDataset: only the columns the algorithms read (not the millions
 * of identifier value strings, which would only slow garbage collection and worker hand-over).
 */
export function ringInputFromDataset(dataset: DemoDataset, { withMerchantIds = true } = {}): RingDetectionInput {
  const { accounts, identifiers, identifierLinks, transfers, payments, merchants } = dataset;
  return {
    accounts: { count: accounts.count, createdAt: accounts.createdAt, blacklisted: accounts.blacklisted },
    identifiers: { count: identifiers.count, kind: identifiers.kind },
    identifierLinks,
    transfers,
    payments,
    merchantIds: withMerchantIds ? merchants.merchantId : undefined,
  };
}

/** How reasons name the identifiers of one kind index: the mapped entry's name, else the built-in kind code. */
export function identifierKindName(input: Pick<RingDetectionInput, 'identifierKinds'>, kind: number): string {
  return input.identifierKinds?.[kind].name ?? IDENTIFIER_KINDS[kind];
}

/** How reasons and results name an account. */
export function accountName(input: Pick<RingDetectionInput, 'accountIds'>, account: number): string {
  return input.accountIds ? nameAt(input.accountIds, account) : userIdOf(account);
}

/** How reasons and results name a merchant. */
export function merchantName(input: Pick<RingDetectionInput, 'merchantIds'>, merchant: number): string {
  return input.merchantIds ? nameAt(input.merchantIds, merchant) : `M${String(merchant).padStart(5, '0')}`;
}

/** Thrown (inside a step) when the caller's AbortSignal fires. */
export class PipelineAbortedError extends Error {
  constructor() {
    super('Ring detection was cancelled');
    this.name = 'AbortError';
  }
}

/** Cooperative cancellation for long synchronous loops: cheap to call, throws once aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PipelineAbortedError();
}
