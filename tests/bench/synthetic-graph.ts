/**
 * A synthetic team graph of any size, served as the Neo4j client serves rows (the `stream` of the
 * catalog queries loadSubgraph runs), so the scale benchmark runs the product's own load code with
 * only the driver replaced. Nothing is held: each page of rows is generated from the account
 * numbers in the page's parameters, and each row is a fresh object, as the driver hands them over.
 *
 * Its shape follows the demo graph at 1M accounts (7.4 identifier links, 1.5 transfers and 2
 * payments per account; seven in ten identifier links go to an identifier no other account uses):
 * per account, 5 phone/device/e-mail/card links (two in five accounts share the phone with one other
 * account), 1 address (shared by a household of 3 for a quarter of the accounts), 1 IP shared by 100
 * accounts (a hub above the cutoff), `transfersPerAccount` transfers (one in 50 accounts passes
 * money round a ring of 5) and the rest of `linksPerAccount` as payments.
 */
import type { QueryName, QueryParams, QueryRow } from '../../graph-queries/catalog';
import { DEMO_SCHEMA_MAPPING, type ValidatedMapping } from '../../main/core/schema/schema-mapping';
import type { SubgraphRow } from '../../main/core/sources/neo4j/subgraph-accumulator';
import type { SubgraphRowSource } from '../../main/core/sources/neo4j/subgraph-load';

export const SYNTHETIC_MAPPING = DEMO_SCHEMA_MAPPING as ValidatedMapping;

const OWN_IDENTIFIERS = 5;
const HOUSEHOLD = 3;
const IP_SHARERS = 100;
const RING = 5;
const MERCHANTS = 200;
const DAY_MS = 86_400_000;
const START_MS = Date.parse('2025-01-01T00:00:00Z');
/** Element ids as Neo4j 5 writes them: `4:<database uuid>:<node id>`. */
const ELEMENT_PREFIX = '4:0c7a3e52-9d61-4f0b-8a2e-5b1f9c4d7e30:';
const IDENTIFIER_TYPES = ['HAS_PHONE', 'USES_DEVICE', 'HAS_EMAIL', 'HAS_CARD', 'USES_DEVICE'] as const;

const accountId = (index: number) => `U${String(index).padStart(7, '0')}`;
const accountIndex = (id: string) => Number(id.slice(1));

