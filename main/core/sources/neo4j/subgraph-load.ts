/**
 * Streams a part of a team's graph into the columnar shape ring detection reads (RingDetectionInput),
 * record by record with progress and cancellation, so the same pipeline runs on Neo4j as on the demo.
 *
 * Supernode protection: an identifier shared by more accounts than `supernodeCutoff` (an office IP, a
 * shared address) is loaded collapsed: its links to the loaded accounts are kept and its full account
 * count is recorded, but the load never walks through it to pull in its other accounts.
 */
import { ApiError, type NodeKind } from '../../../api';
import type { RingDetectionInput } from '../../analytics/input';
import { accountLinkPlaceholders, detectionIdentifierKinds, eventLinkPlaceholders, mappingPlaceholders, type ValidatedMapping } from '../../schema/schema-mapping';
import { identifierNodeKind } from './dto-mapping';
import type { Neo4jClient } from './neo4j-client';
import { epochMillisOf } from './temporal-values';

/** Seed accounts and hops around them, a slice of all accounts in id order, or every account. */
export type SubgraphRequest = { accountIds: readonly string[]; hops: number } | { window: { offset: number; limit: number } } | { wholeGraph: true };

export interface SubgraphLoadOptions {
  /** Stop after this many relationships (the result is then marked truncated). */
  maxRelationships: number;
  /** Identifiers shared by more accounts than this are loaded collapsed (default 50). */
  supernodeCutoff?: number;
  signal?: AbortSignal;
  /** Relationships read so far; total unknown while streaming (null). */
  onProgress?: (relationships: number, total: number | null) => void;
}

export interface LoadedSubgraph extends RingDetectionInput {
  accountIds: string[];
  merchantIds: string[];
  identifiers: RingDetectionInput['identifiers'] & {
    /** Neo4j element id of each identifier (its value may be PII and is not loaded). */
    elementId: string[];
    /** Accounts sharing each identifier in the whole graph, not only among the loaded ones. */
    accountCount: Int32Array;
  };
  /** The node kind (id prefix) of each identifier kind index: the entry's built-in kind or `identifier`. */
  identifierNodeKinds: NodeKind[];
  /** Identifiers above the supernode cutoff, loaded collapsed. */
  collapsedHubs: number;
  relationships: number;
  truncated: boolean;
}

export const DEFAULT_SUPERNODE_CUTOFF = 50;
/** Accounts per streamed statement: big enough to amortise a round trip, small enough to stop promptly. */
const ACCOUNT_BATCH = 1_000;
const PROGRESS_EVERY = 2_000;


/** Position lookup that hands out 0, 1, 2 … to keys in first-seen order. */
class Positions {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  /** The key's position, or -1 when it was never handed out. */
  find(key: string): number {
    return this.index.get(key) ?? -1;
  }
  of(key: string): { position: number; isNew: boolean } {
    const known = this.index.get(key);
    if (known !== undefined) return { position: known, isNew: false };
    this.index.set(key, this.keys.length);
    this.keys.push(key);
    return { position: this.keys.length - 1, isNew: true };
  }
}

