/**
 * Integration-test setup, once per run: makes sure the seeded test Neo4j answers on Bolt (see
 * tests/support/neo4j-test-server.ts) and provides the connection details to the tests through
 * `inject('neo4j')`.
 */
import type { TestProject } from 'vitest/node';
import { ensureNeo4jTestServer, type Neo4jTestServer } from '../support/neo4j-test-server';

export type { Neo4jTestServer };

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestServer;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { server, stop } = await ensureNeo4jTestServer();
  project.provide('neo4j', server);
  return stop;
}
