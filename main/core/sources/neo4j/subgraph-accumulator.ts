/**
 * The columns a streamed subgraph load fills, row by row, whatever streams the rows (the Neo4j
 * driver in the product, a synthetic page generator in the scale benchmark): typed columns over
 * growable shared buffers and packed string indexes, so millions of accounts and tens of millions
 * of links fit in a few hundred bytes per account, and the ring-detection workers read the columns
 * in place.
 */
import type { QueryRow } from '../../../../graph-queries/catalog';
import type { RingDetectionInput } from '../../analytics/input';
import { GrowableColumn, sharedInt32Array, StringIndex, type PackedStrings } from '../../analytics/shared-columns';
import { detectionIdentifierKinds, type ValidatedMapping } from '../../schema/schema-mapping';
import { identifierNodeKind } from './dto-mapping';
import { epochMillisOf } from './temporal-values';
import type { NodeKind } from '../../../api';

export type SubgraphRow = QueryRow<'subgraph-around-accounts'>;
export type AccountLinkRow = QueryRow<'account-links-around-accounts'>;
export type EventPaymentRow = QueryRow<'event-payments-around-accounts'>;
/** What a direct or event-node link row carries besides its two accounts. */
export type MappedLink = Pick<ValidatedMapping['accountLinks'][number], 'weight' | 'amountProperty'>;

export interface LoadedSubgraph extends RingDetectionInput {
  accountIds: PackedStrings;
  /** Account id → position (the same strings as accountIds). */
  accountIndex: StringIndex;
  merchantIds: PackedStrings;
  identifiers: RingDetectionInput['identifiers'] & {
    /** Neo4j element id of each identifier (its value may be PII and is not loaded). */
    elementId: PackedStrings;
    /** Accounts sharing each identifier in the whole graph, not only among the loaded ones. */
    accountCount: Int32Array;
  };
  /** The node kind (id prefix) of each identifier kind index: the entry's built-in kind or `identifier`. */
  identifierNodeKinds: NodeKind[];
  /** Identifiers above the supernode cutoff, loaded collapsed. */
  collapsedHubs: number;
  /** Relationships read, including links to identifiers no other account uses (counted, not kept). */
  relationships: number;
  /** Links read to identifiers that no other account in the whole graph uses: they can tie no accounts together. */
  unsharedIdentifierLinks: number;
  truncated: boolean;
}

export interface AccumulatorOptions {
  maxRelationships: number;
  supernodeCutoff: number;
  onProgress?: (relationships: number, total: number | null) => void;
}

const PROGRESS_EVERY = 2_000;

const columns = () => ({ from: new GrowableColumn(Int32Array), to: new GrowableColumn(Int32Array), amount: new GrowableColumn(Float64Array), at: new GrowableColumn(Float64Array) });

/** Accumulates the rows of subgraph-around-accounts, then those of the mapped direct and event-node links. */
export class SubgraphAccumulator {
  private readonly kindOfType: Map<string, number>;
  private readonly accounts = new StringIndex();
  private readonly createdAt = new GrowableColumn(Float64Array);
  private readonly blacklisted = new GrowableColumn(Uint8Array);
  private readonly knownGood: GrowableColumn<Uint8Array> | null;
  private readonly identifiers = new StringIndex();
  private readonly identifierKind = new GrowableColumn(Uint8Array);
  private readonly identifierAccounts = new GrowableColumn(Int32Array);
  private readonly merchants = new StringIndex();
  private readonly links = { account: new GrowableColumn(Int32Array), identifier: new GrowableColumn(Int32Array) };
  private readonly transfers = columns();
  private readonly payments = columns();
  private readonly accountLinks = { from: new GrowableColumn(Int32Array), to: new GrowableColumn(Int32Array), weight: new GrowableColumn(Float64Array), flow: new GrowableColumn(Uint8Array) };
  private relationships = 0;
  private unsharedIdentifierLinks = 0;
  truncated = false;

  constructor(
    private readonly mapping: ValidatedMapping,
    private readonly options: AccumulatorOptions,
  ) {
    // An identifier's kind is the position of its mapping entry (see detectionIdentifierKinds).
    this.kindOfType = new Map(mapping.identifiers.map((identifier, entry) => [identifier.relationshipType, entry]));
    this.knownGood = mapping.account.knownGoodProperty ? new GrowableColumn(Uint8Array) : null;
  }

  /** One row of subgraph-around-accounts; false once the relationship budget is spent. */
  addRow(row: SubgraphRow): boolean {
    const from = this.account(row.accountId, row.createdAt, row.blacklisted, row.knownGood);
    if (row.row === 'account' || row.target === null) return true;
    if (row.row === 'link') {
      // Shared by this account alone in the whole graph: read and counted, but it links nobody.
      if (row.sharedBy !== null && row.sharedBy <= 1) this.unsharedIdentifierLinks++;
      else {
        const known = this.identifiers.count;
        const identifier = this.identifiers.of(row.target);
        if (identifier === known) {
          this.identifierKind.push(this.kindOfType.get(row.type ?? '') ?? 0);
          this.identifierAccounts.push(row.sharedBy ?? 0);
        }
        this.links.account.push(from);
        this.links.identifier.push(identifier);
      }
    } else if (row.row === 'transfer') {
      const to = this.account(row.target, row.targetCreatedAt, row.targetBlacklisted, row.targetKnownGood);
      this.pushMoney(this.transfers, from, to, row.amount, row.at);
    } else {
      this.pushMoney(this.payments, from, this.merchants.of(row.target), row.amount, row.at);
    }
    return this.counted();
  }

