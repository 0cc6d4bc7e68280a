/**
 * Deterministic demo-graph generator: the same (seed, accounts) always gives the same dataset.
 *
 * Modelling choices (what a ring detector can and cannot rely on):
 * - Accounts are assigned to roles through a seeded shuffle, so ring members, household members and
 *   singles are scattered over the index range; nothing can be read from an account's position.
 * - Legitimate sharing comes in two sizes only. Small: households of 2-5 accounts sharing an address and
 *   a home IP, often a family tablet or a joint card, sometimes a family phone used by two members.
 *   Mid-sized: small workplaces (a shop's or a practice's Wi-Fi IP) shared by ~5-25 accounts, which
 *   chain households into legitimate groups of dozens on the projection — below most cutoffs, so size
 *   alone must not make a ring. Huge: mobile-carrier CGNAT IPs (~1,500 accounts each) and office/university
 *   NAT IPs (skewed sizes, from ~150 to over a thousand accounts), which a detector drops by a cutoff.
 * - Planted rings get identifiers of their own (devices, phones, cards, IPs that no other account uses)
 *   and are connected through them by construction. Ring members never join a household or an office;
 *   their only link to the rest of the graph is a carrier IP (a supernode) and money flows.
 *   Households of 4-5 look like small shared-identity rings on the projection alone: what tells them
 *   apart is behaviour (accounts opened in a burst, round-amount cash-outs, cycles, fan-in).
 * - Every value is unique per kind by construction (see identifier-values.ts): two accounts share an
 *   identifier only because the generator linked both to it.
 * - Timestamps lie before `generatedAt`, a fixed reference time derived from the seed (never the clock).
 * Everything is kept in growable typed arrays (no per-link objects), so 1M accounts stay fast and lean.
 */
import { IDENTIFIER_KINDS, RING_KINDS, type IdentifierKind, type RingKind } from '../../api';
import { userIdOf, type DemoDataset, type GeneratorOptions, type PlantedRing } from './dataset';
import {
  addressValue,
  BURNER_MAIL_DOMAINS,
  CASH_OUT_CATEGORIES,
  cardNumberValue,
  deviceIdValue,
  emailValue,
  ipValue,
  merchantValues,
  phoneValue,
} from './identifier-values';
import { mix32, Mulberry32 } from './prng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** The smallest graph that still holds a dozen rings of every kind next to ordinary accounts. */
export const MIN_DEMO_ACCOUNTS = 1_000;
const MAX_DEMO_ACCOUNTS = 5_000_000;

const KIND_INDEX = Object.fromEntries(IDENTIFIER_KINDS.map((kind, index) => [kind, index])) as Record<IdentifierKind, number>;

class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

class GrowableFloat64 {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** A money movement column set: from/to (or account/merchant), amount, at. */
class FlowColumns {
  readonly source: GrowableInt32;
  readonly target: GrowableInt32;
  readonly amount: GrowableFloat64;
  readonly at: GrowableFloat64;
  constructor(capacity: number) {
    this.source = new GrowableInt32(capacity);
    this.target = new GrowableInt32(capacity);
    this.amount = new GrowableFloat64(capacity);
    this.at = new GrowableFloat64(capacity);
  }
  push(source: number, target: number, amount: number, at: number): void {
    this.source.push(source);
    this.target.push(target);
    this.amount.push(Math.round(amount * 100) / 100);
    this.at.push(Math.round(at));
  }
}

/** Creates identifiers (kind + unique raw value) and records account→identifier links. */
class IdentifierFactory {
  readonly kind: GrowableInt32;
  readonly value: string[] = [];
  readonly linkAccount: GrowableInt32;
  readonly linkIdentifier: GrowableInt32;
  private readonly sequence = new Int32Array(IDENTIFIER_KINDS.length);
  private readonly deviceSalt: number;
  private readonly ipSalt: number;

  constructor(
    private readonly rng: Mulberry32,
    seed: number,
    expectedLinks: number,
  ) {
    this.kind = new GrowableInt32(expectedLinks);
    this.linkAccount = new GrowableInt32(expectedLinks);
    this.linkIdentifier = new GrowableInt32(expectedLinks);
    this.deviceSalt = mix32(seed ^ 0x5eed);
    this.ipSalt = mix32(seed ^ 0x19a7) & 0x1fffffff;
  }

