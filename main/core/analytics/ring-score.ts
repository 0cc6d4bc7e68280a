import { type IdentifierKind, type RingKind, type RingReasonMessage } from '../../api';
import { accountName, identifierKindName, merchantName, type RingDetectionInput } from './input';
import { findRoundAmountBursts, type FanInPattern, type PaymentIndex, type RoundAmountOptions, type TransferCycle } from './money-flows';
import type { SharedIdentifierProjection } from './projection';

/** The evidence a ring score is made of; each kind maps to the ring kind it suggests. */
export const REASON_KINDS = ['shared-identifiers', 'account-age-burst', 'money-cycle', 'blacklisted-members', 'fan-in', 'round-amount-payments'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/**
 * One line of evidence: what it is, how much it adds to the score, and what it says as a code with
 * parameters (the renderer and the PDF word it in the investigator's language).
 */
export interface RingReason extends RingReasonMessage {
  kind: ReasonKind;
  /** Contribution in [0, 1]; reasons combine as independent evidence: score = 1 − Π(1 − weight). */
  weight: number;
  /** What to highlight in the graph: the accounts, transfers or payments (indexes) the reason is about. */
  evidence?: { accounts: number[]; transfers?: number[]; payments?: number[] };
  /** Epoch ms of the first and last event the reason cites when they are not transfers or payments (accounts opened together). */
  span?: { startedAt: number; endedAt: number };
}

/** Which ring kind each reason points to; blacklisted members say nothing about the modus operandi. */
const KIND_OF_REASON: Record<ReasonKind, RingKind | null> = {
  'shared-identifiers': 'shared-identity',
  'account-age-burst': 'shared-identity',
  'money-cycle': 'laundering-cycle',
  'blacklisted-members': null,
  'fan-in': 'mule-fan-in',
  'round-amount-payments': 'cash-out',
};

export interface RingScoreOptions {
  /**
   * Highest weight shared identifiers alone can reach. Kept below the flag threshold on purpose:
   * households of 4-5 share a family tablet, a joint card and a phone, so sharing says "related",
   * and only behaviour (an opening burst, cycles, fan-in, cash-out, blacklisted members) says "ring".
   */
  maxSharedIdentifierWeight: number;
  /** Kinds whose sharing counts as identity evidence; addresses and IPs are shared by honest households. */
  identityKinds: readonly IdentifierKind[];
  /** Accounts opened within this window of each other form an age burst. */
  ageBurstWindowMs: number;
  ageBurstMinAccounts: number;
  /** Below this share of the cluster an opening burst is coincidence in a large cluster, not a reason. */
  ageBurstMinShare: number;
  roundAmounts: Partial<RoundAmountOptions>;
}

export const DEFAULT_RING_SCORE: RingScoreOptions = {
  maxSharedIdentifierWeight: 0.35,
  identityKinds: ['device', 'card', 'phone', 'email'],
  ageBurstWindowMs: 48 * 3_600_000,
  ageBurstMinAccounts: 3,
  ageBurstMinShare: 0.3,
  roundAmounts: {},
};

/** Money-flow findings of the whole input; scoring a cluster looks only at its own members' ones. */
export interface MoneyFlowFindings {
  cycles: TransferCycle[];
  fanIns: FanInPattern[];
  payments: PaymentIndex;
}

export interface ScoredCluster {
  score: number;
  kind: RingKind;
  /** Strongest first. */
  reasons: RingReason[];
}

/** Scratch buffers reused across clusters (one allocation for a million-account run). */
export interface ScoringScratch {
  inCluster: Uint8Array;
  sharedCount: Int32Array;
  perAccount: Int32Array;
}

/** Allocates the scratch buffers for scoring clusters of an input of accountCount accounts. */
export function scoringScratch(accountCount: number, identifierCount: number): ScoringScratch {
  return { inCluster: new Uint8Array(accountCount), sharedCount: new Int32Array(identifierCount), perAccount: new Int32Array(accountCount) };
}

/** Indexes money-flow findings by the accounts involved, for per-cluster lookup. */
export interface FindingsIndex {
  cyclesByAccount: Map<number, TransferCycle[]>;
  fanInsByHub: Map<number, FanInPattern[]>;
  payments: PaymentIndex;
}

/** Builds the per-account lookup of money-flow findings. */
export function indexFindings(findings: MoneyFlowFindings): FindingsIndex {
  const cyclesByAccount = new Map<number, TransferCycle[]>();
  for (const cycle of findings.cycles) pushTo(cyclesByAccount, cycle.accounts[0], cycle);
  const fanInsByHub = new Map<number, FanInPattern[]>();
  for (const fan of findings.fanIns) pushTo(fanInsByHub, fan.account, fan);
  return { cyclesByAccount, fanInsByHub, payments: findings.payments };
}

function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Scores one cluster of accounts: every reason that applies, combined into [0, 1], and the ring kind it suggests. */
export function ringScore(
  members: readonly number[],
  input: RingDetectionInput,
  projection: SharedIdentifierProjection,
  findings: FindingsIndex,
  scratch: ScoringScratch,
  options: RingScoreOptions = DEFAULT_RING_SCORE,
): ScoredCluster {
  for (const account of members) scratch.inCluster[account] = 1;
  const reasons = [
    sharedIdentifierReason(members, input, projection, scratch, options),
    ageBurstReason(members, input, options),
    cycleReason(members, input, findings, scratch),
    blacklistReason(members, input),
    fanInReason(members, input, projection, findings, scratch),
    roundAmountReason(members, input, findings, scratch, options),
  ].filter((reason): reason is RingReason => reason !== null);
  for (const account of members) scratch.inCluster[account] = 0;
  reasons.sort((a, b) => b.weight - a.weight);
  const score = 1 - reasons.reduce((remaining, reason) => remaining * (1 - reason.weight), 1);
  const kind = reasons.map((reason) => KIND_OF_REASON[reason.kind]).find((ringKind) => ringKind !== null) ?? 'shared-identity';
  return { score, kind, reasons };
}

function sharedIdentifierReason(
  members: readonly number[],
  input: RingDetectionInput,
  projection: SharedIdentifierProjection,
  scratch: ScoringScratch,
  options: RingScoreOptions,
): RingReason | null {
  const { identifierOffsets, accountIdentifiers, identifierWeight } = projection;
  const touched: number[] = [];
  for (const account of members) {
    for (let p = identifierOffsets[account]; p < identifierOffsets[account + 1]; p++) {
      const identifier = accountIdentifiers[p];
      // Account links follow the real identifiers in the projection; they are not shared identifiers.
      if (identifier >= input.identifiers.count) continue;
      if (scratch.sharedCount[identifier]++ === 0) touched.push(identifier);
    }
  }
  const identityKinds = new Set<string>(options.identityKinds);
  const sharedByKind = new Map<string, number>();
  const sharingAccounts = new Set<number>();
  let evidence = 0;
  for (const identifier of touched) {
    const count = scratch.sharedCount[identifier];
    scratch.sharedCount[identifier] = 0;
    const kindIndex = input.identifiers.kind[identifier];
    const kind = identifierKindName(input, kindIndex);
    const identity = input.identifierKinds ? input.identifierKinds[kindIndex].identity : identityKinds.has(kind);
    if (count < 2 || !identity) continue;
    sharedByKind.set(kind, (sharedByKind.get(kind) ?? 0) + 1);
    evidence += identifierWeight[identifier] * (count - 1);
    for (let k = projection.memberOffsets[identifier]; k < projection.memberOffsets[identifier + 1]; k++) {
      if (scratch.inCluster[projection.members[k]]) sharingAccounts.add(projection.members[k]);
    }
  }
  if (sharedByKind.size === 0) return null;
  return {
    kind: 'shared-identifiers',
    // evidence per account: Σ over identifiers shared inside the cluster of kind weight × (sharers − 1) / size.
    weight: options.maxSharedIdentifierWeight * (1 - Math.exp(-evidence / members.length)),
    code: 'shared_identifiers',
    params: { accounts: sharingAccounts.size, kinds: [...sharedByKind.keys()], counts: [...sharedByKind.values()] },
  };
}

function ageBurstReason(members: readonly number[], input: RingDetectionInput, options: RingScoreOptions): RingReason | null {
  if (members.length < options.ageBurstMinAccounts) return null;
  // Unknown creation times (NaN: not mapped or unreadable) are left out; the share stays of the whole cluster.
  const opened = members
    .map((account) => input.accounts.createdAt[account])
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  let best = 0;
  let span = { startedAt: 0, endedAt: 0 };
  let left = 0;
  for (let right = 0; right < opened.length; right++) {
    while (opened[right] - opened[left] > options.ageBurstWindowMs) left++;
    if (right - left + 1 > best) {
      best = right - left + 1;
      span = { startedAt: opened[left], endedAt: opened[right] };
    }
  }
  const fraction = best / members.length;
  if (best < options.ageBurstMinAccounts || fraction < options.ageBurstMinShare) return null;
  return {
    kind: 'account-age-burst',
    // Many accounts opened together is only suspicious when it is most of the cluster.
    weight: 0.5 * fraction * fraction,
    code: 'opening_burst',
    params: { opened: best, accounts: members.length, windowMs: options.ageBurstWindowMs },
    span,
  };
}

function cycleReason(members: readonly number[], input: RingDetectionInput, findings: FindingsIndex, scratch: ScoringScratch): RingReason | null {
  let shortest: TransferCycle | null = null;
  let count = 0;
  for (const account of members) {
    for (const cycle of findings.cyclesByAccount.get(account) ?? []) {
      if (!cycle.accounts.every((member) => scratch.inCluster[member])) continue;
      count++;
      if (!shortest || cycle.endedAt - cycle.startedAt < shortest.endedAt - shortest.startedAt) shortest = cycle;
    }
  }
  if (!shortest) return null;
  const route = [...shortest.accounts, shortest.accounts[0]].map((account) => accountName(input, account));
  return {
    kind: 'money-cycle',
    weight: count > 1 ? 0.9 : 0.8,
    code: 'money_cycle',
    params: { accounts: shortest.accounts.length, route, durationMs: shortest.endedAt - shortest.startedAt, moreCycles: count - 1 },
    evidence: { accounts: shortest.accounts, transfers: shortest.transfers },
  };
}

function blacklistReason(members: readonly number[], input: RingDetectionInput): RingReason | null {
  const count = members.filter((account) => input.accounts.blacklisted[account]).length;
  if (count === 0) return null;
  return {
    kind: 'blacklisted-members',
    // Weak alone (a household may include one past fraudster), strong together with anything else.
    weight: Math.min(0.45, 0.15 * count),
    code: 'blacklisted_members',
    params: { members: count },
  };
}

function fanInReason(
  members: readonly number[],
  input: RingDetectionInput,
  projection: SharedIdentifierProjection,
  findings: FindingsIndex,
  scratch: ScoringScratch,
): RingReason | null {
  let strongest: { fan: FanInPattern; senders: number[]; passingOn: number } | null = null;
  for (const account of members) {
    for (const fan of findings.fanInsByHub.get(account) ?? []) {
      const senders = fan.senders.filter((sender) => scratch.inCluster[sender]);
      const passingOn = fan.passThroughSenders.filter((sender) => scratch.inCluster[sender]).length;
      if (!strongest || passingOn > strongest.passingOn || (passingOn === strongest.passingOn && senders.length > strongest.senders.length)) {
        strongest = { fan, senders, passingOn };
      }
    }
  }
  // Two senders into one account is everyday life in a household (rent, bills); three is a pattern.
  if (!strongest || strongest.senders.length < 3) return null;
  const { fan, senders, passingOn } = strongest;
  // Senders tied to the cluster by an identifier are one operator's accounts, not customers; senders
  // passing on money they just received are mules rather than relatives paying rent.
  const sharing = senders.filter((sender) => sharesIdentifierInCluster(sender, projection, scratch)).length;
  return {
    kind: 'fan-in',
    weight: passingOn >= 3 ? (sharing >= 3 ? 0.85 : 0.75) : 0.3,
    code: 'fan_in',
    params: { senders: senders.length, hub: accountName(input, fan.account), durationMs: fan.endedAt - fan.startedAt, sharingSenders: sharing, passingOn },
    evidence: { accounts: [fan.account, ...senders], transfers: fan.transfers.filter((t) => scratch.inCluster[input.transfers.from[t]]) },
  };
}

function sharesIdentifierInCluster(account: number, projection: SharedIdentifierProjection, scratch: ScoringScratch): boolean {
  const { identifierOffsets, accountIdentifiers, memberOffsets, members } = projection;
  for (let p = identifierOffsets[account]; p < identifierOffsets[account + 1]; p++) {
    const identifier = accountIdentifiers[p];
    for (let k = memberOffsets[identifier]; k < memberOffsets[identifier + 1]; k++) {
      if (members[k] !== account && scratch.inCluster[members[k]]) return true;
    }
  }
  return false;
}

function roundAmountReason(
  members: readonly number[],
  input: RingDetectionInput,
  findings: FindingsIndex,
  scratch: ScoringScratch,
  options: RingScoreOptions,
): RingReason | null {
  const bursts = findRoundAmountBursts(members, input, findings.payments, scratch.perAccount, options.roundAmounts);
  if (bursts.length === 0) return null;
  const burst = bursts.reduce((best, next) => (next.accounts.length > best.accounts.length ? next : best));
  const amounts = [...new Set(burst.payments.map((p) => input.payments.amount[p]))]
    .sort((a, b) => a - b)
    .slice(0, 4);
  return {
    kind: 'round-amount-payments',
    weight: burst.accounts.length >= 5 ? 0.85 : 0.7,
    code: 'merchant_burst',
    params: { accounts: burst.accounts.length, merchant: merchantName(input, burst.merchant), amounts, durationMs: burst.endedAt - burst.startedAt },
    evidence: { accounts: burst.accounts, payments: burst.payments },
  };
}