/** Reads the account set of a request, then streams its relationships into columns. */
export async function loadSubgraph(
  client: Neo4jClient,
  mapping: ValidatedMapping,
  request: SubgraphRequest,
  options: SubgraphLoadOptions,
): Promise<LoadedSubgraph> {
  const names = mappingPlaceholders(mapping);
  const cutoff = options.supernodeCutoff ?? DEFAULT_SUPERNODE_CUTOFF;
  const signal = options.signal;
  const accountSet = await resolveAccountSet(client, names, request, cutoff, options.maxRelationships, signal);

  // An identifier's kind is the position of its mapping entry (see detectionIdentifierKinds).
  const kindOfType = new Map<string, number>(mapping.identifiers.map((identifier, entry) => [identifier.relationshipType, entry]));
  const accounts = new Positions();
  const createdAt: number[] = [];
  const blacklisted: number[] = [];
  const knownGood: number[] = [];
  const identifiers = new Positions();
  const identifierKind: number[] = [];
  const identifierAccounts: number[] = [];
  const merchants = new Positions();
  const links = { account: [] as number[], identifier: [] as number[] };
  const transfers = { from: [] as number[], to: [] as number[], amount: [] as number[], at: [] as number[] };
  const payments = { account: [] as number[], merchant: [] as number[], amount: [] as number[], at: [] as number[] };
  let relationships = 0;
  let truncated = false;

  const account = (id: string, created: string | number | null, isBlacklisted: boolean | null, isKnownGood: boolean | null): number => {
    const { position, isNew } = accounts.of(id);
    if (isNew) {
      createdAt.push(epochMillisOf(created));
      blacklisted.push(isBlacklisted ? 1 : 0);
      knownGood.push(isKnownGood ? 1 : 0);
    }
    return position;
  };

  /** Counts one loaded relationship, reports progress, and says whether to keep streaming (false: truncated). */
  const counted = (): boolean => {
    relationships++;
    if (relationships % PROGRESS_EVERY === 0) options.onProgress?.(relationships, null);
    if (relationships >= options.maxRelationships) truncated = true;
    return !truncated;
  };

  for (let start = 0; start < accountSet.length && !truncated; start += ACCOUNT_BATCH) {
    await client.stream(
      'subgraph-around-accounts',
      { accountIds: accountSet.slice(start, start + ACCOUNT_BATCH) },
      (row) => {
        const from = account(row.accountId, row.createdAt, row.blacklisted, row.knownGood);
        if (row.row === 'account' || row.target === null) return true;
        if (row.row === 'link') {
          const { position, isNew } = identifiers.of(row.target);
          if (isNew) {
            identifierKind.push(kindOfType.get(row.type ?? '') ?? 0);
            identifierAccounts.push(row.sharedBy ?? 0);
          }
          links.account.push(from);
          links.identifier.push(position);
        } else if (row.row === 'transfer') {
          transfers.from.push(from);
          transfers.to.push(account(row.target, row.targetCreatedAt, row.targetBlacklisted, row.targetKnownGood));
          transfers.amount.push(row.amount ?? Number.NaN); // unknown: never a cycle hop or a round amount
          transfers.at.push(epochMillisOf(row.at));
        } else {
          payments.account.push(from);
          payments.merchant.push(merchants.of(row.target).position);
          payments.amount.push(row.amount ?? Number.NaN);
          payments.at.push(epochMillisOf(row.at));
        }
        return counted();
      },
      { names, signal, timeoutMs: 300_000 },
    );
  }
  // Mapped direct and event-node links, once every account of the set is known (with its own
  // creation time and marker); a link to an account outside the set is left out.
  const accountLinks = { from: [] as number[], to: [] as number[], weight: [] as number[], flow: [] as number[] };
  const linkQueries = [
    ...mapping.accountLinks.map((link, i) => ({ query: 'account-links-around-accounts' as const, names: accountLinkPlaceholders(mapping, i), link, event: false })),
    ...mapping.eventLinks.flatMap((link, i) => (link.farEnd.kind === 'account' ? [{ query: 'event-links-around-accounts' as const, names: eventLinkPlaceholders(mapping, i), link, event: true }] : [])),
  ];
  for (const { query, names: linkNames, link, event } of linkQueries) {
    // One row per flow or event (a transfer, a transaction node) rather than a standing relationship
    // (a referral, a guarantee): ring clusters count these per pair of accounts (ProjectionOptions.moneyLinks).
    const flow = event || link.amountProperty !== null ? 1 : 0;
    for (let start = 0; start < accountSet.length && !truncated; start += ACCOUNT_BATCH) {
      await client.stream(
        query,
        { accountIds: accountSet.slice(start, start + ACCOUNT_BATCH) },
        (row) => {
          const from = accounts.find(row.accountId);
          const to = row.otherId === null ? -1 : accounts.find(row.otherId);
          if (from < 0 || to < 0) return true;
          accountLinks.from.push(from);
          accountLinks.to.push(to);
          accountLinks.weight.push(link.weight);
          accountLinks.flow.push(flow);
          // A link that carries money is also a money flow: cycles, fan-in and mule reasons read it.
          if (link.amountProperty !== null) {
            transfers.from.push(from);
            transfers.to.push(to);
            transfers.amount.push(row.amount ?? Number.NaN);
            transfers.at.push(epochMillisOf(row.at));
          }
          return counted();
        },
        { names: linkNames, signal, timeoutMs: 300_000 },
      );
    }
  }
  // Event links to merchants are payments, read like mapped payment relationships (the cash-out
  // reason reads them); a merchant is never an account, so they never link two accounts.
  for (const [i, link] of mapping.eventLinks.entries()) {
    if (link.farEnd.kind !== 'merchant') continue;
    for (let start = 0; start < accountSet.length && !truncated; start += ACCOUNT_BATCH) {
      await client.stream(
        'event-payments-around-accounts',
        { accountIds: accountSet.slice(start, start + ACCOUNT_BATCH) },
        (row) => {
          const from = accounts.find(row.accountId);
          if (from < 0 || row.merchantId === null) return true;
          payments.account.push(from);
          payments.merchant.push(merchants.of(row.merchantId).position);
          payments.amount.push(row.amount ?? Number.NaN);
          payments.at.push(epochMillisOf(row.at));
          return counted();
        },
        { names: eventLinkPlaceholders(mapping, i), signal, timeoutMs: 300_000 },
      );
    }
  }
  if (signal?.aborted) throw new ApiError('cancelled', 'Loading the subgraph was cancelled', { reason: 'cancelled' });
  options.onProgress?.(relationships, relationships);

  const accountCount = Int32Array.from(identifierAccounts);
  return {
    accounts: {
      count: accounts.keys.length,
      createdAt: Float64Array.from(createdAt),
      blacklisted: Uint8Array.from(blacklisted),
      ...(mapping.account.knownGoodProperty && { knownGood: Uint8Array.from(knownGood) }),
    },
    identifiers: { count: identifiers.keys.length, kind: Uint8Array.from(identifierKind), elementId: identifiers.keys, accountCount },
    identifierKinds: detectionIdentifierKinds(mapping),
    identifierNodeKinds: mapping.identifiers.map(identifierNodeKind),
    identifierLinks: sortedByAccount(links, accounts.keys.length),
    transfers: {
      count: transfers.from.length,
      from: Int32Array.from(transfers.from),
      to: Int32Array.from(transfers.to),
      amount: Float64Array.from(transfers.amount),
      at: Float64Array.from(transfers.at),
    },
    payments: {
      count: payments.account.length,
      account: Int32Array.from(payments.account),
      merchant: Int32Array.from(payments.merchant),
      amount: Float64Array.from(payments.amount),
      at: Float64Array.from(payments.at),
    },
    accountLinks: {
      count: accountLinks.from.length,
      from: Int32Array.from(accountLinks.from),
      to: Int32Array.from(accountLinks.to),
      weight: Float64Array.from(accountLinks.weight),
      flow: Uint8Array.from(accountLinks.flow),
    },
    accountIds: accounts.keys,
    merchantIds: merchants.keys,
    collapsedHubs: accountCount.filter((count) => count > cutoff).length,
    relationships,
    truncated,
  };
}

