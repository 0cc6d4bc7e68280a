/**
 * What ring detection runs on, whichever source is active: the columnar input plus the naming that
 * turns account and identifier positions back into the node ids the rest of the Api uses.
 */
import { IDENTIFIER_KINDS, type NodeKind } from '../../api';
import { accountName, merchantName, ringInputFromDataset, type RingDetectionInput } from '../analytics/input';
import type { EmbeddedGraphSource } from '../sources/embedded-source';
import type { LoadedSubgraph } from '../sources/neo4j/subgraph-load';

export interface DetectionGraph {
  input: RingDetectionInput;
  accountNodeId(account: number): string;
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
  const keep = loaded.identifierLinks.identifier.map((identifier) => (loaded.identifiers.accountCount[identifier] > supernodeCutoff ? 0 : 1));
  const kept = keep.reduce((sum, flag) => sum + flag, 0);
  const account = new Int32Array(kept);
  const identifier = new Int32Array(kept);
  let written = 0;
  keep.forEach((flag, link) => {
    if (!flag) return;
    account[written] = loaded.identifierLinks.account[link];
    identifier[written++] = loaded.identifierLinks.identifier[link];
  });
  const input: RingDetectionInput = { ...loaded, identifierLinks: { count: kept, account, identifier } };
  const kinds = loaded.identifiers.kind;
  return {
    input,
    // Hubs keep their links here: the excluded-hub list and cluster pictures read the full account counts.
    ...accountLinks(loaded),
    identifierAccountCount: loaded.identifiers.accountCount,
    accountNodeId: (position) => `account:${accountName(input, position)}`,
    identifierNodeId: (position) => `${loaded.identifierNodeKinds[kinds[position]]}:${loaded.identifiers.elementId[position]}`,
    merchantNodeId: (merchant) => `merchant:${merchantName(input, merchant)}`,
    identifierKind: (position) => loaded.identifierNodeKinds[kinds[position]],
    truncated: loaded.truncated,
  };
}

/** Account → distinct identifiers, as CSR (the input's links are sorted by account). */
function accountLinks(input: Pick<RingDetectionInput, 'accounts' | 'identifierLinks'>): Pick<DetectionGraph, 'linkOffsets' | 'linkIdentifiers'> {
  const { account, identifier, count } = input.identifierLinks;
  const linkOffsets = new Int32Array(input.accounts.count + 1);
  const linkIdentifiers: number[] = [];
  let start = 0;
  for (let a = 0; a < input.accounts.count; a++) {
    const seen = new Set<number>();
    while (start < count && account[start] === a) seen.add(identifier[start++]);
    linkIdentifiers.push(...seen);
    linkOffsets[a + 1] = linkIdentifiers.length;
  }
  return { linkOffsets, linkIdentifiers: Int32Array.from(linkIdentifiers) };
}
