/**
 * Helpers for the investigation integration tests: clients of the test Neo4j, and a raw driver
 * for what RingScope itself never does (deleting a test's investigation space, reading an
 * account's stored properties as they are, not as a DTO).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jTestServer } from '../global-setup';
import { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';

/** A RingScope client of the test server (its own driver, like another desktop). */
export function openTestClient(server: Neo4jTestServer): Neo4jClient {
  return Neo4jClient.open({ uri: server.uri, user: server.user, password: server.password, database: null });
}

export function openRawDriver(server: Neo4jTestServer): Driver {
  return neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
}

/** Deletes every RingScope investigation node of one space. */
export async function deleteInvestigationSpace(driver: Driver, space: string): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE (n:RSCase OR n:RSOutbox OR n:RSAuditEvent OR n:RSAuditHead) AND n.space = $space DETACH DELETE n', { space });
}

/** An account's stored properties and labels, read past RingScope's DTO mapping. */
export async function rawAccount(driver: Driver, userId: string): Promise<{ labels: string[]; properties: Record<string, unknown> }> {
  const { records } = await driver.executeQuery('MATCH (u:User {userId: $userId}) RETURN labels(u) AS labels, properties(u) AS properties', { userId });
  const [record] = records;
  if (!record) throw new Error(`No account ${userId} in the test graph`);
  const properties = record.get('properties') as Record<string, unknown>;
  return { labels: record.get('labels') as string[], properties: Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, neo4j.isInt(value) ? value.toNumber() : value])) };
}

/** Ids of seeded accounts whose stored `blacklisted` is `value`, from the end of the id range (away from other tests' picks). */
export async function accountsWithBlacklisted(driver: Driver, value: boolean, count: number): Promise<string[]> {
  const { records } = await driver.executeQuery('MATCH (u:User) WHERE u.blacklisted = $value RETURN u.userId AS userId ORDER BY userId DESC LIMIT $count', {
    value,
    count: neo4j.int(count),
  });
  return records.map((record) => record.get('userId') as string);
}

/** Removes every write-back mark from these accounts, restoring what was there before (a failed test must not leave marks in the shared graph). */
export async function restoreAccounts(driver: Driver, userIds: readonly string[]): Promise<void> {
  await driver.executeQuery(
    `MATCH (u:User) WHERE u.userId IN $userIds AND u.ringscopeBlacklistCaseIds IS NOT NULL
     SET u.blacklisted = CASE WHEN u.ringscopeHadBlacklistLabel IS NULL THEN u.blacklistedBefore ELSE u.blacklisted END
     REMOVE u.ringscopeBlacklistCaseIds, u.blacklistCaseId, u.blacklistedAt, u.blacklistedBefore, u.ringscopeHadBlacklistLabel, u:RSTestBlacklisted`,
    { userIds },
  );
}
