/**
 * The InvestigationStore contract against the real test Neo4j. Each test gets its own
 * investigation space, so tests (and other runs on the same server) never see each other's
 * cases; the space's nodes are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import type { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import { Neo4jInvestigationStore } from '../../../main/core/store/neo4j-investigation-store';
import { describeInvestigationStoreContract } from '../../support/investigation-store-contract';
import { deleteInvestigationSpace, openRawDriver, openTestClient } from './neo4j-investigation-fixtures';

const server = inject('neo4j');
const driver = openRawDriver(server);
const clients: Neo4jClient[] = [];
/** Each store gets its own driver, as two desktops would. */
const openStore = (space: string) => {
  const client = openTestClient(server);
  clients.push(client);
  return new Neo4jInvestigationStore({ client, space });
};

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await driver.close();
});

describeInvestigationStoreContract('Neo4j store (:RSCase, :RSOutbox, :RSAuditEvent)', async () => {
  const space = `test-${randomUUID()}`;
  return {
    store: openStore(space),
    openAnother: async () => openStore(space),
    cleanup: () => deleteInvestigationSpace(driver, space),
  };
});
