import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../main/api';
import type { RingDetectionInput } from '../../../main/core/analytics/input';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** An arbitrary fixed "now" for hand-built graphs. */
export const T0 = Date.UTC(2025, 5, 1);

export interface GraphSpec {
  accounts: number;
  /** Each identifier: its kind and the accounts linked to it (repeats make duplicate links). */
  identifiers?: { kind: IdentifierKind; members: number[] }[];
  transfers?: { from: number; to: number; amount: number; at: number }[];
  payments?: { account: number; merchant: number; amount: number; at: number }[];
  blacklisted?: number[];
  /**
   * Direct account links (calls, referrals, payment nodes between accounts) with their mapped weights;
   * `flow` marks one money flow or event (a transfer, a transaction node), not a standing relationship.
   */
  accountLinks?: { from: number; to: number; weight: number; flow?: boolean }[];
  /** Opening time per account; accounts not listed were opened years apart from each other. */
  createdAt?: Record<number, number>;
}

/** Builds the columnar ring-detection input from a readable description of a small graph. */
export function graph(spec: GraphSpec): RingDetectionInput {
  const identifiers = spec.identifiers ?? [];
  const links = identifiers.flatMap(({ members }, identifier) => members.map((account) => ({ account, identifier })));
  links.sort((a, b) => a.account - b.account);
  const transfers = spec.transfers ?? [];
  const payments = spec.payments ?? [];
  const createdAt = Float64Array.from({ length: spec.accounts }, (_, a) => spec.createdAt?.[a] ?? T0 - (a + 1) * 40 * DAY);
  const blacklisted = new Uint8Array(spec.accounts);
  for (const account of spec.blacklisted ?? []) blacklisted[account] = 1;
  return {
    accounts: { count: spec.accounts, createdAt, blacklisted },
    identifiers: { count: identifiers.length, kind: Uint8Array.from(identifiers, ({ kind }) => IDENTIFIER_KINDS.indexOf(kind)) },
    identifierLinks: {
      count: links.length,
      account: Int32Array.from(links, (link) => link.account),
      identifier: Int32Array.from(links, (link) => link.identifier),
    },
    transfers: {
      count: transfers.length,
      from: Int32Array.from(transfers, (t) => t.from),
      to: Int32Array.from(transfers, (t) => t.to),
      amount: Float64Array.from(transfers, (t) => t.amount),
      at: Float64Array.from(transfers, (t) => t.at),
    },
    payments: {
      count: payments.length,
      account: Int32Array.from(payments, (p) => p.account),
      merchant: Int32Array.from(payments, (p) => p.merchant),
      amount: Float64Array.from(payments, (p) => p.amount),
      at: Float64Array.from(payments, (p) => p.at),
    },
    ...(spec.accountLinks && {
      accountLinks: {
        count: spec.accountLinks.length,
        from: Int32Array.from(spec.accountLinks, (link) => link.from),
        to: Int32Array.from(spec.accountLinks, (link) => link.to),
        weight: Float64Array.from(spec.accountLinks, (link) => link.weight),
        flow: Uint8Array.from(spec.accountLinks, (link) => (link.flow ? 1 : 0)),
      },
    }),
  };
}

/** Identifiers of one kind, each shared by the given group of accounts. */
export function shared(kind: IdentifierKind, ...groups: number[][]): { kind: IdentifierKind; members: number[] }[] {
  return groups.map((members) => ({ kind, members }));
}
