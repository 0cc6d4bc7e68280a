import { IDENTIFIER_KINDS, type IdentifierKind } from '../../api';
import { identifierKindName, type AccountLinkColumns, type RingDetectionInput } from './input';
import { groupInTimeOrder } from './money-flows';

/**
 * How strongly sharing one identifier of each kind ties two accounts together.
 * - device, card: a phone handset or a payment card is personal; two "people" using the same one
 *   is the signature of synthetic identities run by one operator (1.0).
 * - phone: personal too, but numbers get recycled by carriers and shared within families (0.9).
 * - email: rarely shared, but throwaway addresses are cheap to make, so a match says a bit less (0.8).
 * - address: households and flat-shares legitimately share one (0.5).
 * - ip: NAT, mobile carriers and offices put many unrelated people behind one address (0.3).
 */
export const DEFAULT_KIND_WEIGHTS: Readonly<Record<IdentifierKind, number>> = {
  device: 1.0,
  card: 1.0,
  phone: 0.9,
  email: 0.8,
  address: 0.5,
  ip: 0.3,
};

export interface ProjectionOptions {
  /** Identifiers shared by more accounts than this are supernodes (office IPs, shared addresses) and ignored. */
  supernodeCutoff: number;
  kindWeights: Readonly<Record<IdentifierKind, number>>;
  /**
   * How account links that are flows (AccountLinkColumns.flow: transfers, transaction nodes) enter.
   * - `each-flow`: every flow is a link of its own, so repeated flows add up. The risk walk reads
   *   this: a single payment from a fraudster is a lead worth following.
   * - `relationships`: flows are counted per pair of accounts, and a pair is linked (once, with the
   *   heaviest weight among its flows) only when money moved between the two more than once (again,
   *   or back), and neither account has more distinct money counterparties than supernodeCutoff.
   *   Clusters are cut from this: in any payment graph most pairs that ever paid each other did so
   *   once and are strangers (a sale, a refund, a split bill), and an account paid by very many is a
   *   merchant, a landlord or a payroll, like an identifier shared by too many accounts; linking
   *   through either merges rings with each other and with the background. Cycles and fan-ins
   *   still read every flow (money-flows.ts).
   */
  moneyLinks: 'each-flow' | 'relationships';
}

export const DEFAULT_PROJECTION_OPTIONS: ProjectionOptions = { supernodeCutoff: 20, kindWeights: DEFAULT_KIND_WEIGHTS, moneyLinks: 'each-flow' };

/** An identifier left out of the projection because too many accounts share it. */
export interface ExcludedHub {
  identifier: number;
  /** As reasons name it (identifierKindName). */
  kind: string;
  accountCount: number;
}

/**
 * The account–account "shares an identifier" graph, kept in factored form: identifier → members
 * and account → identifiers as CSR arrays. The projected edge weight between two accounts is the
 * sum of the kind weights of the identifiers they share; it is never materialised for the whole
 * graph (that would be Σ d² pairs), algorithms walk identifier member lists instead.
 */
export interface SharedIdentifierProjection {
  accountCount: number;
  identifierCount: number;
  supernodeCutoff: number;
  /** Identifier j's distinct member accounts (ascending) are members[memberOffsets[j] .. memberOffsets[j+1]). */
  memberOffsets: Int32Array;
  members: Int32Array;
  /** Account a's identifiers that count (shared by 2..cutoff accounts) are in accountIdentifiers[identifierOffsets[a] ..]. */
  identifierOffsets: Int32Array;
  accountIdentifiers: Int32Array;
  /** Kind weight of each identifier, 0 for supernodes and identifiers nobody else shares. */
  identifierWeight: Float64Array;
  /** Sum of projected edge weights of each account. */
  weightedDegree: Float64Array;
  /** Supernodes, largest first. */
  excludedHubs: ExcludedHub[];
  /** Account pairs linked through at least one kept identifier, counted per identifier (Σ d(d-1)/2). */
  linkedPairIncidences: number;
}

