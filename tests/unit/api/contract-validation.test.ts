import { describe, expect, it } from 'vitest';
import { ApiError, apiContract, apiMethodPaths, parseMethodInput } from '../../../main/api';

function validationError(area: string, name: string, input: unknown): ApiError {
  try {
    parseMethodInput(area, name, input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

describe('contract validation', () => {
  it('fills defaults for a valid search', () => {
    expect(parseMethodInput('graph', 'search', { query: '  U0000042 ' })).toEqual({ query: 'U0000042', limit: 20 });
  });

  it('rejects an empty search query with a message naming the field and what to type', () => {
    const error = validationError('graph', 'search', { query: '   ' });
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.map((f) => f.path)).toEqual(['query']);
    expect(error.message).toMatch(/query: type an account id/);
  });

  it('rejects a limit out of range and a wrongly typed field, naming both', () => {
    const error = validationError('graph', 'expand', { nodeId: 42, limit: 100_000 });
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['limit', 'nodeId']);
  });

  it('rejects unknown fields instead of silently ignoring them', () => {
    const error = validationError('graph', 'nodeDetails', { nodeId: 'account:U0000001', cypher: 'MATCH (n) DETACH DELETE n' });
    expect(error.message).toMatch(/cypher/);
  });

  it('rejects a task id that could smuggle characters into channels or logs', () => {
    const error = validationError('graph', 'expand', { nodeId: 'x', taskId: '../../etc' });
    expect(error.fields?.[0].path).toBe('taskId');
  });

  it('refuses a non-object argument', () => {
    expect(validationError('graph', 'search', 'U0000042').code).toBe('invalid_input');
  });

  it('answers not_found for a method the contract does not declare, including prototype names', () => {
    expect(validationError('graph', 'dropDatabase', {}).code).toBe('not_found');
    expect(validationError('graph', 'constructor', {}).code).toBe('not_found');
    expect(validationError('__proto__', 'toString', {}).code).toBe('not_found');
  });

  it('lists every contract method exactly once for the shells to register', () => {
    const declared = Object.entries(apiContract).flatMap(([area, methods]) => Object.keys(methods).map((m) => `${area}.${m}`));
    expect(apiMethodPaths.map((m) => m.path).sort()).toEqual(declared.sort());
    expect(new Set(apiMethodPaths.map((m) => m.path)).size).toBe(apiMethodPaths.length);
  });
});