  create(kind: IdentifierKind, mailDomains?: readonly string[]): number {
    const sequence = this.sequence[KIND_INDEX[kind]]++;
    const index = this.value.length;
    this.value.push(flatString(this.format(kind, sequence, mailDomains)));
    this.kind.push(KIND_INDEX[kind]);
    return index;
  }

  link(account: number, identifier: number): void {
    this.linkAccount.push(account);
    this.linkIdentifier.push(identifier);
  }

  /** Creates an identifier used by this account alone. */
  linkNew(account: number, kind: IdentifierKind, mailDomains?: readonly string[]): number {
    const identifier = this.create(kind, mailDomains);
    this.link(account, identifier);
    return identifier;
  }

  private format(kind: IdentifierKind, sequence: number, mailDomains?: readonly string[]): string {
    switch (kind) {
      case 'device':
        return deviceIdValue(sequence, this.deviceSalt, this.rng);
      case 'phone':
        return phoneValue(sequence, this.rng);
      case 'ip':
        return ipValue(sequence, this.ipSalt);
      case 'card':
        return cardNumberValue(sequence, this.rng);
      case 'address':
        return addressValue(sequence);
      case 'email':
        return emailValue(sequence, this.rng, mailDomains);
    }
  }
}

/**
 * A copy of `text` as one contiguous string. Template literals build rope (cons) strings that keep
 * every piece alive: ~250 bytes per address instead of ~60; at millions of values that doubles the
 * heap and the garbage-collection time. A JSON round trip is the cheapest portable way to flatten.
 */
function flatString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Reorders the links so they are grouped by account (stable counting sort: O(links)). */
function sortLinksByAccount(accountCount: number, account: Int32Array, identifier: Int32Array): { account: Int32Array; identifier: Int32Array } {
  const start = new Int32Array(accountCount + 1);
  for (let i = 0; i < account.length; i++) start[account[i] + 1]++;
  for (let a = 0; a < accountCount; a++) start[a + 1] += start[a];
  const sortedAccount = new Int32Array(account.length);
  const sortedIdentifier = new Int32Array(account.length);
  for (let i = 0; i < account.length; i++) {
    const position = start[account[i]]++;
    sortedAccount[position] = account[i];
    sortedIdentifier[position] = identifier[i];
  }
  return { account: sortedAccount, identifier: sortedIdentifier };
}

interface SupernodePools {
  carrierIps: number[];
  officeIps: number[];
  /** Not supernodes: small-workplace IPs, ~12 accounts each, that a cutoff keeps in the projection. */
  smallWorkplaceIps: number[];
}

/** Generates the demo graph: ordinary accounts with realistic sharing, money flows and planted rings. */
export function generateDemoDataset(options: GeneratorOptions): DemoDataset {
  const { seed, accounts: accountCount } = options;
  if (!Number.isInteger(accountCount) || accountCount < MIN_DEMO_ACCOUNTS || accountCount > MAX_DEMO_ACCOUNTS) {
    throw new RangeError(`accounts must be an integer from ${MIN_DEMO_ACCOUNTS} to ${MAX_DEMO_ACCOUNTS}, got ${accountCount}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);

  const rng = new Mulberry32(seed);
  // A midnight (UTC) in 2025, chosen by the seed: reproducible, and never "now".
  const generatedAt = Date.UTC(2025, 0, 1) + (mix32(seed) % 365) * DAY;

  const createdAt = new Float64Array(accountCount);
  const riskScore = new Float32Array(accountCount);
  const blacklisted = new Uint8Array(accountCount);
  for (let a = 0; a < accountCount; a++) {
    // Skewed towards recent sign-ups (a growing customer base), over ~3 years.
    createdAt[a] = Math.round(generatedAt - 3 * YEAR * Math.pow(rng.next(), 1.3) - rng.below(DAY));
    // Mostly low model scores with a thin high tail.
    riskScore[a] = Math.pow(rng.next(), 4) * 0.9;
  }
  function blacklist(account: number): void {
    blacklisted[account] = 1;
    riskScore[account] = 0.7 + rng.next() * 0.3;
  }

  const ids = new IdentifierFactory(rng, seed, accountCount * 8);
  const transfers = new FlowColumns(accountCount * 2);
  const payments = new FlowColumns(accountCount * 2);

  const merchantCount = Math.max(200, Math.round(accountCount / 2_000));
  const merchants = { count: merchantCount, merchantId: [] as string[], name: [] as string[], category: [] as string[] };
  for (let m = 0; m < merchantCount; m++) {
    const values = merchantValues(m, rng);
    merchants.merchantId.push(values.merchantId);
    merchants.name.push(values.name);
    merchants.category.push(values.category);
  }
  const cashOutMerchants = merchants.category.flatMap((category, m) => (CASH_OUT_CATEGORIES.has(category) ? [m] : []));

  const pools: SupernodePools = {
    carrierIps: Array.from({ length: Math.max(6, Math.round(accountCount / 2_500)) }, () => ids.create('ip')),
    // ~25% of accounts log in from work or campus; sized so an office averages ~300 accounts.
    officeIps: Array.from({ length: Math.max(8, Math.round((accountCount * 0.25) / 300)) }, () => ids.create('ip')),
    // ~12% of ordinary accounts also log in at a small workplace of ~12 accounts on average.
    smallWorkplaceIps: Array.from({ length: Math.max(4, Math.round((accountCount * 0.12) / 12)) }, () => ids.create('ip')),
  };

  // Seeded shuffle: roles are handed out along this order, so they are scattered over the index range.
  const order = new Int32Array(accountCount);
  for (let i = 0; i < accountCount; i++) order[i] = i;
  for (let i = accountCount - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }

  const ringSizes = planRingSizes(accountCount, rng);
  const ringMemberCount = ringSizes.reduce((sum, size) => sum + size, 0);
  // Accounts after the ring members in the shuffled order are ordinary: mules take money from them.
  const pickOrdinary = () => order[ringMemberCount + rng.below(accountCount - ringMemberCount)];
  const ringContext: RingContext = { rng, ids, transfers, payments, createdAt, riskScore, generatedAt, pools, merchants, cashOutMerchants, pickOrdinary };
  const plantedRings: PlantedRing[] = [];
  let cursor = 0;
  ringSizes.forEach((size, r) => {
    const members = Array.from(order.subarray(cursor, cursor + size));
    cursor += size;
    const kind = RING_KINDS[r % RING_KINDS.length];
    const description = plantRing(kind, members, ringContext);
    // About 30% of rings already have one member on the blacklist: the seeds of risk propagation.
    if (rng.chance(0.3)) blacklist(rng.pick(members));
    plantedRings.push({ ringId: `R${String(r + 1).padStart(4, '0')}`, kind, members, description });
  });

  while (cursor < accountCount) {
    const remaining = accountCount - cursor;
    // ~45% of ordinary accounts live in a household of 2-5.
    const size = remaining >= 2 && rng.chance(0.19) ? Math.min(remaining, rng.between(2, 5)) : 1;
    addOrdinaryGroup(order.subarray(cursor, cursor + size), ringContext);
    cursor += size;
  }

  addBackgroundActivity(accountCount, ringContext);
  // Confirmed fraud from the past, unrelated to the planted rings: ~0.2% of all accounts.
  for (let a = 0; a < accountCount; a++) if (rng.chance(0.002)) blacklist(a);

  const verified = markVerifiedCustomers(blacklisted, seed);
  const links = sortLinksByAccount(accountCount, ids.linkAccount.toArray(), ids.linkIdentifier.toArray());
  return {
    seed,
    generatedAt,
    accounts: { count: accountCount, createdAt, riskScore, blacklisted, verified },
    identifiers: { count: ids.value.length, kind: Uint8Array.from(ids.kind.toArray()), value: ids.value },
    identifierLinks: { count: links.account.length, account: links.account, identifier: links.identifier },
    merchants,
    transfers: {
      count: transfers.source.length,
      from: transfers.source.toArray(),
      to: transfers.target.toArray(),
      amount: transfers.amount.toArray(),
      at: transfers.at.toArray(),
    },
    payments: {
      count: payments.source.length,
      account: payments.source.toArray(),
      merchant: payments.target.toArray(),
      amount: payments.amount.toArray(),
      at: payments.at.toArray(),
    },
    plantedRings,
  };
}

/**
 * Known-good markers, as a team's verification leaves them: a share of all accounts not on the
 * blacklist, ring members included (synthetic identities pass verification too). Drawn from a PRNG
 * stream of its own, so adding the markers changed no other part of the dataset.
 */
function markVerifiedCustomers(blacklisted: Uint8Array, seed: number): Uint8Array {
  const rng = new Mulberry32(mix32(seed ^ 0x600d));
  const verified = new Uint8Array(blacklisted.length);
  for (let a = 0; a < blacklisted.length; a++) if (!blacklisted[a] && rng.chance(0.08)) verified[a] = 1;
  return verified;
}

interface RingContext {
  rng: Mulberry32;
  ids: IdentifierFactory;
  transfers: FlowColumns;
  payments: FlowColumns;
  createdAt: Float64Array;
  riskScore: Float32Array;
  generatedAt: number;
  pools: SupernodePools;
  merchants: DemoDataset['merchants'];
  cashOutMerchants: number[];
  /** A random account that belongs to no ring. */
  pickOrdinary: () => number;
}

/** About one ring per 400 accounts (at least 12), sizes 4-25 skewed small, at most a fifth of all accounts. */
function planRingSizes(accountCount: number, rng: Mulberry32): number[] {
  const ringCount = Math.max(12, Math.round(accountCount / 400));
  const maxSize = Math.min(25, Math.floor(accountCount / (5 * ringCount)));
  return Array.from({ length: ringCount }, () => 4 + Math.floor(Math.pow(rng.next(), 1.6) * (maxSize - 3)));
}

/**
 * Links the members to a pool of ring-only identifiers of one kind. Member i uses pool item i mod n,
 * and members 1..n-1 also use item 0: this makes the ring connected through the pool whatever the
 * draw, while other pooled kinds are assigned at random on top.
 */
function linkConnectedPool(members: number[], kind: IdentifierKind, poolSize: number, context: RingContext): void {
  const pool = Array.from({ length: Math.min(poolSize, members.length) }, () => context.ids.create(kind));
  members.forEach((member, i) => {
    context.ids.link(member, pool[i % pool.length]);
    if (i > 0 && i < pool.length) context.ids.link(member, pool[0]);
  });
}

/** Links each member to one random item of a ring-only pool, or to an identifier of its own when `share` fails. */
function linkRandomPool(members: number[], kind: IdentifierKind, poolSize: number, share: number, context: RingContext): number[] {
  const pool = Array.from({ length: poolSize }, () => context.ids.create(kind));
  const sharing: number[] = [];
  for (const member of members) {
    if (context.rng.chance(share)) {
      context.ids.link(member, context.rng.pick(pool));
      sharing.push(member);
    } else {
      context.ids.linkNew(member, kind);
    }
  }
  return sharing;
}

/** Gives ring members the identifiers every account has, where the ring's own pools did not. */
function linkRingBasics(members: number[], has: Partial<Record<IdentifierKind, true>>, context: RingContext, mailDomains?: readonly string[]): void {
  const { ids, rng, pools } = context;
  for (const member of members) {
    if (!has.phone) ids.linkNew(member, 'phone');
    if (!has.card) ids.linkNew(member, 'card');
    ids.linkNew(member, 'address');
    ids.linkNew(member, 'email', mailDomains);
    if (rng.chance(0.5)) ids.link(member, rng.pick(pools.carrierIps));
  }
}

/** Sets the members' opening times: `spread` ms after `start`, each. */
function openAccounts(members: number[], start: number, spread: number, context: RingContext): void {
  for (const member of members) {
    context.createdAt[member] = Math.round(start + context.rng.next() * spread);
    context.riskScore[member] = Math.pow(context.rng.next(), 2) * 0.5;
  }
}

/** Plants one ring of `kind` on `members` and returns its one-line description. */
function plantRing(kind: RingKind, members: number[], context: RingContext): string {
  const { rng, generatedAt } = context;
  const size = members.length;
  switch (kind) {
    case 'shared-identity': {
      const devices = Math.min(size, 1 + Math.floor(size / 7));
      const phones = 1 + Math.floor(size / 5);
      const cards = rng.chance(0.5) ? 1 + Math.floor(size / 10) : 0;
      openAccounts(members, generatedAt - rng.between(10, 180) * DAY, 48 * HOUR, context);
      linkConnectedPool(members, 'device', devices, context);
      linkRandomPool(members, 'phone', phones, 1, context);
      if (cards > 0) linkRandomPool(members, 'card', cards, 0.6, context);
      linkRandomPool(members, 'ip', 1, 0.7, context);
      linkRingBasics(members, { phone: true, card: cards > 0 ? true : undefined }, context, BURNER_MAIL_DOMAINS);
      const shared = [`${devices} device${devices > 1 ? 's' : ''}`, `${phones} phone${phones > 1 ? 's' : ''}`, ...(cards ? [`${cards} card${cards > 1 ? 's' : ''}`] : [])];
      return `${size} synthetic identities sharing ${shared.slice(0, -1).join(', ')} and ${shared.at(-1)}, opened within 48 h`;
    }
    case 'cash-out': {
      const devices = Math.min(size, 1 + Math.floor(size / 8));
      const windowStart = generatedAt - rng.between(2, 60) * DAY;
      openAccounts(members, windowStart - rng.between(60, 400) * DAY, 30 * DAY, context);
      linkConnectedPool(members, 'device', devices, context);
      linkRandomPool(members, 'ip', rng.between(1, 2), 0.8, context);
      linkRingBasics(members, {}, context);
      const merchant = context.cashOutMerchants.length ? rng.pick(context.cashOutMerchants) : rng.below(context.merchants.count);
      let total = 0;
      let count = 0;
      for (const member of members) {
        for (let p = rng.between(1, 3); p > 0; p--) {
          const amount = rng.pick([250, 500, 500, 1000, 1000, 2000]);
          context.payments.push(member, merchant, amount, windowStart + rng.next() * 6 * HOUR);
          total += amount;
          count++;
        }
      }
      return `${size} accounts on ${devices} shared device${devices > 1 ? 's' : ''} made ${count} round-amount payments (€${total.toLocaleString('en-US')}) to ${context.merchants.name[merchant]} within 6 h`;
    }
    case 'laundering-cycle': {
      const devices = Math.min(size, 1 + Math.floor(size / 10));
      const start = generatedAt - rng.between(2, 90) * DAY;
      openAccounts(members, start - rng.between(20, 120) * DAY, 14 * DAY, context);
      linkConnectedPool(members, 'device', devices, context);
      linkRandomPool(members, 'ip', 1, 0.6, context);
      linkRingBasics(members, {}, context);
      const rounds = rng.between(1, 2);
      const initial = rng.between(50, 500) * 100;
      let amount = initial;
      let at = start;
      for (let round = 0; round < rounds; round++) {
        for (let hop = 0; hop < size; hop++) {
          // Each hop keeps a 1-3% "fee" and follows the previous one within minutes.
          at += rng.between(5, 25) * 60_000;
          amount = Math.round(amount * (1 - 0.01 - rng.next() * 0.02) * 100) / 100;
          context.transfers.push(members[hop], members[(hop + 1) % size], amount, at);
        }
      }
      const hours = Math.max(1, Math.round((at - start) / HOUR));
      return `${size}-account money cycle (${rounds} round${rounds > 1 ? 's' : ''}) within ${hours} h: €${initial.toLocaleString('en-US')} came back as €${amount.toLocaleString('en-US')}`;
    }
    case 'mule-fan-in': {
      const devices = Math.min(size, 1 + Math.floor(size / 6));
      const windowStart = generatedAt - rng.between(2, 60) * DAY;
      openAccounts(members, windowStart - rng.between(14, 90) * DAY, 10 * DAY, context);
      linkConnectedPool(members, 'device', devices, context);
      linkRandomPool(members, 'ip', rng.between(1, 2), 0.7, context);
      linkRingBasics(members, {}, context);
      const [collector, ...mules] = members;
      let total = 0;
      for (const mule of mules) {
        // Victims' money arrives first; the mule forwards most of it within the window.
        let received = 0;
        for (let v = rng.between(1, 2); v > 0; v--) {
          const amount = rng.between(300, 2_500);
          context.transfers.push(context.pickOrdinary(), mule, amount, windowStart + rng.next() * 12 * HOUR);
          received += amount;
        }
        const forwarded = received * (0.85 + rng.next() * 0.1);
        context.transfers.push(mule, collector, forwarded, windowStart + 12 * HOUR + rng.next() * 24 * HOUR);
        total += forwarded;
      }
      return `${mules.length} mules forwarding €${Math.round(total).toLocaleString('en-US')} to collector ${userIdOf(collector)} within 36 h`;
    }
  }
}

/** One household (2-5 accounts) or a single: identifiers, legitimate sharing and household money flows. */
function addOrdinaryGroup(group: Int32Array, context: RingContext): void {
  const { ids, rng, pools } = context;
  const size = group.length;
  const address = ids.create('address');
  const homeIp = ids.create('ip');
  const familyDevice = size > 1 && rng.chance(0.4) ? ids.create('device') : -1;
  const jointCard = size > 1 && rng.chance(0.3) ? ids.create('card') : -1;
  const familyPhone = size > 1 && rng.chance(0.2) ? ids.create('phone') : -1;
  group.forEach((account, i) => {
    ids.link(account, address);
    ids.link(account, homeIp);
    if (familyDevice >= 0 && (i < 2 || rng.chance(0.5))) ids.link(account, familyDevice);
    if (familyPhone >= 0 && i < 2) ids.link(account, familyPhone);
    else ids.linkNew(account, 'phone');
    if (jointCard >= 0 && i < 2) ids.link(account, jointCard);
    if (jointCard < 0 || i >= 2 || rng.chance(0.5)) ids.linkNew(account, 'card');
    if (rng.chance(0.15)) ids.linkNew(account, 'card');
    ids.linkNew(account, 'device');
    if (rng.chance(0.2)) ids.linkNew(account, 'device');
    ids.linkNew(account, 'email');
    if (rng.chance(0.55)) ids.link(account, rng.pick(pools.carrierIps));
    // Skewed office sizes: a few universities and large employers, many mid-sized offices.
    if (rng.chance(0.25)) ids.link(account, pools.officeIps[Math.floor(Math.pow(rng.next(), 1.6) * pools.officeIps.length)]);
    if (rng.chance(0.12)) ids.link(account, rng.pick(pools.smallWorkplaceIps));
  });
  if (size < 2) return;
  // Shared rent and bills: a few monthly series between household members.
  for (let series = rng.between(1, 3); series > 0; series--) {
    const from = group[rng.below(size)];
    let to = group[rng.below(size - 1)];
    if (to === from) to = group[size - 1];
    const amount = rng.between(5, 80) * 10;
    const start = Math.max(context.createdAt[from], context.createdAt[to]);
    for (let month = rng.between(1, 6); month > 0; month--) {
      const at = context.generatedAt - month * 30 * DAY + rng.next() * DAY;
      if (at > start) context.transfers.push(from, to, amount, at);
    }
  }
}

/** Everyday noise over all accounts: small transfers between random accounts and card payments at popular merchants. */
function addBackgroundActivity(accountCount: number, context: RingContext): void {
  const { rng, createdAt, generatedAt, merchants } = context;
  const after = (earliest: number) => earliest + rng.next() * (generatedAt - earliest);
  for (let t = Math.round(accountCount * 0.8); t > 0; t--) {
    const from = rng.below(accountCount);
    const to = rng.below(accountCount);
    if (from === to) continue;
    context.transfers.push(from, to, 5 + Math.exp(rng.next() * 6), after(Math.max(createdAt[from], createdAt[to])));
  }
  for (let account = 0; account < accountCount; account++) {
    for (let p = rng.below(5); p > 0; p--) {
      // Popularity is skewed: a few supermarkets and fuel stations take most payments.
      const merchant = Math.floor(Math.pow(rng.next(), 2) * merchants.count);
      context.payments.push(account, merchant, 3 + Math.exp(rng.next() * 5.3), after(createdAt[account]));
    }
  }
}
