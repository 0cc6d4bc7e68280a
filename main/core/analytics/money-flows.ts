import { throwIfAborted, type RingDetectionInput } from './input';

const HOUR_MS = 3_600_000;

/** Edges of one direction grouped by an endpoint, each group in time order (ties by edge index). */
interface TimeOrderedAdjacency {
  offsets: Int32Array;
  /** Edge indexes into the transfers/payments columns. */
  edges: Int32Array;
}

/** Above this many edges a group is sorted by Array.prototype.sort instead of an insertion sort. */
const LARGE_GROUP = 32;

/**
 * Groups edge indexes by `key` (a counting sort, so each group starts in edge-index order), then
 * sorts each group by time, stably, so ties stay in edge-index order. Groups are a handful of edges
 * on average: an insertion sort per group beats sorting millions of edges globally by time.
 */
export function groupInTimeOrder(keyCount: number, key: Int32Array, at: Float64Array, count: number): TimeOrderedAdjacency {
  const offsets = new Int32Array(keyCount + 1);
  for (let e = 0; e < count; e++) offsets[key[e] + 1]++;
  for (let k = 0; k < keyCount; k++) offsets[k + 1] += offsets[k];
  const edges = new Int32Array(count);
  const cursor = offsets.slice(0, keyCount);
  for (let e = 0; e < count; e++) edges[cursor[key[e]]++] = e;
  for (let k = 0; k < keyCount; k++) {
    const first = offsets[k];
    const end = offsets[k + 1];
    if (end - first > LARGE_GROUP) {
      // Array.prototype.sort is stable, and the group arrives in edge-index order.
      edges.set(Array.from(edges.subarray(first, end)).sort((x, y) => at[x] - at[y]), first);
      continue;
    }
    for (let i = first + 1; i < end; i++) {
      const edge = edges[i];
      const time = at[edge];
      let j = i - 1;
      while (j >= first && at[edges[j]] > time) {
        edges[j + 1] = edges[j];
        j--;
      }
      edges[j + 1] = edge;
    }
  }
  return { offsets, edges };
}

/** Transfers grouped by sender and by receiver, each group in time order: built once, shared by the searches. */
export interface TransferIndex {
  outgoing: TimeOrderedAdjacency;
  incoming: TimeOrderedAdjacency;
}

/** Indexes the transfers for cycle and fan-in search. */
export function indexTransfers(input: Pick<RingDetectionInput, 'accounts' | 'transfers'>): TransferIndex {
  const { from, to, at, count } = input.transfers;
  return { outgoing: groupInTimeOrder(input.accounts.count, from, at, count), incoming: groupInTimeOrder(input.accounts.count, to, at, count) };
}

export interface CycleOptions {
  minLength: number;
  maxLength: number;
  /** Time from the first hop to the last. */
  windowMs: number;
  /** Paths explored from one starting transfer before giving up on it, so a hub cannot stall the search. */
  maxPathsPerStart: number;
  /** Stop after this many cycles (a safety net for pathological inputs). */
  maxCycles: number;
  /**
   * Each hop must pass on between this share and all of the previous hop's amount: laundered money
   * moves on minus a small cut, while households paying each other rent form cycles of unrelated amounts.
   */
  minPassedOnShare: number;
}

// Laundering cycles seen in the demo data (and in practice when a ring passes money through every
// member) run up to ~25 hops; the time window, not the length, is what keeps the search small.
export const DEFAULT_CYCLE_OPTIONS: CycleOptions = {
  minLength: 3,
  maxLength: 25,
  windowMs: 24 * HOUR_MS,
  maxPathsPerStart: 10_000,
  maxCycles: 100_000,
  minPassedOnShare: 0.9,
};

/** Money that left an account and came back through other accounts, hop after hop in time order. */
export interface TransferCycle {
  /** Accounts in hop order, starting with the sender of the earliest transfer; the last hop returns to accounts[0]. */
  accounts: number[];
  transfers: number[];
  startedAt: number;
  endedAt: number;
}

/**
 * Time-respecting transfer cycles: a bounded depth-first search (Johnson-style enumeration of simple
 * cycles, restricted to the time window) from every transfer, following only later transfers that
 * start within the window and pass the money on (see minPassedOnShare), so each cycle is found
 * once, from its earliest transfer.
 */
