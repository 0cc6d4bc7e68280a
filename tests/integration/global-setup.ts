/**
 * Integration-test setup, once per run: makes sure the test Neo4j answers on Bolt (starting it with
 * tests/neo4j/start.mjs if not, and stopping it at teardown only then), seeds the demo dataset unless
 * the database already holds the same one (a marker node records the dataset's fingerprint), and provides the
 * connection details to the tests through `inject('neo4j')`.
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import type { TestProject } from 'vitest/node';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { datasetFingerprint, readSeedFingerprint, seedDemoDataset, wipeGraph } from '../../main/core/sources/neo4j/seed';

export interface Neo4jTestServer {
  uri: string;
  user: string;
  password: string;
  port: number;
  seed: number;
  accounts: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestServer;
  }
}

/** A modest demo graph: big enough for a 50k-relationship load, quick enough to seed once. */
const SEED = 20261125;
const ACCOUNTS = 20_000;

function boltAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  const server: Neo4jTestServer = {
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'ringscope-test',
    port,
    seed: SEED,
    accounts: ACCOUNTS,
  };
  const startedHere = !(await boltAnswers(port));
  if (startedHere) execFileSync(process.execPath, ['tests/neo4j/start.mjs'], { stdio: 'inherit' });

  const client = Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
  try {
    const dataset = generateDemoDataset({ seed: SEED, accounts: ACCOUNTS });
    if ((await readSeedFingerprint(client)) !== datasetFingerprint(dataset)) {
      const started = performance.now();
      await wipeGraph(client);
      await seedDemoDataset(client, dataset);
      console.log(`Seeded ${ACCOUNTS} demo accounts into ${server.uri} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await client.close();
  }
  project.provide('neo4j', server);

  return async () => {
    if (startedHere) execFileSync(process.execPath, ['tests/neo4j/stop.mjs'], { stdio: 'inherit' });
  };
}
