/**
 * `npm run seed:neo4j -- [--accounts N] [--seed S]`: writes the demo dataset (the same generator as
 * the embedded graph) into a Neo4j database. Connection from NEO4J_URI (bolt://127.0.0.1:7687),
 * NEO4J_USER (neo4j), NEO4J_PASSWORD (ringscope-test) and NEO4J_DATABASE (server default).
 * Idempotent: keys are MERGEd, so running it twice leaves the same graph.
 */
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { DEFAULT_DEMO_OPTIONS } from '../../demo/dataset';
import { generateDemoDataset } from '../../demo/generator';
import { Neo4jClient } from './neo4j-client';
import { seedDemoDataset, seedPlan } from './seed';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { accounts: { type: 'string' }, seed: { type: 'string' } },
  });
  const accounts = Number(values.accounts ?? DEFAULT_DEMO_OPTIONS.accounts);
  const seed = Number(values.seed ?? DEFAULT_DEMO_OPTIONS.seed);
  if (!Number.isInteger(accounts) || accounts <= 0 || !Number.isInteger(seed)) throw new Error('--accounts and --seed must be whole numbers');
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const client = Neo4jClient.open({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'ringscope-test',
    database: process.env.NEO4J_DATABASE || null,
  });
  const started = performance.now();
  try {
    const server = await client.verify();
    console.log(`Seeding ${accounts.toLocaleString('en-US')} demo accounts (seed ${seed}) into Neo4j ${server.version} at ${uri} …`);
    const dataset = generateDemoDataset({ seed, accounts });
    const bars = new MultiBar({ format: ' {stage} |{bar}| {value}/{total}', clearOnComplete: false, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 }, Presets.shades_classic);
    const barOf = new Map(seedPlan(dataset).map((step) => [step.stage, bars.create(step.total, 0, { stage: step.stage.padEnd(11) })]));
    await seedDemoDataset(client, dataset, ({ stage, done }) => barOf.get(stage)?.update(done));
    bars.stop();
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