  /**
   * One row of a mapped direct or event-node link, once every account of the set is known (with its
   * own creation time and marker); a link to an account outside the set is left out. `event`: the
   * row is an event node (a transaction) rather than a relationship.
   */
  addAccountLink(row: AccountLinkRow, link: MappedLink, event: boolean): boolean {
    const from = this.accounts.find(row.accountId);
    const to = row.otherId === null ? -1 : this.accounts.find(row.otherId);
    if (from < 0 || to < 0) return true;
    this.accountLinks.from.push(from);
    this.accountLinks.to.push(to);
    this.accountLinks.weight.push(link.weight);
    // One row per flow or event (a transfer, a transaction node) rather than a standing relationship
    // (a referral, a guarantee): ring clusters count these per pair of accounts (ProjectionOptions.moneyLinks).
    this.accountLinks.flow.push(event || link.amountProperty !== null ? 1 : 0);
    // A link that carries money is also a money flow: cycles, fan-in and mule reasons read it.
    if (link.amountProperty !== null) this.pushMoney(this.transfers, from, to, row.amount, row.at);
    return this.counted();
  }

  /**
   * One row of event-payments-around-accounts: a payment to a merchant through an event node, read
   * like a mapped payment relationship (a merchant is never an account, so it links no two accounts).
   */
  addEventPayment(row: EventPaymentRow): boolean {
    const from = this.accounts.find(row.accountId);
    if (from < 0 || row.merchantId === null) return true;
    this.pushMoney(this.payments, from, this.merchants.of(row.merchantId), row.amount, row.at);
    return this.counted();
  }

  /** The columns as ring detection reads them (shared buffers, no copy but the identifier links' sort). */
  finish(): LoadedSubgraph {
    this.options.onProgress?.(this.relationships, this.relationships);
    const accountCount = this.identifierAccounts.values();
    const money = (c: ReturnType<typeof columns>) => ({ count: c.from.length, from: c.from.values(), to: c.to.values(), amount: c.amount.values(), at: c.at.values() });
    const transfers = money(this.transfers);
    const payments = money(this.payments);
    let collapsedHubs = 0;
    for (const count of accountCount) if (count > this.options.supernodeCutoff) collapsedHubs++;
    return {
      accounts: {
        count: this.accounts.count,
        createdAt: this.createdAt.values(),
        blacklisted: this.blacklisted.values(),
        ...(this.knownGood && { knownGood: this.knownGood.values() }),
      },
      identifiers: { count: this.identifiers.count, kind: this.identifierKind.values(), elementId: this.identifiers.packed(), accountCount },
      identifierKinds: detectionIdentifierKinds(this.mapping),
      identifierNodeKinds: this.mapping.identifiers.map(identifierNodeKind),
      identifierLinks: sortedByAccount(this.links.account.values(), this.links.identifier.values(), this.accounts.count),
      transfers: { count: transfers.count, from: transfers.from, to: transfers.to, amount: transfers.amount, at: transfers.at },
      payments: { count: payments.count, account: payments.from, merchant: payments.to, amount: payments.amount, at: payments.at },
      accountLinks: {
        count: this.accountLinks.from.length,
        from: this.accountLinks.from.values(),
        to: this.accountLinks.to.values(),
        weight: this.accountLinks.weight.values(),
        flow: this.accountLinks.flow.values(),
      },
      accountIds: this.accounts.packed(),
      accountIndex: this.accounts,
      merchantIds: this.merchants.packed(),
      collapsedHubs,
      relationships: this.relationships,
      unsharedIdentifierLinks: this.unsharedIdentifierLinks,
      truncated: this.truncated,
    };
  }

  private account(id: string, created: string | number | null, isBlacklisted: boolean | null, isKnownGood: boolean | null): number {
    const known = this.accounts.count;
    const position = this.accounts.of(id);
    if (position === known) {
      this.createdAt.push(epochMillisOf(created));
      this.blacklisted.push(isBlacklisted ? 1 : 0);
      this.knownGood?.push(isKnownGood ? 1 : 0);
    }
    return position;
  }

  private pushMoney(target: ReturnType<typeof columns>, from: number, to: number, amount: number | null, at: string | number | null): void {
    target.from.push(from);
    target.to.push(to);
    target.amount.push(amount ?? Number.NaN); // unknown: never a cycle hop or a round amount
    target.at.push(epochMillisOf(at));
  }

  private counted(): boolean {
    this.relationships++;
    if (this.relationships % PROGRESS_EVERY === 0) this.options.onProgress?.(this.relationships, null);
    if (this.relationships >= this.options.maxRelationships) this.truncated = true;
    return !this.truncated;
  }
}

/** Account → identifier links as columns sorted by account (a stable counting sort), as RingDetectionInput expects. */
function sortedByAccount(linkAccount: Int32Array, linkIdentifier: Int32Array, accountCount: number): RingDetectionInput['identifierLinks'] {
  const offsets = new Int32Array(accountCount + 1);
  for (const a of linkAccount) offsets[a + 1]++;
  for (let a = 0; a < accountCount; a++) offsets[a + 1] += offsets[a];
  const account = sharedInt32Array(linkAccount.length);
  const identifier = sharedInt32Array(linkAccount.length);
  for (let i = 0; i < linkAccount.length; i++) {
    const slot = offsets[linkAccount[i]]++;
    account[slot] = linkAccount[i];
    identifier[slot] = linkIdentifier[i];
  }
  return { count: account.length, account, identifier };
}