/**
 * Builds the shared-identifier projection from account → identifier links in O(links). Direct
 * account links (input.accountLinks) enter as identifiers shared by their two accounts, numbered
 * after the real identifiers, with their own weight: components, Louvain and the risk walk then
 * follow them like any shared identifier, with no second code path.
 */
export function sharedIdentifierProjection(
  input: Pick<RingDetectionInput, 'accounts' | 'identifiers' | 'identifierKinds' | 'identifierLinks' | 'accountLinks'>,
  options: Partial<ProjectionOptions> = {},
): SharedIdentifierProjection {
  const { supernodeCutoff, kindWeights, moneyLinks } = { ...DEFAULT_PROJECTION_OPTIONS, ...options };
  const accountCount = input.accounts.count;
  const realIdentifierCount = input.identifiers.count;
  const accountLinks = input.accountLinks && moneyLinks === 'relationships' ? moneyRelationships(input.accountLinks, accountCount, supernodeCutoff) : input.accountLinks;
  const pairCount = accountLinks?.count ?? 0;
  const identifierCount = realIdentifierCount + pairCount;
  const { linkAccount, linkIdentifier, linkCount } = withAccountLinkPairs(input.identifierLinks, realIdentifierCount, accountLinks);

  // Counting sort of the links by identifier. It is stable, so when links come sorted by account
  // (the dataset's contract) every member list is already ascending and only needs deduplication.
  const rawOffsets = new Int32Array(identifierCount + 1);
  let sortedByAccount = true;
  for (let l = 0; l < linkCount; l++) {
    rawOffsets[linkIdentifier[l] + 1]++;
    if (l > 0 && linkAccount[l] < linkAccount[l - 1]) sortedByAccount = false;
  }
  for (let j = 0; j < identifierCount; j++) rawOffsets[j + 1] += rawOffsets[j];
  const rawMembers = new Int32Array(linkCount);
  const cursor = rawOffsets.slice(0, identifierCount);
  for (let l = 0; l < linkCount; l++) rawMembers[cursor[linkIdentifier[l]]++] = linkAccount[l];

  const memberOffsets = new Int32Array(identifierCount + 1);
  const members = new Int32Array(linkCount);
  let written = 0;
  for (let j = 0; j < identifierCount; j++) {
    const start = rawOffsets[j];
    const end = rawOffsets[j + 1];
    if (!sortedByAccount && end - start > 1) rawMembers.subarray(start, end).sort();
    for (let k = start; k < end; k++) {
      if (k === start || rawMembers[k] !== rawMembers[k - 1]) members[written++] = rawMembers[k];
    }
    memberOffsets[j + 1] = written;
  }

  const identifierWeight = new Float64Array(identifierCount);
  const excludedHubs: ExcludedHub[] = [];
  const keptPerAccount = new Int32Array(accountCount + 1);
  const kindOf = input.identifiers.kind;
  let linkedPairIncidences = 0;
  for (let j = 0; j < identifierCount; j++) {
    const degree = memberOffsets[j + 1] - memberOffsets[j];
    if (j >= realIdentifierCount) {
      // An account link: two members (one after a self-link is deduplicated), never a hub.
      if (degree < 2) continue;
      identifierWeight[j] = accountLinks!.weight[j - realIdentifierCount];
      linkedPairIncidences++;
      keptPerAccount[members[memberOffsets[j]] + 1]++;
      keptPerAccount[members[memberOffsets[j] + 1] + 1]++;
      continue;
    }
    if (degree > supernodeCutoff) {
      excludedHubs.push({ identifier: j, kind: identifierKindName(input, kindOf[j]), accountCount: degree });
      continue;
    }
    if (degree < 2) continue;
    identifierWeight[j] = input.identifierKinds?.[kindOf[j]].weight ?? kindWeights[IDENTIFIER_KINDS[kindOf[j]]];
    linkedPairIncidences += (degree * (degree - 1)) / 2;
    for (let k = memberOffsets[j]; k < memberOffsets[j + 1]; k++) keptPerAccount[members[k] + 1]++;
  }
  excludedHubs.sort((a, b) => b.accountCount - a.accountCount || a.identifier - b.identifier);

  const identifierOffsets = keptPerAccount;
  for (let a = 0; a < accountCount; a++) identifierOffsets[a + 1] += identifierOffsets[a];
  const accountIdentifiers = new Int32Array(identifierOffsets[accountCount]);
  const accountCursor = identifierOffsets.slice(0, accountCount);
  const weightedDegree = new Float64Array(accountCount);
  for (let j = 0; j < identifierCount; j++) {
    const weight = identifierWeight[j];
    if (weight === 0) continue;
    const start = memberOffsets[j];
    const end = memberOffsets[j + 1];
    const perMember = weight * (end - start - 1);
    for (let k = start; k < end; k++) {
      const account = members[k];
      accountIdentifiers[accountCursor[account]++] = j;
      weightedDegree[account] += perMember;
    }
  }

  return {
    accountCount,
    identifierCount,
    supernodeCutoff,
    memberOffsets,
    members: members.slice(0, written),
    identifierOffsets,
    accountIdentifiers,
    identifierWeight,
    weightedDegree,
    excludedHubs,
    linkedPairIncidences,
  };
}

