/**
 * `npm run seed:neo4j -- [--accounts N] [--seed S] [--schema demo|payments] [--wipe]`: writes the
 * generated dataset (the same generator as the embedded graph) into a Neo4j database, in the demo
 * schema or shaped as a payment network (seed-payment-network.ts). Connection from NEO4J_URI
 * (bolt://127.0.0.1:7687), NEO4J_USER (neo4j), NEO4J_PASSWORD (ringscope-test) and NEO4J_DATABASE
 * (server default). Writes only into an empty database: `--wipe` deletes everything in it first.
 */
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { DEFAULT_DEMO_OPTIONS } from '../../demo/dataset';
import { generateDemoDataset } from '../../demo/generator';
import { Neo4jClient } from './neo4j-client';
import { seedDemoDataset, seedPlan, wipeGraph } from './seed';
import { paymentNetworkPlan, seedPaymentNetworkDataset } from './seed-payment-network';

const SHAPES = {
  demo: { plan: seedPlan, seed: seedDemoDataset, noun: 'demo accounts' },
  payments: { plan: paymentNetworkPlan, seed: seedPaymentNetworkDataset, noun: 'payment-network clients' },
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { accounts: { type: 'string' }, seed: { type: 'string' }, schema: { type: 'string', default: 'demo' }, wipe: { type: 'boolean', default: false } },
  });
  const accounts = Number(values.accounts ?? DEFAULT_DEMO_OPTIONS.accounts);
  const seed = Number(values.seed ?? DEFAULT_DEMO_OPTIONS.seed);
  if (!Number.isInteger(accounts) || accounts <= 0 || !Number.isInteger(seed)) throw new Error('--accounts and --seed must be whole numbers');
  if (!(values.schema in SHAPES)) throw new Error(`--schema must be one of ${Object.keys(SHAPES).join(', ')}`);
  const shape = SHAPES[values.schema as keyof typeof SHAPES];
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const client = Neo4jClient.open({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'ringscope-test',
    database: process.env.NEO4J_DATABASE || null,
  });
  try {
    const server = await client.verify();
    if (values.wipe) {
      const wipeStarted = performance.now();
      await wipeGraph(client);
      console.log(`Wiped the database in ${((performance.now() - wipeStarted) / 1000).toFixed(1)} s.`);
    }
    console.log(`Seeding ${accounts.toLocaleString('en-US')} ${shape.noun} (seed ${seed}) into Neo4j ${server.version} at ${uri} …`);
    const started = performance.now();
    const dataset = generateDemoDataset({ seed, accounts });
    console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    const bars = new MultiBar({ format: ' {stage} |{bar}| {value}/{total}', clearOnComplete: false, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 }, Presets.shades_classic);
    const barOf = new Map(shape.plan(dataset).map((step) => [step.stage, bars.create(step.total, 0, { stage: step.stage.padEnd(12) })]));
    await shape.seed(client, dataset, ({ stage, done }) => barOf.get(stage)?.update(done));
    bars.stop();
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (generation included).`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
