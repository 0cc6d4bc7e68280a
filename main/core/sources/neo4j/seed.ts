/**
 * Writes a generated demo dataset into Neo4j under the demo schema, in batches of UNWIND rows:
 * constraints first (so each MERGE is an index seek), then accounts, identifiers with their links,
 * merchants, transfers, payments and a marker node naming the dataset. Every write MERGEs on keys,
 * so a re-run changes nothing.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { IDENTIFIER_KINDS } from '../../../api';
import { graphQueries, statementsOf, type QueryName, type QuotedName } from '../../../../graph-queries/catalog';
import { userIdOf, type DemoDataset } from '../../demo/dataset';
import { DEMO_SCHEMA_MAPPING, identifierPlaceholders, type ValidatedMapping } from '../../schema/schema-mapping';
import type { Neo4jClient } from './neo4j-client';

export interface SeedProgress {
  stage: string;
  done: number;
  total: number;
}

export const SEED_BATCH_ROWS = 5_000;

/** Epoch milliseconds as a Cypher integer (a JavaScript number would arrive as a float). */
const epochInt = (ms: number) => neo4j.int(Math.round(ms));

/** The stages and their row counts, so a progress bar can show the whole job from the start. */
export function seedPlan(dataset: DemoDataset): SeedProgress[] {
  return [
    { stage: 'accounts', done: 0, total: dataset.accounts.count },
    { stage: 'identifiers', done: 0, total: dataset.identifiers.count },
    { stage: 'merchants', done: 0, total: dataset.merchants.count },
    { stage: 'transfers', done: 0, total: dataset.transfers.count },
    { stage: 'payments', done: 0, total: dataset.payments.count },
  ];
}

/**
 * A digest of the dataset's content: the same seed and size give a different graph whenever the
 * generator changes, and a test database seeded by an older generator must then be seeded again.
 */
export function datasetFingerprint(dataset: DemoDataset): string {
  const hash = createHash('sha256');
  const { accounts, identifiers, identifierLinks, transfers, payments } = dataset;
  for (const column of [accounts.createdAt, accounts.riskScore, accounts.blacklisted, identifiers.kind, identifierLinks.account, identifierLinks.identifier, transfers.from, transfers.to, transfers.amount, transfers.at, payments.account, payments.merchant, payments.amount, payments.at]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  hash.update(identifiers.value.join('\n'));
  return hash.digest('hex').slice(0, 16);
}

/** Which demo dataset the database holds (by its fingerprint), or null when it holds none. */
export async function readSeedFingerprint(client: Neo4jClient): Promise<string | null> {
  const [row] = await client.read('seed-marker-read', {});
  return row?.fingerprint ?? null;
}

/** Deletes every node and relationship, in batches so the transaction state stays small. */
export async function wipeGraph(client: Neo4jClient): Promise<void> {
  for (;;) {
    const [row] = await client.write('wipe-graph-batch', { batch: 10_000 });
    if (!row || row.deleted === 0) return;
  }
}

/** Creates the demo schema's full-text and text indexes for search (idempotent) and waits until they are online. */
export async function ensureSearchIndexes(client: Neo4jClient): Promise<void> {
  for (const statement of statementsOf(graphQueries['search-indexes'].text)) await client.writeStatement(statement);
}

/** Seeds the dataset; `onProgress` gets (stage, rows done, stage total) after every batch. */
export async function seedDemoDataset(client: Neo4jClient, dataset: DemoDataset, onProgress?: (progress: SeedProgress) => void): Promise<void> {
  for (const statement of statementsOf(graphQueries.constraints.text)) await client.writeStatement(statement);
  const mapping = DEMO_SCHEMA_MAPPING as ValidatedMapping;

  /** Writes `total` rows in batches; progress counts from `doneBefore` towards `stageTotal`. */
  const writeBatches = async (
    query: Extract<QueryName, `seed-${string}`>,
    stage: string,
    total: number,
    rowAt: (i: number) => Record<string, unknown>,
    { names = {}, doneBefore = 0, stageTotal = total }: { names?: Record<string, QuotedName>; doneBefore?: number; stageTotal?: number } = {},
  ) => {
    for (let start = 0; start < total; start += SEED_BATCH_ROWS) {
      const end = Math.min(total, start + SEED_BATCH_ROWS);
      const rows = Array.from({ length: end - start }, (_, i) => rowAt(start + i));
      await client.write(query as 'seed-accounts', { rows }, { names, timeoutMs: 300_000 });
      onProgress?.({ stage, done: doneBefore + end, total: stageTotal });
    }
  };

  const { accounts, identifiers, identifierLinks, merchants, transfers, payments } = dataset;
  await writeBatches('seed-accounts', 'accounts', accounts.count, (i) => ({
    userId: userIdOf(i),
    createdAt: epochInt(accounts.createdAt[i]),
    // Stored as the embedded graph shows it: four decimals.
    riskScore: Math.round(accounts.riskScore[i] * 10_000) / 10_000,
    blacklisted: accounts.blacklisted[i] === 1,
  }));

  const usersOfIdentifier: string[][] = Array.from({ length: identifiers.count }, () => []);
  for (let l = 0; l < identifierLinks.count; l++) usersOfIdentifier[identifierLinks.identifier[l]].push(userIdOf(identifierLinks.account[l]));
  let identifiersDone = 0;
  for (const [kindIndex, kind] of IDENTIFIER_KINDS.entries()) {
    const ofKind: number[] = [];
    for (let j = 0; j < identifiers.count; j++) if (identifiers.kind[j] === kindIndex) ofKind.push(j);
    const entry = mapping.identifiers.find((identifier) => identifier.kind === kind);
    const names = entry ? identifierPlaceholders(entry) : {};
    const rowAt = (i: number) => ({ value: identifiers.value[ofKind[i]], userIds: usersOfIdentifier[ofKind[i]] });
    await writeBatches('seed-identifiers', 'identifiers', ofKind.length, rowAt, { names, doneBefore: identifiersDone, stageTotal: identifiers.count });
    identifiersDone += ofKind.length;
  }

  await writeBatches('seed-merchants', 'merchants', merchants.count, (i) => ({
    merchantId: merchants.merchantId[i],
    name: merchants.name[i],
    category: merchants.category[i],
  }));
  await writeBatches('seed-transfers', 'transfers', transfers.count, (i) => ({
    from: userIdOf(transfers.from[i]),
    to: userIdOf(transfers.to[i]),
    amount: transfers.amount[i],
    at: epochInt(transfers.at[i]),
  }));
  await writeBatches('seed-payments', 'payments', payments.count, (i) => ({
    userId: userIdOf(payments.account[i]),
    merchantId: merchants.merchantId[payments.merchant[i]],
    amount: payments.amount[i],
    at: epochInt(payments.at[i]),
  }));
  await ensureSearchIndexes(client);
  await client.write('seed-marker', { seed: dataset.seed, accounts: accounts.count, fingerprint: datasetFingerprint(dataset) });
}
