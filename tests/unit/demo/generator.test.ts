import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, RING_KINDS } from '../../../main/api';
import type { DemoDataset, PlantedRing } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { luhnCheckDigit } from '../../../main/core/demo/identifier-values';

const HOUR = 3_600_000;

function datasetHash(dataset: DemoDataset): string {
  const hash = createHash('sha256');
  const { accounts, identifiers, identifierLinks, transfers, payments, merchants } = dataset;
  for (const column of [accounts.createdAt, accounts.riskScore, accounts.blacklisted, identifiers.kind, identifierLinks.account, identifierLinks.identifier,
    transfers.from, transfers.to, transfers.amount, transfers.at, payments.account, payments.merchant, payments.amount, payments.at]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  hash.update(JSON.stringify([dataset.generatedAt, identifiers.value, merchants, dataset.plantedRings]));
  return hash.digest('hex');
}

/** Identifier index → accounts using it. */
function accountsByIdentifier(dataset: DemoDataset): Map<number, number[]> {
  const byIdentifier = new Map<number, number[]>();
  for (let l = 0; l < dataset.identifierLinks.count; l++) {
    const identifier = dataset.identifierLinks.identifier[l];
    const list = byIdentifier.get(identifier) ?? [];
    list.push(dataset.identifierLinks.account[l]);
    byIdentifier.set(identifier, list);
  }
  return byIdentifier;
}

function transfersAmong(dataset: DemoDataset, members: Set<number>) {
  const result: { from: number; to: number; amount: number; at: number }[] = [];
  for (let t = 0; t < dataset.transfers.count; t++) {
    const { from, to, amount, at } = dataset.transfers;
    if (members.has(from[t]) && members.has(to[t])) result.push({ from: from[t], to: to[t], amount: amount[t], at: at[t] });
  }
  return result;
}

describe('generateDemoDataset', () => {
  let dataset: DemoDataset;
  let sharedBy: Map<number, number[]>;
  beforeAll(() => {
    dataset = generateDemoDataset({ seed: 42, accounts: 20_000 });
    sharedBy = accountsByIdentifier(dataset);
  });
  const ringsOf = (kind: PlantedRing['kind']) => dataset.plantedRings.filter((ring) => ring.kind === kind);

  it('makes the same dataset for the same seed and a different one for another seed', () => {
    const hash = datasetHash(dataset);
    expect(datasetHash(generateDemoDataset({ seed: 42, accounts: 20_000 }))).toBe(hash);
    expect(datasetHash(generateDemoDataset({ seed: 43, accounts: 20_000 }))).not.toBe(hash);
  });

  it('makes as many accounts as asked, with timestamps over ~3 years before generatedAt', () => {
    const small = generateDemoDataset({ seed: 1, accounts: 3_000 });
    expect(small.accounts.count).toBe(3_000);
    expect(small.accounts.createdAt).toHaveLength(3_000);
    expect(Math.max(...small.identifierLinks.account)).toBeLessThan(3_000);
    const created = Array.from(dataset.accounts.createdAt);
    expect(Math.max(...created)).toBeLessThan(dataset.generatedAt);
    expect(dataset.generatedAt - Math.min(...created)).toBeGreaterThan(2.5 * 365 * 24 * HOUR);
    expect(Math.max(...dataset.transfers.at, ...dataset.payments.at)).toBeLessThanOrEqual(dataset.generatedAt);
  });

  it('rejects sizes it cannot plant rings in', () => {
    expect(() => generateDemoDataset({ seed: 1, accounts: 50 })).toThrow(RangeError);
  });

  it('gives accounts ~7 identifier links of every kind, with mostly low risk scores and ~0.2% blacklisted', () => {
    expect(dataset.identifierLinks.count / dataset.accounts.count).toBeGreaterThan(5);
    expect(dataset.identifierLinks.count / dataset.accounts.count).toBeLessThan(9);
    const kinds = new Set(dataset.identifiers.kind);
    expect(kinds.size).toBe(IDENTIFIER_KINDS.length);
    const risk = Array.from(dataset.accounts.riskScore).sort((a, b) => a - b);
    expect(risk[0]).toBeGreaterThanOrEqual(0);
    expect(risk.at(-1)).toBeLessThanOrEqual(1);
    expect(risk[Math.floor(risk.length / 2)]).toBeLessThan(0.2);
    const blacklisted = dataset.accounts.blacklisted.reduce((sum, flag) => sum + flag, 0);
    expect(blacklisted).toBeGreaterThan(20);
    expect(blacklisted).toBeLessThan(150);
  });

  it('links every account once at most to each identifier, sorted by account', () => {
    const { account, identifier } = dataset.identifierLinks;
    const pairs = new Set<string>();
    let outOfOrder = 0;
    for (let l = 0; l < account.length; l++) {
      if (l > 0 && account[l] < account[l - 1]) outOfOrder++;
      pairs.add(`${account[l]}:${identifier[l]}`);
    }
    expect(outOfOrder).toBe(0);
    expect(pairs.size).toBe(account.length);
  });

  it('makes realistic, unique identifier values', () => {
    const { kind, value } = dataset.identifiers;
    const patterns: Record<string, RegExp> = {
      device: /^dev-[0-9a-f]{12}$/,
      phone: /^\+[1-9]\d{9,13}$/,
      ip: /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/,
      card: /^\d{16}$/,
      address: /^.+ \d+(, Apt \d+)?, \d{5} .+$/,
      email: /^[a-z]+\.[a-z]+\d*@[a-z.-]+$/,
    };
    const seen = new Set<string>();
    const malformed: string[] = [];
    for (let j = 0; j < value.length; j++) {
      const kindName = IDENTIFIER_KINDS[kind[j]];
      const wellFormed =
        patterns[kindName].test(value[j]) &&
        (kindName !== 'card' || luhnCheckDigit(value[j].slice(0, 15)) === Number(value[j][15])) &&
        (kindName !== 'ip' || value[j].split('.').every((octet) => Number(octet) <= 255));
      if (!wellFormed) malformed.push(`${kindName}: ${value[j]}`);
      seen.add(`${kindName}:${value[j]}`);
    }
    expect(malformed.slice(0, 5)).toEqual([]);
    expect(seen.size).toBe(value.length);
  });

  it('has supernode IPs shared by hundreds of accounts and households of at most 5 sharing an address', () => {
    let largestIp = 0;
    let largestAddress = 0;
    for (const [identifier, accounts] of sharedBy) {
      const kind = IDENTIFIER_KINDS[dataset.identifiers.kind[identifier]];
      if (kind === 'ip') largestIp = Math.max(largestIp, accounts.length);
      if (kind === 'address') largestAddress = Math.max(largestAddress, accounts.length);
    }
    expect(largestIp).toBeGreaterThan(200);
    expect(largestAddress).toBeGreaterThanOrEqual(2);
    expect(largestAddress).toBeLessThanOrEqual(5);
  });

  it('plants about one ring per 400 accounts, of all four kinds, each with 4-25 distinct members', () => {
    expect(dataset.plantedRings.length).toBe(50);
    expect(new Set(dataset.plantedRings.map((ring) => ring.kind))).toEqual(new Set(RING_KINDS));
    const allMembers = dataset.plantedRings.flatMap((ring) => ring.members);
    expect(new Set(allMembers).size).toBe(allMembers.length);
    for (const ring of dataset.plantedRings) {
      expect(ring.members.length).toBeGreaterThanOrEqual(4);
      expect(ring.members.length).toBeLessThanOrEqual(25);
      expect(ring.description).toMatch(/\d/);
    }
    expect(generateDemoDataset({ seed: 3, accounts: 1_000 }).plantedRings.length).toBe(12);
  });

  it('connects each ring through identifiers that no account outside the ring shares', () => {
    for (const ring of dataset.plantedRings) {
      const members = new Set(ring.members);
      const reached = new Set([ring.members[0]]);
      const queue = [ring.members[0]];
      const linksOf = new Map<number, number[]>();
      for (const [identifier, accounts] of sharedBy) {
        if (accounts.length < 2 || accounts.length > 50) continue; // supernodes are excluded by any detector
        if (accounts.some((a) => members.has(a))) {
          expect(accounts.every((a) => members.has(a)), `identifier ${identifier} of ${ring.ringId} is shared with outsiders`).toBe(true);
          for (const a of accounts) linksOf.set(a, [...(linksOf.get(a) ?? []), identifier]);
        }
      }
      while (queue.length) {
        const account = queue.pop()!;
        for (const identifier of linksOf.get(account) ?? []) {
          for (const other of sharedBy.get(identifier)!) {
            if (reached.has(other)) continue;
            reached.add(other);
            queue.push(other);
          }
        }
      }
      expect(reached.size, `${ring.ringId} (${ring.kind}) is not connected`).toBe(ring.members.length);
    }
  });

  it('opens shared-identity accounts within 48 hours', () => {
    for (const ring of ringsOf('shared-identity')) {
      const opened = ring.members.map((m) => dataset.accounts.createdAt[m]);
      expect(Math.max(...opened) - Math.min(...opened)).toBeLessThanOrEqual(48 * HOUR);
    }
  });

  it('has every cash-out ring pay one merchant in round amounts within hours', () => {
    for (const ring of ringsOf('cash-out')) {
      const members = new Set(ring.members);
      const { account, merchant, amount, at } = dataset.payments;
      const roundPayments = [];
      for (let p = 0; p < dataset.payments.count; p++) {
        if (members.has(account[p]) && amount[p] >= 250 && amount[p] % 250 === 0) roundPayments.push({ merchant: merchant[p], at: at[p], account: account[p] });
      }
      const merchants = new Set(roundPayments.map((p) => p.merchant));
      expect(merchants.size).toBe(1);
      expect(new Set(roundPayments.map((p) => p.account))).toEqual(members);
      const times = roundPayments.map((p) => p.at);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(6 * HOUR);
    }
  });

  it('has every laundering ring move money around a directed cycle within hours, losing a little per hop', () => {
    for (const ring of ringsOf('laundering-cycle')) {
      const flows = transfersAmong(dataset, new Set(ring.members)).sort((a, b) => a.at - b.at);
      // Following the first transfer's chain visits every member and returns to its start.
      const next = new Map(flows.map((flow) => [flow.from, flow.to]));
      const start = flows[0].from;
      let current = start;
      const visited = new Set<number>();
      do {
        visited.add(current);
        current = next.get(current)!;
      } while (current !== start && !visited.has(current));
      expect(current).toBe(start);
      expect(visited.size).toBe(ring.members.length);
      expect(flows.at(-1)!.at - flows[0].at).toBeLessThan(24 * HOUR);
      for (let i = 1; i < flows.length; i++) expect(flows[i].amount).toBeLessThan(flows[i - 1].amount);
    }
  });

  it('has every mule ring send money from all mules into one collector within a short window', () => {
    for (const ring of ringsOf('mule-fan-in')) {
      const flows = transfersAmong(dataset, new Set(ring.members));
      const receivers = new Set(flows.map((flow) => flow.to));
      expect(receivers.size).toBe(1);
      const [collector] = receivers;
      expect(new Set(flows.map((flow) => flow.from))).toEqual(new Set(ring.members.filter((m) => m !== collector)));
      const times = flows.map((flow) => flow.at);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(36 * HOUR);
    }
  });

  it('puts some ring members on the blacklist already', () => {
    const withBlacklisted = dataset.plantedRings.filter((ring) => ring.members.some((m) => dataset.accounts.blacklisted[m] === 1));
    expect(withBlacklisted.length).toBeGreaterThanOrEqual(5);
    expect(withBlacklisted.length).toBeLessThan(dataset.plantedRings.length);
  });

  it('marks a share of customers verified (known-good), never a blacklisted one, ring members not spared', () => {
    const { verified, blacklisted, count } = dataset.accounts;
    const verifiedCount = verified.reduce((sum, flag) => sum + flag, 0);
    expect(verifiedCount / count).toBeGreaterThan(0.05);
    expect(verifiedCount / count).toBeLessThan(0.12);
    expect(verified.some((flag, a) => flag === 1 && blacklisted[a] === 1)).toBe(false);
    expect(dataset.plantedRings.some((ring) => ring.members.some((member) => verified[member] === 1))).toBe(true);
  });
});
