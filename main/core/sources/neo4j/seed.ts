/**
 * Writes a generated demo dataset into an empty Neo4j database under the demo schema: constraints
 * first (so every account or merchant lookup is an index seek), then accounts, identifiers with their
 * links, merchants, transfers, payments and a marker node naming the dataset. Bulk CREATEs in big
 * UNWIND batches: seeding refuses a database that holds anything (wipe it first), since CREATE on a
 * seeded one would double every node.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../api';
import { graphQueries, quoteName, statementsOf, type QueryName, type QuotedName } from '../../../../graph-queries/catalog';
import { userIdOf, type DemoDataset } from '../../demo/dataset';
import { DEMO_SCHEMA_MAPPING, identifierPlaceholders, type ValidatedMapping } from '../../schema/schema-mapping';
import type { Neo4jClient } from './neo4j-client';

export interface SeedProgress {
  stage: string;
  done: number;
  total: number;
}

/** Rows per write: big batches amortise the round trip and the commit; 20k rows stay well inside a 2 GB heap. */
export const SEED_BATCH_ROWS = 20_000;

/** Epoch milliseconds as a Cypher integer (a JavaScript number would arrive as a float). */
export const epochInt = (ms: number) => neo4j.int(Math.round(ms));

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

/** Refuses to seed into a database that holds any node: bulk CREATEs would duplicate what is there. */
export async function requireEmptyDatabase(client: Neo4jClient): Promise<void> {
  const [{ nodes }] = await client.read('count-graph', {});
  if (nodes > 0) throw new Error(`The database holds ${nodes} nodes; seeding writes only into an empty database (wipe it first, e.g. seed:neo4j --wipe)`);
}

type SeedQuery = Extract<QueryName, `seed-${string}`>;

/**
 * Writes `total` rows in batches of SEED_BATCH_ROWS; `onProgress` gets the stage's rows done, counted
 * from `doneBefore` towards `stageTotal` (a stage may take several queries, e.g. one per identifier kind).
 */
export async function writeSeedRows(
  client: Neo4jClient,
  query: SeedQuery,
  stage: string,
  total: number,
  rowAt: (i: number) => Record<string, unknown>,
  { names = {}, doneBefore = 0, stageTotal = total, onProgress }: { names?: Record<string, QuotedName>; doneBefore?: number; stageTotal?: number; onProgress?: (progress: SeedProgress) => void } = {},
): Promise<void> {
  for (let start = 0; start < total; start += SEED_BATCH_ROWS) {
    const end = Math.min(total, start + SEED_BATCH_ROWS);
    const rows = Array.from({ length: end - start }, (_, i) => rowAt(start + i));
    await client.write(query as 'seed-accounts', { rows }, { names, timeoutMs: 600_000 });
    onProgress?.({ stage, done: doneBefore + end, total: stageTotal });
  }
}

/**
 * Writes each identifier kind the shape's mapping has, with the links from its accounts (`accountIdOf`
 * names account i as the shape stores it; `valueOf` turns a generated value into the shape's form).
 */
export async function writeSeedIdentifiers(
  client: Neo4jClient,
  dataset: DemoDataset,
  mapping: ValidatedMapping,
  accountIdOf: (index: number) => string,
  valueOf: (kind: IdentifierKind, value: string) => string,
  onProgress?: (progress: SeedProgress) => void,
): Promise<void> {
  const { identifiers, identifierLinks } = dataset;
  const accountsOfIdentifier: string[][] = Array.from({ length: identifiers.count }, () => []);
  for (let l = 0; l < identifierLinks.count; l++) accountsOfIdentifier[identifierLinks.identifier[l]].push(accountIdOf(identifierLinks.account[l]));
  // A seeded shape keeps its accounts under one label.
  const accountNames = { accountLabel: quoteName(mapping.account.labels[0]), accountIdProperty: quoteName(mapping.account.idProperty) };
  const mappedKinds = IDENTIFIER_KINDS.flatMap((kind, kindIndex) => {
    const entry = mapping.identifiers.find((identifier) => identifier.kind === kind);
    return entry ? [{ kind, kindIndex, names: identifierPlaceholders(entry) }] : [];
  });
  const stageTotal = mappedKinds.reduce((sum, { kindIndex }) => sum + identifiers.kind.filter((k) => k === kindIndex).length, 0);
  let done = 0;
  for (const { kind, kindIndex, names } of mappedKinds) {
    const ofKind: number[] = [];
    for (let j = 0; j < identifiers.count; j++) if (identifiers.kind[j] === kindIndex) ofKind.push(j);
    const rowAt = (i: number) => ({ value: valueOf(kind, identifiers.value[ofKind[i]]), accountIds: accountsOfIdentifier[ofKind[i]] });
    await writeSeedRows(client, 'seed-identifiers', 'identifiers', ofKind.length, rowAt, { names: { ...names, ...accountNames }, doneBefore: done, stageTotal, onProgress });
    done += ofKind.length;
  }
}

/** Seeds the dataset into an empty database; `onProgress` gets (stage, rows done, stage total) after every batch. */
export async function seedDemoDataset(client: Neo4jClient, dataset: DemoDataset, onProgress?: (progress: SeedProgress) => void): Promise<void> {
  await requireEmptyDatabase(client);
  for (const statement of statementsOf(graphQueries.constraints.text)) await client.writeStatement(statement);
  const mapping = DEMO_SCHEMA_MAPPING as ValidatedMapping;
  const { accounts, merchants, transfers, payments } = dataset;
  await writeSeedRows(client, 'seed-accounts', 'accounts', accounts.count, (i) => ({
    userId: userIdOf(i),
    createdAt: epochInt(accounts.createdAt[i]),
    // Stored as the embedded graph shows it: four decimals.
    riskScore: Math.round(accounts.riskScore[i] * 10_000) / 10_000,
    blacklisted: accounts.blacklisted[i] === 1,
  }), { onProgress });
  await writeSeedIdentifiers(client, dataset, mapping, userIdOf, (_kind, value) => value, onProgress);
  await writeSeedRows(client, 'seed-merchants', 'merchants', merchants.count, (i) => ({
    merchantId: merchants.merchantId[i],
    name: merchants.name[i],
    category: merchants.category[i],
  }), { onProgress });
  await writeSeedRows(client, 'seed-transfers', 'transfers', transfers.count, (i) => ({
    from: userIdOf(transfers.from[i]),
    to: userIdOf(transfers.to[i]),
    amount: transfers.amount[i],
    at: epochInt(transfers.at[i]),
  }), { onProgress });
  await writeSeedRows(client, 'seed-payments', 'payments', payments.count, (i) => ({
    userId: userIdOf(payments.account[i]),
    merchantId: merchants.merchantId[payments.merchant[i]],
    amount: payments.amount[i],
    at: epochInt(payments.at[i]),
  }), { onProgress });
  await ensureSearchIndexes(client);
  await client.write('seed-marker', { seed: dataset.seed, accounts: accounts.count, fingerprint: datasetFingerprint(dataset) });
}
