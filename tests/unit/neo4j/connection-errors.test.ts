import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api';
import { checkServerVersion, classifyNeo4jError } from '../../../main/core/connections/connection-errors';

const plain = { uri: 'bolt://db.example:7687', database: 'fraud' };
const encrypted = { uri: 'neo4j+s://db.example:7687', database: null };
const driverMessage = (cause: string) =>
  `Failed to connect to server. Please ensure that your database is listening on the correct host and port and that you have compatible encryption settings both on Neo4j server and driver. Caused by: ${cause}`;

describe('classifying Neo4j connection failures', () => {
  it('names a rejected login as wrong user name or password', () => {
    const error = classifyNeo4jError({ code: 'Neo.ClientError.Security.Unauthorized', message: 'The client is unauthorized due to authentication failure.' }, plain);
    expect(error).toMatchObject({ code: 'auth_failed', message: 'Neo4j rejected the user name or password for bolt://db.example:7687.' });
  });

  it('asks whether the server runs when the connection is refused or the host unknown', () => {
    for (const cause of ['connect ECONNREFUSED 127.0.0.1:7687', 'getaddrinfo ENOTFOUND db.example']) {
      expect(classifyNeo4jError({ code: 'ServiceUnavailable', message: driverMessage(cause) }, plain)).toMatchObject({
        code: 'unavailable',
        message: 'Cannot reach Neo4j at bolt://db.example:7687: is the server running and the port right?',
      });
    }
  });

  it('names an unknown database', () => {
    const error = classifyNeo4jError({ code: 'Neo.ClientError.Database.DatabaseNotFound', message: 'Database does not exist. Database name: fraud.' }, plain);
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('has no database named "fraud"');
  });

  it('tells the user to drop +s when the server offers no TLS', () => {
    const error = classifyNeo4jError({ code: 'ServiceUnavailable', message: driverMessage('Client network socket disconnected before secure TLS connection was established') }, encrypted);
    expect(error.message).toBe('Neo4j at neo4j+s://db.example:7687 answered, but the server does not offer an encrypted (TLS) connection there: switch the address to neo4j://db.example:7687.');
  });

  it('tells the user to add +s when a TLS-only server drops a plaintext connection', () => {
    const error = classifyNeo4jError({ code: 'ServiceUnavailable', message: 'Connection was closed by server' }, plain);
    expect(error.message).toContain('only accepts encrypted (TLS) connections: switch the address to bolt+s://db.example:7687');
  });

  it('passes an ApiError through and hides nothing else behind a stack trace', () => {
    const original = new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
    expect(classifyNeo4jError(original, plain)).toBe(original);
    const unknown = classifyNeo4jError(new Error('boom'), plain);
    expect(unknown).toMatchObject({ code: 'internal', message: 'Neo4j at bolt://db.example:7687 reported an error: boom' });
  });

  it('refuses servers older than Neo4j 5 by version', () => {
    expect(() => checkServerVersion('4.4.30')).toThrow('Neo4j 4.4 is not supported: RingScope needs Neo4j 5 or newer.');
    expect(() => checkServerVersion('5.26.19')).not.toThrow();
    expect(() => checkServerVersion('2025.10.1')).not.toThrow();
  });
});
