/**
 * Streams a part of a team's graph into the columnar shape ring detection reads (RingDetectionInput),
 * record by record with progress and cancellation, so the same pipeline runs on Neo4j as on the demo.
 *
 * Supernode protection: an identifier shared by more accounts than `supernodeCutoff` (an office IP, a
 * shared address) is loaded collapsed: its links to the loaded accounts are kept and its full account
 * count is recorded, but the load never walks through it to pull in its other accounts.
 */
import { ApiError } from '../../../api';
import { packedCount, StringIndex, unpacked, type PackedStrings } from '../../analytics/shared-columns';
import { accountLinkPlaceholders, eventLinkPlaceholders, mappingPlaceholders, type ValidatedMapping } from '../../schema/schema-mapping';
import type { Neo4jClient } from './neo4j-client';
import { SubgraphAccumulator, type LoadedSubgraph } from './subgraph-accumulator';

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

/** What the load reads rows through: the Neo4j client, or a synthetic page generator in the scale benchmark. */
export type SubgraphRowSource = Pick<Neo4jClient, 'stream' | 'read'>;

export const DEFAULT_SUPERNODE_CUTOFF = 50;
/** Accounts per streamed statement: big enough to amortise a round trip, small enough to stop promptly. */
const ACCOUNT_BATCH = 1_000;

/** Reads the account set of a request, then streams its relationships into columns. */
export async function loadSubgraph(
  client: SubgraphRowSource,
  mapping: ValidatedMapping,
  request: SubgraphRequest,
  options: SubgraphLoadOptions,
): Promise<LoadedSubgraph> {
  const names = mappingPlaceholders(mapping);
  const cutoff = options.supernodeCutoff ?? DEFAULT_SUPERNODE_CUTOFF;
  const signal = options.signal;
  const accountSet = await resolveAccountSet(client, names, request, cutoff, options.maxRelationships, signal);
  const batch = (start: number) => unpacked(accountSet, start, Math.min(packedCount(accountSet), start + ACCOUNT_BATCH));
  const accumulator = new SubgraphAccumulator(mapping, { maxRelationships: options.maxRelationships, supernodeCutoff: cutoff, onProgress: options.onProgress });

  for (let start = 0; start < packedCount(accountSet) && !accumulator.truncated; start += ACCOUNT_BATCH) {
    await client.stream('subgraph-around-accounts', { accountIds: batch(start) }, (row) => accumulator.addRow(row), { names, signal, timeoutMs: 300_000 });
  }
  // Mapped direct and event-node links, once every account of the set is known.
  const linkQueries = [
    ...mapping.accountLinks.map((link, i) => ({ query: 'account-links-around-accounts' as const, names: accountLinkPlaceholders(mapping, i), link, event: false })),
    ...mapping.eventLinks.flatMap((link, i) => (link.farEnd.kind === 'account' ? [{ query: 'event-links-around-accounts' as const, names: eventLinkPlaceholders(mapping, i), link, event: true }] : [])),
  ];
  for (const { query, names: linkNames, link, event } of linkQueries) {
    for (let start = 0; start < packedCount(accountSet) && !accumulator.truncated; start += ACCOUNT_BATCH) {
      await client.stream(query, { accountIds: batch(start) }, (row) => accumulator.addAccountLink(row, link, event), { names: linkNames, signal, timeoutMs: 300_000 });
    }
  }
  // Event links to merchants are payments, read like mapped payment relationships (the cash-out
  // reason reads them); a merchant is never an account, so they never link two accounts.
  for (const [i, link] of mapping.eventLinks.entries()) {
    if (link.farEnd.kind !== 'merchant') continue;
    for (let start = 0; start < packedCount(accountSet) && !accumulator.truncated; start += ACCOUNT_BATCH) {
      await client.stream('event-payments-around-accounts', { accountIds: batch(start) }, (row) => accumulator.addEventPayment(row), { names: eventLinkPlaceholders(mapping, i), signal, timeoutMs: 300_000 });
    }
  }
  if (signal?.aborted) throw new ApiError('cancelled', 'Loading the subgraph was cancelled', { reason: 'cancelled' });
  return accumulator.finish();
}

/** The accounts to load: a window in id order, or the seeds plus `hops` rounds of their non-hub neighbours. */
async function resolveAccountSet(
  client: SubgraphRowSource,
  names: ReturnType<typeof mappingPlaceholders>,
  request: SubgraphRequest,
  cutoff: number,
  maxAccounts: number,
  signal: AbortSignal | undefined,
): Promise<PackedStrings> {
  const ids = new StringIndex();
  if ('wholeGraph' in request) {
    // Millions of ids: packed as they arrive, not held as millions of strings.
    await client.stream('all-account-ids', {}, (row) => void ids.of(row.accountId), { names, signal, timeoutMs: 600_000 });
    if (signal?.aborted) throw new ApiError('cancelled', 'Loading the graph was cancelled', { reason: 'cancelled' });
    return ids.packed();
  }
  if ('window' in request) {
    const rows = await client.read('accounts-window', request.window, { names, signal });
    for (const row of rows) ids.of(row.accountId);
    return ids.packed();
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
  for (const id of found) ids.of(id);
  return ids.packed();
}