/** The accounts to load: a window in id order, or the seeds plus `hops` rounds of their non-hub neighbours. */
async function resolveAccountSet(
  client: Neo4jClient,
  names: ReturnType<typeof mappingPlaceholders>,
  request: SubgraphRequest,
  cutoff: number,
  maxAccounts: number,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  if ('wholeGraph' in request) {
    const ids: string[] = [];
    await client.stream('all-account-ids', {}, (row) => void ids.push(row.accountId), { names, signal, timeoutMs: 600_000 });
    if (signal?.aborted) throw new ApiError('cancelled', 'Loading the graph was cancelled', { reason: 'cancelled' });
    return ids;
  }
  if ('window' in request) {
    const rows = await client.read('accounts-window', request.window, { names, signal });
    return rows.map((row) => row.accountId);
  }
  const found = new Set(request.accountIds);
  let frontier = [...found];
  for (let hop = 0; hop < request.hops && frontier.length && found.size < maxAccounts; hop++) {
    const next: string[] = [];
    for (let start = 0; start < frontier.length; start += ACCOUNT_BATCH) {
      const rows = await client.read('accounts-linked-to-accounts', { accountIds: frontier.slice(start, start + ACCOUNT_BATCH), supernodeCutoff: cutoff }, { names, signal });
      for (const { accountId } of rows) {
        if (!found.has(accountId)) {
          found.add(accountId);
          next.push(accountId);
        }
      }
    }
    frontier = next;
  }
  return [...found];
}

/** Account → identifier links as columns sorted by account (a stable counting sort), as RingDetectionInput expects. */
function sortedByAccount(links: { account: number[]; identifier: number[] }, accountCount: number): RingDetectionInput['identifierLinks'] {
  const offsets = new Int32Array(accountCount + 1);
  for (const a of links.account) offsets[a + 1]++;
  for (let a = 0; a < accountCount; a++) offsets[a + 1] += offsets[a];
  const account = new Int32Array(links.account.length);
  const identifier = new Int32Array(links.account.length);
  for (let i = 0; i < links.account.length; i++) {
    const slot = offsets[links.account[i]]++;
    account[slot] = links.account[i];
    identifier[slot] = links.identifier[i];
  }
  return { count: account.length, account, identifier };
}
