import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api';
import { DEMO_SCHEMA_MAPPING, mappingPlaceholders, proposeMapping, validateMapping, type GraphNames } from '../../../main/core/schema/schema-mapping';

const demoNames: GraphNames = {
  labels: ['User', 'Device', 'Phone', 'IPAddress', 'BankCard', 'Address', 'Email', 'Merchant'],
  relationshipTypes: ['USES_DEVICE', 'HAS_PHONE', 'USES_IP', 'HAS_CARD', 'LIVES_AT', 'HAS_EMAIL', 'TRANSFERRED_TO', 'PAID'],
  nodeProperties: { User: ['blacklisted', 'createdAt', 'riskScore', 'userId'] },
};

function rejection(mapping: unknown, names: GraphNames): ApiError {
  try {
    validateMapping(mapping, names);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('the mapping was accepted');
}

describe('schema mapping', () => {
  it('proposes the demo mapping for a graph with the demo schema', () => {
    expect(proposeMapping(demoNames)).toEqual({ mapping: DEMO_SCHEMA_MAPPING, notes: [] });
  });

  it('leaves out what the graph lacks and says so', () => {
    const names = { ...demoNames, labels: demoNames.labels.filter((l) => l !== 'Email'), relationshipTypes: demoNames.relationshipTypes.filter((t) => t !== 'PAID') };
    const { mapping, notes } = proposeMapping({ ...names, nodeProperties: { User: ['userId'] } });
    expect(mapping.identifiers.map((i) => i.kind)).not.toContain('email');
    expect(mapping.payment).toBeNull();
    expect(mapping.account.riskScoreProperty).toBeNull();
    expect(notes).toEqual(
      expect.arrayContaining([
        { code: 'identifier-missing', params: { label: 'Email', relationshipType: 'HAS_EMAIL', kind: 'email' } },
        { code: 'no-payments', params: { relationshipType: 'PAID', label: 'Merchant' } },
        { code: 'account-property-missing', params: { label: 'User', property: 'riskScore' } },
      ]),
    );
  });

  it('rejects a mapping naming a label the database does not have, naming it', () => {
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, label: 'Customer' } }, demoNames);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The schema mapping does not fit this database: label Customer (accounts) does not exist in the database.');
  });

  it('rejects a relationship type the database does not have', () => {
    const identifiers = DEMO_SCHEMA_MAPPING.identifiers.map((i) => (i.kind === 'phone' ? { ...i, relationshipType: 'HAS_MOBILE' } : i));
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, identifiers }, demoNames).message).toContain('relationship type HAS_MOBILE (account to phone) does not exist');
  });

  it('rejects two identifier kinds sharing one relationship type', () => {
    const identifiers = DEMO_SCHEMA_MAPPING.identifiers.map((i) => (i.kind === 'phone' ? { ...i, relationshipType: 'USES_DEVICE' } : i));
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, identifiers }, demoNames).message).toContain('each identifier kind needs its own relationship type');
  });

  it('rejects an incomplete mapping with the missing field named', () => {
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, account: { label: 'User' } }, demoNames).message).toContain('account.idProperty');
  });

  it('quotes every name it puts into a query, even a hostile one that exists in the database', () => {
    const hostile = 'User`) DETACH DELETE n //';
    const mapping = validateMapping({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, label: hostile } }, { ...demoNames, labels: [...demoNames.labels, hostile] });
    expect(mappingPlaceholders(mapping).accountLabel).toBe('`User``) DETACH DELETE n //`');
  });

  it('fills unmapped parts with a name no graph uses, so they match nothing', () => {
    const mapping = validateMapping({ ...DEMO_SCHEMA_MAPPING, transfer: null }, demoNames);
    expect(mappingPlaceholders(mapping).transferTypes).toBe('`ringscope unmapped`');
    expect(mappingPlaceholders(mapping).exploredTypes).not.toContain('TRANSFERRED_TO');
  });
});