export function findTransferCycles(
  input: Pick<RingDetectionInput, 'accounts' | 'transfers'>,
  options: Partial<CycleOptions> = {},
  signal?: AbortSignal,
  index: TransferIndex = indexTransfers(input),
): TransferCycle[] {
  const { minLength, maxLength, windowMs, maxPathsPerStart, maxCycles, minPassedOnShare } = { ...DEFAULT_CYCLE_OPTIONS, ...options };
  const { from, to, at, amount, count } = input.transfers;
  const { outgoing } = index;
  const onPath = new Uint8Array(input.accounts.count);
  const pathAccounts: number[] = [];
  const pathTransfers: number[] = [];
  const cycles: TransferCycle[] = [];
  let budget = 0;
  let origin = 0;
  let deadline = 0;

  const extend = (account: number, lastEdge: number): void => {
    const lastAt = at[lastEdge];
    const { offsets, edges } = outgoing;
    // First outgoing transfer at or after the previous hop (binary search), then walk forward.
    let low = offsets[account];
    let high = offsets[account + 1];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (at[edges[mid]] < lastAt) low = mid + 1;
      else high = mid;
    }
    for (let p = low; p < offsets[account + 1]; p++) {
      const edge = edges[p];
      if (at[edge] > deadline) break;
      if (at[edge] === lastAt && edge <= lastEdge) continue;
      // Written so that an unknown amount (NaN) on either hop fails: missing data is never a hop.
      if (!(amount[edge] <= amount[lastEdge] && amount[edge] >= amount[lastEdge] * minPassedOnShare)) continue;
      if (--budget < 0 || cycles.length >= maxCycles) return;
      const next = to[edge];
      if (next === origin) {
        if (pathAccounts.length >= minLength) {
          cycles.push({ accounts: [...pathAccounts], transfers: [...pathTransfers, edge], startedAt: at[pathTransfers[0]], endedAt: at[edge] });
        }
        continue;
      }
      if (onPath[next] || pathAccounts.length >= maxLength) continue;
      onPath[next] = 1;
      pathAccounts.push(next);
      pathTransfers.push(edge);
      extend(next, edge);
      pathAccounts.pop();
      pathTransfers.pop();
      onPath[next] = 0;
    }
  };

  for (let start = 0; start < count && cycles.length < maxCycles; start++) {
    if ((start & 0x3fff) === 0) throwIfAborted(signal);
    origin = from[start];
    const first = to[start];
    if (first === origin) continue;
    deadline = at[start] + windowMs;
    budget = maxPathsPerStart;
    onPath[origin] = 1;
    onPath[first] = 1;
    pathAccounts.push(origin, first);
    pathTransfers.push(start);
    extend(first, start);
    pathAccounts.length = 0;
    pathTransfers.length = 0;
    onPath[origin] = 0;
    onPath[first] = 0;
  }
  return cycles;
}

export interface FanOptions {
  /** Distinct counterparties needed within the window. */
  minCounterparties: number;
  windowMs: number;
}

export const DEFAULT_FAN_IN: FanOptions = { minCounterparties: 3, windowMs: 72 * HOUR_MS };

/** An account that many distinct accounts sent money to in a short window: a collector and its mules. */
export interface FanInPattern {
  /** The receiving account. */
  account: number;
  senders: number[];
  /**
   * Senders that passed on money they had received shortly before (at most what they received and
   * at least half of it): the mule's signature, unlike relatives paying rent from their own salary.
   */
  passThroughSenders: number[];
  transfers: number[];
  startedAt: number;
  endedAt: number;
}

/** Mule fan-in: per receiving account, each separate time window with at least minCounterparties distinct senders. */
export function findFanIns(
  input: Pick<RingDetectionInput, 'accounts' | 'transfers'>,
  options: Partial<FanOptions> = {},
  signal?: AbortSignal,
  index: TransferIndex = indexTransfers(input),
): FanInPattern[] {
  const { minCounterparties, windowMs } = { ...DEFAULT_FAN_IN, ...options };
  const { from, amount, at } = input.transfers;
  const { offsets, edges } = index.incoming;
  const scratch = new Int32Array(input.accounts.count);
  const found: FanInPattern[] = [];
  const passesOn = (transfer: number): boolean => {
    const sender = from[transfer];
    let received = 0;
    for (let p = offsets[sender]; p < offsets[sender + 1]; p++) {
      const incoming = edges[p];
      if (at[incoming] >= at[transfer]) break;
      if (at[transfer] - at[incoming] <= windowMs) received += amount[incoming];
    }
    return received >= amount[transfer] && amount[transfer] >= received / 2;
  };
  for (let account = 0; account < input.accounts.count; account++) {
    if ((account & 0xffff) === 0) throwIfAborted(signal);
    if (offsets[account + 1] - offsets[account] < minCounterparties) continue;
    const transfers = Array.from(edges.subarray(offsets[account], offsets[account + 1]));
    for (const window of distinctWindows(transfers, from, at, minCounterparties, windowMs, scratch)) {
      const passThrough = new Set(window.filter(passesOn).map((transfer) => from[transfer]));
      found.push({
        account,
        senders: [...new Set(window.map((transfer) => from[transfer]))],
        passThroughSenders: [...passThrough],
        transfers: window,
        startedAt: at[window[0]],
        endedAt: at[window[window.length - 1]],
      });
    }
  }
  return found;
}