/**
 * The account links under `moneyLinks: 'relationships'`: standing links as they are, and the flows
 * of each pair of accounts folded into one link when they are more than one and neither account
 * has more than hubCutoff distinct money counterparties. O(links + accounts).
 */
function moneyRelationships(links: AccountLinkColumns, accountCount: number, hubCutoff: number): AccountLinkColumns {
  const { count, from, to, weight, flow } = links;
  if (!flow?.includes(1)) return links;
  const kept = { from: [] as number[], to: [] as number[], weight: [] as number[] };
  let flowCount = 0;
  for (let i = 0; i < count; i++) if (flow[i] && from[i] !== to[i]) flowCount++;
  const flowRows = new Int32Array(flowCount);
  for (let i = 0, f = 0; i < count; i++) {
    if (!flow[i]) {
      kept.from.push(from[i]);
      kept.to.push(to[i]);
      kept.weight.push(weight[i]);
    } else if (from[i] !== to[i]) flowRows[f++] = i;
  }
  const lower = flowRows.map((i) => Math.min(from[i], to[i]));
  const higher = Float64Array.from(flowRows, (i) => Math.max(from[i], to[i]));
  // Flows grouped by their lower account, each group ordered by the higher one: a pair's flows are a run.
  const { offsets, edges } = groupInTimeOrder(accountCount, lower, higher, flowRows.length);
  const forEachPair = (visit: (a: number, b: number, start: number, end: number) => void) => {
    for (let a = 0; a < accountCount; a++) {
      for (let start = offsets[a], end = start; start < offsets[a + 1]; start = end) {
        const b = higher[edges[start]];
        while (end < offsets[a + 1] && higher[edges[end]] === b) end++;
        visit(a, b, start, end);
      }
    }
  };
  const counterparties = new Int32Array(accountCount);
  forEachPair((a, b) => {
    counterparties[a]++;
    counterparties[b]++;
  });
  const firstFlow = kept.from.length;
  forEachPair((a, b, start, end) => {
    if (end - start < 2 || counterparties[a] > hubCutoff || counterparties[b] > hubCutoff) return;
    let heaviest = 0;
    for (let k = start; k < end; k++) heaviest = Math.max(heaviest, weight[flowRows[edges[k]]]);
    kept.from.push(a);
    kept.to.push(b);
    kept.weight.push(heaviest);
  });
  const keptFlow = new Uint8Array(kept.from.length);
  keptFlow.fill(1, firstFlow);
  return {
    count: kept.from.length,
    from: Int32Array.from(kept.from),
    to: Int32Array.from(kept.to),
    weight: Float64Array.from(kept.weight),
    flow: keptFlow,
  };
}

