import type { IdentifierKind, RingKind } from '../../api';

/**
 * The demo graph in columnar form (typed arrays), so the same generator can make 20k accounts for
 * the embedded default and 1M accounts for benchmarks without millions of small objects.
 * Indexes are positions: account i, identifier j, merchant k.
 */
export interface DemoDataset {
  seed: number;
  /** Reference "now" of the dataset (epoch ms): all timestamps lie before it. */
  generatedAt: number;
  accounts: {
    count: number;
    /** Epoch ms when the account was opened. */
    createdAt: Float64Array;
    /** Model risk score in [0, 1]. */
    riskScore: Float32Array;
    /** 1 when the account is already on the blacklist. */
    blacklisted: Uint8Array;
    /** 1 when the team verified the customer (a known-good marker; fraudsters sometimes pass verification too). */
    verified: Uint8Array;
  };
  identifiers: {
    count: number;
    /** Index into IDENTIFIER_KINDS for each identifier. */
    kind: Uint8Array;
    /** Raw value (device id, phone number, IP, card number, address line, e-mail). */
    value: string[];
  };
  /** Account → identifier links, sorted by account. */
  identifierLinks: { count: number; account: Int32Array; identifier: Int32Array };
  merchants: { count: number; merchantId: string[]; name: string[]; category: string[] };
  /** Account → account money transfers. */
  transfers: { count: number; from: Int32Array; to: Int32Array; amount: Float64Array; at: Float64Array };
  /** Account → merchant card payments. */
  payments: { count: number; account: Int32Array; merchant: Int32Array; amount: Float64Array; at: Float64Array };
  /** Ground truth: the rings the generator planted. */
  plantedRings: PlantedRing[];
}

export interface PlantedRing {
  ringId: string;
  kind: RingKind;
  /** Account indexes of the ring's members. */
  members: number[];
  /** One line an investigator would understand, e.g. "6 synthetic identities sharing 2 devices and 3 phones". */
  description: string;
}

export interface GeneratorOptions {
  seed: number;
  accounts: number;
}

export const DEFAULT_DEMO_OPTIONS: GeneratorOptions = { seed: 20261125, accounts: 20_000 };

/** Business id of account i: the demo schema's `User.userId`. */
export function userIdOf(index: number): string {
  return `U${String(index).padStart(7, '0')}`;
}


export type { IdentifierKind };