/**
 * Slides a window of at most windowMs over time-ordered edges and returns each separate window with
 * the most distinct counterparties (at least minDistinct). The best window is emitted once the
 * slide has moved entirely past it, so a merchant hit by two cash-out rings a week apart, or a
 * collector used twice, reports both. `inWindow` is zeroed scratch (one slot per counterparty).
 */
export function distinctWindows(
  edges: number[],
  counterpartyOf: Int32Array,
  at: Float64Array,
  minDistinct: number,
  windowMs: number,
  inWindow: Int32Array,
): number[][] {
  const windows: number[][] = [];
  let distinct = 0;
  let left = 0;
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  for (let right = 0; right < edges.length; right++) {
    if (inWindow[counterpartyOf[edges[right]]]++ === 0) distinct++;
    while (at[edges[right]] - at[edges[left]] > windowMs) {
      if (--inWindow[counterpartyOf[edges[left]]] === 0) distinct--;
      left++;
    }
    if (bestStart >= 0 && left > bestEnd) {
      windows.push(edges.slice(bestStart, bestEnd + 1));
      best = 0;
      bestStart = -1;
    }
    if (distinct >= minDistinct && distinct > best) {
      best = distinct;
      bestStart = left;
      bestEnd = right;
    }
  }
  if (bestStart >= 0) windows.push(edges.slice(bestStart, bestEnd + 1));
  for (let p = left; p < edges.length; p++) inWindow[counterpartyOf[edges[p]]] = 0;
  return windows;
}

export interface RoundAmountOptions {
  /** Amounts that are whole multiples of this count as round. */
  roundTo: number;
  minAmount: number;
  minAccounts: number;
  windowMs: number;
}

export const DEFAULT_ROUND_AMOUNTS: RoundAmountOptions = { roundTo: 50, minAmount: 100, minAccounts: 3, windowMs: 48 * HOUR_MS };

/** Several accounts paying one merchant round amounts in a short window: the cash-out pattern. */
export interface RoundAmountBurst {
  merchant: number;
  accounts: number[];
  payments: number[];
  startedAt: number;
  endedAt: number;
}

/** Payments grouped by paying account, each group in time order. */
export type PaymentIndex = TimeOrderedAdjacency;

/** Indexes payments by account for per-cluster cash-out search. */
export function indexPayments(input: Pick<RingDetectionInput, 'accounts' | 'payments'>): PaymentIndex {
  const { account, at, count } = input.payments;
  return groupInTimeOrder(input.accounts.count, account, at, count);
}

/**
 * Cash-out bursts among a group of accounts (a cluster): round-amount payments of at least
 * minAccounts of them to one merchant within the window. Searched per cluster rather than per
 * merchant, so one busy merchant's unrelated customers are never lumped together.
 */
export function findRoundAmountBursts(
  accounts: readonly number[],
  input: Pick<RingDetectionInput, 'payments'>,
  index: PaymentIndex,
  inWindow: Int32Array,
  options: Partial<RoundAmountOptions> = {},
): RoundAmountBurst[] {
  const { roundTo, minAmount, minAccounts, windowMs } = { ...DEFAULT_ROUND_AMOUNTS, ...options };
  if (accounts.length < minAccounts) return [];
  const { account: payer, merchant, amount, at } = input.payments;
  const byMerchant = new Map<number, number[]>();
  for (const member of accounts) {
    for (let p = index.offsets[member]; p < index.offsets[member + 1]; p++) {
      const payment = index.edges[p];
      if (amount[payment] < minAmount || amount[payment] % roundTo !== 0) continue;
      const list = byMerchant.get(merchant[payment]);
      if (list) list.push(payment);
      else byMerchant.set(merchant[payment], [payment]);
    }
  }
  const bursts: RoundAmountBurst[] = [];
  for (const [merchantIndex, payments] of byMerchant) {
    if (payments.length < minAccounts) continue;
    payments.sort((x, y) => at[x] - at[y] || x - y);
    for (const window of distinctWindows(payments, payer, at, minAccounts, windowMs, inWindow)) {
      bursts.push({
        merchant: merchantIndex,
        accounts: [...new Set(window.map((payment) => payer[payment]))],
        payments: window,
        startedAt: at[window[0]],
        endedAt: at[window[window.length - 1]],
      });
    }
  }
  return bursts;
}
