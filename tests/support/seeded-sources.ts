/**
 * The seeded test Neo4j next to the embedded graph generated from the same dataset, for tests that
 * check both sources give the same answer: the Neo4j one connected the way the app connects.
 */
import type { ConnectionSettings } from '../../main/api';
import { ConnectionService } from '../../main/core/connections/connection-service';
import type { DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { ActiveGraphSource } from '../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../main/core/sources/embedded-source';
import type { Neo4jGraphSource } from '../../main/core/sources/neo4j/neo4j-source';
import type { Neo4jTestServer } from './neo4j-test-server';

export interface SeededSources {
  dataset: DemoDataset;
  embedded: EmbeddedGraphSource;
  neo4j: Neo4jGraphSource;
  /** Closes the Neo4j connection. */
  close(): Promise<void>;
}

export async function connectSeededSources(server: Neo4jTestServer): Promise<SeededSources> {
  const dataset = generateDemoDataset({ seed: server.seed, accounts: server.accounts });
  const embedded = EmbeddedGraphSource.fromDataset(dataset);
  const active = new ActiveGraphSource(embedded);
  const settings: ConnectionSettings = { name: 'Test graph', uri: server.uri, user: server.user, database: null, schemaMapping: null };
  await new ConnectionService({ dataDir: null, secrets: null, active }).connect({ settings, password: server.password });
  return { dataset, embedded, neo4j: active.current as Neo4jGraphSource, close: () => active.close() };
}