/** A deterministic hash of an account number and a salt, in [0, 1). */
function unit(index: number, salt: number): number {
  let x = Math.imul(index ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

export interface SyntheticGraphSize {
  accounts: number;
  /** Relationships per account, all kinds together. */
  linksPerAccount: number;
  transfersPerAccount: number;
}

export function syntheticRowSource({ accounts, linksPerAccount, transfersPerAccount }: SyntheticGraphSize): SubgraphRowSource {
  const identifierLinks = OWN_IDENTIFIERS + 2;
  const payments = linksPerAccount - identifierLinks - transfersPerAccount;
  if (payments < 0) throw new Error('linksPerAccount must leave room for identifier links and transfers');
  /** Whole counts per account that add up to the fractional rates over the graph. */
  const countAt = (rate: number, index: number) => Math.floor(rate * (index + 1)) - Math.floor(rate * index);
  const accountFields = (index: number) => ({
    createdAt: START_MS + Math.floor(unit(index, 1) * 300) * DAY_MS,
    blacklisted: unit(index, 2) < 0.005,
  });
  const rowsOf = (index: number): SubgraphRow[] => {
    const id = accountId(index);
    const own = accountFields(index);
    // One literal per row (not spreads): the generator should cost little next to the load it feeds.
    const make = (row: SubgraphRow['row'], type: string | null, target: string | null, sharedBy: number | null, amount: number | null, at: number | null, receiver = -1): SubgraphRow => ({
      accountId: id,
      createdAt: own.createdAt,
      blacklisted: own.blacklisted,
      knownGood: null,
      row,
      type,
      target,
      sharedBy,
      amount,
      at,
      targetCreatedAt: receiver < 0 ? null : accountFields(receiver).createdAt,
      targetBlacklisted: receiver < 0 ? null : accountFields(receiver).blacklisted,
      targetKnownGood: null,
    });
    const rows: SubgraphRow[] = [make('account', null, null, null, null, null)];
    const link = (type: string, node: number, sharedBy: number) => rows.push(make('link', type, `${ELEMENT_PREFIX}${node}`, sharedBy, null, null));
    // Two in five accounts share their phone with the next account (a pair is no cluster, but joins households).
    const pairedPhone = Math.floor(index / 2) % 5 < 2 && (index % 2 === 0 ? index + 1 < accounts : true);
    if (pairedPhone) link(IDENTIFIER_TYPES[0], accounts * 7 + Math.floor(index / 2), 2);
    for (let k = pairedPhone ? 1 : 0; k < OWN_IDENTIFIERS; k++) link(IDENTIFIER_TYPES[k], accounts + index * OWN_IDENTIFIERS + k, 1);
    // One in four blocks of 3 accounts is a household sharing an address; the others live alone.
    const household = Math.floor(index / HOUSEHOLD);
    const shared = household % 4 === 0 && accounts - household * HOUSEHOLD >= HOUSEHOLD;
    link('LIVES_AT', shared ? accounts * 8 + household : accounts * 9 + index, shared ? HOUSEHOLD : 1);
    link('USES_IP', accounts * 10 + (index % Math.ceil(accounts / IP_SHARERS)), IP_SHARERS);
    const at = START_MS + Math.floor(unit(index, 3) * 300 * DAY_MS);
    const transfer = (receiver: number, amount: number, when: number) => rows.push(make('transfer', 'TRANSFERRED_TO', accountId(receiver), null, amount, when, receiver));
    let transfers = countAt(transfersPerAccount, index);
    // Every 50th block of 5 accounts passes money round a ring, each hop keeping a small cut, in place of a transfer of its own.
    if (Math.floor(index / RING) % 50 === 0 && accounts - (index - (index % RING)) >= RING) {
      const hop = index % RING;
      transfer(index - hop + ((hop + 1) % RING), 9_000 - hop * 100, START_MS + Math.floor(index / RING) * DAY_MS + hop * 3_600_000);
      transfers--;
    }
    for (let t = 0; t < transfers; t++) transfer(Math.floor(unit(index, 10 + t) * accounts), Math.round(unit(index, 20 + t) * 500_000) / 100, at + t * 60_000);
    for (let p = 0; p < countAt(payments, index); p++) {
      rows.push(make('payment', 'PAID', `M${String(Math.floor(unit(index, 30 + p) * MERCHANTS)).padStart(5, '0')}`, null, Math.round(unit(index, 40 + p) * 100_000) / 100, at + p * 120_000));
    }
    return rows;
  };

  async function stream<N extends QueryName>(name: N, params: QueryParams<N>, onRow: (row: QueryRow<N>) => boolean | void): Promise<number> {
    // A page arrives as the driver delivers it: after a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    let rows = 0;
    if (name === 'all-account-ids') {
      for (let index = 0; index < accounts; index++) {
        rows++;
        if (onRow({ accountId: accountId(index) } as QueryRow<N>) === false) break;
        if ((index & 0xffff) === 0xffff) await new Promise((resolve) => setImmediate(resolve));
      }
      return rows;
    }
    if (name !== 'subgraph-around-accounts') return 0;
    for (const id of (params as QueryParams<'subgraph-around-accounts'>).accountIds) {
      for (const row of rowsOf(accountIndex(id))) {
        rows++;
        if (onRow(row as QueryRow<N>) === false) return rows;
      }
    }
    return rows;
  }

  return {
    stream: stream as SubgraphRowSource['stream'],
    read: (name) => Promise.reject(new Error(`The synthetic graph serves whole-graph loads only, not ${name}`)),
  };
}
