/**
 * What ring detection runs on, whichever source is active: the columnar input plus the naming that
 * turns account and identifier positions back into the node ids the rest of the Api uses.
 */
import { IDENTIFIER_KINDS, type NodeKind } from '../../api';
import { accountName, merchantName, ringInputFromDataset, type RingDetectionInput } from '../analytics/input';
import type { EmbeddedGraphSource } from '../sources/embedded-source';
import { packedAt, sharedInt32Array } from '../analytics/shared-columns';
import type { LoadedSubgraph } from '../sources/neo4j/subgraph-accumulator';

export interface DetectionGraph {
  input: RingDetectionInput;
  accountNodeId(account: number): string;
  /** The account behind an account node id, or -1 when it is not one of the graph's accounts. */
  accountOfNodeId(nodeId: string): number;
  identifierNodeId(identifier: number): string;
  merchantNodeId(merchant: number): string;
  /** The identifier's node kind (its id prefix): a built-in kind, or `identifier` for a kind of the team's own. */
  identifierKind(identifier: number): NodeKind;
  /** Accounts sharing each identifier in the whole graph (not only in the searched part). */
  identifierAccountCount: Int32Array;
  /** Identifier positions of account a are linkIdentifiers[linkOffsets[a] .. linkOffsets[a + 1]), distinct. */
  linkOffsets: Int32Array;
  linkIdentifiers: Int32Array;
  /** True when only part of the graph could be loaded. */
  truncated: boolean;
}

/** The whole embedded demo graph, named as the embedded source names its nodes. */
export function embeddedDetectionGraph(source: EmbeddedGraphSource): DetectionGraph {
  const input = ringInputFromDataset(source.dataset);
  const links = accountLinks(input);
  const identifierAccountCount = new Int32Array(input.identifiers.count);
  for (const identifier of links.linkIdentifiers) identifierAccountCount[identifier]++;
  return {
    input,
    ...links,
    identifierAccountCount,
    accountNodeId: (account) => source.accountNodeId(account),
    accountOfNodeId: (nodeId) => source.accountIndexOfNodeId(nodeId),
    identifierNodeId: (identifier) => source.identifierNodeId(identifier),
    merchantNodeId: (merchant) => `merchant:${merchantName(input, merchant)}`,
    identifierKind: (identifier) => IDENTIFIER_KINDS[input.identifiers.kind[identifier]],
    truncated: false,
  };
}

/**
 * A subgraph loaded from Neo4j, named as the Neo4j source names its nodes. Links to identifiers
 * above the cutoff in the whole graph are dropped first: in a window, an office IP may have only a
 * few of its hundreds of accounts, and must not link them as if it were a household's.
 */
export function loadedDetectionGraph(loaded: LoadedSubgraph, supernodeCutoff: number): DetectionGraph {
  const { accountCount } = loaded.identifiers;
  const links = loaded.identifierLinks;
  let kept = 0;
  for (let link = 0; link < links.count; link++) if (accountCount[links.identifier[link]] <= supernodeCutoff) kept++;
  const account = sharedInt32Array(kept);
  const identifier = sharedInt32Array(kept);
  let written = 0;
  for (let link = 0; link < links.count; link++) {
    if (accountCount[links.identifier[link]] > supernodeCutoff) continue;
    account[written] = links.account[link];
    identifier[written++] = links.identifier[link];
  }
  const { accountIndex, identifierNodeKinds, ...columns } = loaded;
  const input: RingDetectionInput = { ...columns, identifierLinks: { count: kept, account, identifier } };
  const { kind: kinds, elementId } = loaded.identifiers;
  // The closures keep what naming needs, not the loaded links with hubs (the input has its own).
  return {
    input,
    // Hubs keep their links here: the excluded-hub list and cluster pictures read the full account counts.
    ...accountLinks(loaded),
    identifierAccountCount: accountCount,
    accountNodeId: (position) => `account:${accountName(input, position)}`,
    accountOfNodeId: (nodeId) => (nodeId.startsWith(ACCOUNT_PREFIX) ? accountIndex.find(nodeId.slice(ACCOUNT_PREFIX.length)) : -1),
    identifierNodeId: (position) => `${identifierNodeKinds[kinds[position]]}:${packedAt(elementId, position)}`,
    merchantNodeId: (merchant) => `merchant:${merchantName(input, merchant)}`,
    identifierKind: (position) => identifierNodeKinds[kinds[position]],
    truncated: loaded.truncated,
  };
}

const ACCOUNT_PREFIX = 'account:';

/** Account → distinct identifiers, as CSR (the input's links are sorted by account), in order of first link. */
function accountLinks(input: Pick<RingDetectionInput, 'accounts' | 'identifiers' | 'identifierLinks'>): Pick<DetectionGraph, 'linkOffsets' | 'linkIdentifiers'> {
  const { account, identifier, count } = input.identifierLinks;
  const linkOffsets = new Int32Array(input.accounts.count + 1);
  const linkIdentifiers = new Int32Array(count);
  // The last account that listed each identifier: a repeated link of the same account is skipped.
  const listedBy = new Int32Array(input.identifiers.count).fill(-1);
  let written = 0;
  let link = 0;
  for (let a = 0; a < input.accounts.count; a++) {
    for (; link < count && account[link] === a; link++) {
      if (listedBy[identifier[link]] === a) continue;
      listedBy[identifier[link]] = a;
      linkIdentifiers[written++] = identifier[link];
    }
    linkOffsets[a + 1] = written;
  }
  return { linkOffsets, linkIdentifiers: linkIdentifiers.slice(0, written) };
}
