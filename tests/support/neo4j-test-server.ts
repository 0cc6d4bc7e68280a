/**
 * The test Neo4j shared by the integration tests and the Neo4j e2e: makes sure it answers on Bolt
 * (starting it with tests/neo4j/start.mjs if not, and stopping it afterwards only then) and holds
 * the demo dataset (a marker node records the seeded dataset's fingerprint; reseeded if it differs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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

/** A modest demo graph: big enough for a 50k-relationship load, quick enough to seed once. */
export const TEST_DATASET = { seed: 20261125, accounts: 20_000 } as const;

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

/**
 * Ensures the seeded test server runs; `stop` stops it only if this call started it, so a server
 * someone else started (`npm run neo4j:start`, another test project) keeps running.
 */
export async function ensureNeo4jTestServer(): Promise<{ server: Neo4jTestServer; stop: () => Promise<void> }> {
  const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  const server: Neo4jTestServer = {
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'ringscope-test',
    port,
    ...TEST_DATASET,
  };
  const startedHere = !(await boltAnswers(port));
  if (startedHere) execFileSync(process.execPath, ['tests/neo4j/start.mjs'], { stdio: 'inherit' });

  const client = Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
  try {
    const dataset = generateDemoDataset(TEST_DATASET);
    if ((await readSeedFingerprint(client)) !== datasetFingerprint(dataset)) {
      const started = performance.now();
      await wipeGraph(client);
      await seedDemoDataset(client, dataset);
      console.log(`Seeded ${server.accounts} demo accounts into ${server.uri} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await client.close();
  }
  return {
    server,
    stop: async () => {
      if (startedHere) execFileSync(process.execPath, ['tests/neo4j/stop.mjs'], { stdio: 'inherit' });
    },
  };
}

/**
 * A second, empty Neo4j beside the shared one (the next Bolt port, or NEO4J_OWN_BOLT_PORT where the
 * next one is taken, a throwaway data folder), for a test that needs a graph of another shape;
 * `stop` stops it and deletes its data.
 */
export async function startOwnNeo4jServer(dataDirPrefix: string): Promise<{ server: Neo4jTestServer; stop: () => Promise<void> }> {
  const port = Number(process.env.NEO4J_OWN_BOLT_PORT ?? Number(process.env.NEO4J_BOLT_PORT ?? 7687) + 1);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), dataDirPrefix));
  const env = { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '-Xmx1g' };
  execFileSync(process.execPath, ['tests/neo4j/start.mjs'], { stdio: 'inherit', env });
  const server: Neo4jTestServer = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'ringscope-test', port, seed: 0, accounts: 0 };
  return {
    server,
    stop: async () => {
      execFileSync(process.execPath, ['tests/neo4j/stop.mjs'], { stdio: 'inherit', env });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
