/**
 * Writes a demo dataset's ground truth and summary, for benchmarks and for checking a Neo4j seed:
 *   npx tsx main/core/demo/generate-cli.ts --accounts 20000 --seed 20261125 --out <dir>
 * ground-truth.json lists the planted rings with their members' userIds; summary.json the counts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { IDENTIFIER_KINDS, RING_KINDS } from '../../api';
import { DEFAULT_DEMO_OPTIONS, userIdOf, type DemoDataset } from './dataset';
import { generateDemoDataset } from './generator';

/** The planted rings as an investigator-readable file: ids, kinds, member userIds, descriptions. */
function groundTruthOf(dataset: DemoDataset) {
  return {
    seed: dataset.seed,
    accounts: dataset.accounts.count,
    generatedAt: new Date(dataset.generatedAt).toISOString(),
    rings: dataset.plantedRings.map((ring) => ({
      ringId: ring.ringId,
      kind: ring.kind,
      description: ring.description,
      members: ring.members.map(userIdOf),
    })),
  };
}

/** Counts of everything in the dataset, by kind. */
function summaryOf(dataset: DemoDataset, generationMs: number) {
  const identifiersByKind = Object.fromEntries(IDENTIFIER_KINDS.map((kind) => [kind, 0]));
  for (const kind of dataset.identifiers.kind) identifiersByKind[IDENTIFIER_KINDS[kind]]++;
  return {
    seed: dataset.seed,
    generatedAt: new Date(dataset.generatedAt).toISOString(),
    generationMs: Math.round(generationMs),
    accounts: dataset.accounts.count,
    blacklistedAccounts: dataset.accounts.blacklisted.reduce((sum, flag) => sum + flag, 0),
    identifiers: dataset.identifiers.count,
    identifiersByKind,
    identifierLinks: dataset.identifierLinks.count,
    transfers: dataset.transfers.count,
    payments: dataset.payments.count,
    merchants: dataset.merchants.count,
    plantedRings: dataset.plantedRings.length,
    plantedRingsByKind: Object.fromEntries(RING_KINDS.map((kind) => [kind, dataset.plantedRings.filter((ring) => ring.kind === kind).length])),
    plantedRingMembers: dataset.plantedRings.reduce((sum, ring) => sum + ring.members.length, 0),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: String(DEFAULT_DEMO_OPTIONS.accounts) },
      seed: { type: 'string', default: String(DEFAULT_DEMO_OPTIONS.seed) },
      out: { type: 'string', default: 'demo-data' },
    },
  });
  const accounts = Number(values.accounts);
  const seed = Number(values.seed);
  const started = performance.now();
  const dataset = generateDemoDataset({ accounts, seed });
  const generationMs = performance.now() - started;
  mkdirSync(values.out, { recursive: true });
  const summary = summaryOf(dataset, generationMs);
  writeFileSync(join(values.out, 'ground-truth.json'), `${JSON.stringify(groundTruthOf(dataset), null, 2)}\n`);
  writeFileSync(join(values.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `Generated ${summary.accounts.toLocaleString('en-US')} accounts, ${summary.identifierLinks.toLocaleString('en-US')} identifier links and ` +
      `${summary.plantedRings} planted rings in ${summary.generationMs} ms → ${values.out}`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