/** Identifier links with each account link appended as two links to identifier realIdentifierCount + i. */
function withAccountLinkPairs(
  identifierLinks: RingDetectionInput['identifierLinks'],
  realIdentifierCount: number,
  accountLinks: RingDetectionInput['accountLinks'],
): { linkAccount: Int32Array; linkIdentifier: Int32Array; linkCount: number } {
  if (!accountLinks?.count) return { linkAccount: identifierLinks.account, linkIdentifier: identifierLinks.identifier, linkCount: identifierLinks.count };
  const linkCount = identifierLinks.count + 2 * accountLinks.count;
  const linkAccount = new Int32Array(linkCount);
  const linkIdentifier = new Int32Array(linkCount);
  linkAccount.set(identifierLinks.account.subarray(0, identifierLinks.count));
  linkIdentifier.set(identifierLinks.identifier.subarray(0, identifierLinks.count));
  for (let i = 0; i < accountLinks.count; i++) {
    const slot = identifierLinks.count + 2 * i;
    linkAccount[slot] = accountLinks.from[i];
    linkAccount[slot + 1] = accountLinks.to[i];
    linkIdentifier[slot] = linkIdentifier[slot + 1] = realIdentifierCount + i;
  }
  return { linkAccount, linkIdentifier, linkCount };
}

/** A weighted undirected graph in CSR form (each edge stored in both directions). */
export interface WeightedCsrGraph {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/**
 * Materialises the projected edges among a set of accounts (a component to split, a cluster to draw),
 * merging the weights of accounts that share several identifiers. Node i of the result is accounts[i];
 * extraEdges (pairs of positions in `accounts`, with weights) add evidence that is not an identifier.
 */
export function projectedSubgraph(
  projection: SharedIdentifierProjection,
  accounts: ArrayLike<number>,
  localIndex: Int32Array,
  extraEdges: { a: number; b: number; weight: number }[] = [],
): WeightedCsrGraph {
  // localIndex is a caller-owned scratch array (accountCount long, filled with -1) so splitting
  // thousands of components does not allocate one per component.
  const nodeCount = accounts.length;
  for (let i = 0; i < nodeCount; i++) localIndex[accounts[i]] = i;
  const { memberOffsets, members, identifierOffsets, accountIdentifiers, identifierWeight } = projection;
  const accumulated = new Float64Array(nodeCount);
  const touched: number[] = [];
  const offsets = new Int32Array(nodeCount + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  const extraByNode: { other: number; weight: number }[][] = Array.from({ length: nodeCount }, () => []);
  for (const { a, b, weight } of extraEdges) {
    if (a === b) continue;
    extraByNode[a].push({ other: b, weight });
    extraByNode[b].push({ other: a, weight });
  }
  for (let i = 0; i < nodeCount; i++) {
    const account = accounts[i];
    for (let p = identifierOffsets[account]; p < identifierOffsets[account + 1]; p++) {
      const identifier = accountIdentifiers[p];
      const weight = identifierWeight[identifier];
      for (let k = memberOffsets[identifier]; k < memberOffsets[identifier + 1]; k++) {
        const other = localIndex[members[k]];
        if (other < 0 || other === i) continue;
        if (accumulated[other] === 0) touched.push(other);
        accumulated[other] += weight;
      }
    }
    for (const { other, weight } of extraByNode[i]) {
      if (accumulated[other] === 0) touched.push(other);
      accumulated[other] += weight;
    }
    for (const other of touched) {
      targets.push(other);
      weights.push(accumulated[other]);
      accumulated[other] = 0;
    }
    touched.length = 0;
    offsets[i + 1] = targets.length;
  }
  for (let i = 0; i < nodeCount; i++) localIndex[accounts[i]] = -1;
  return { nodeCount, offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}
