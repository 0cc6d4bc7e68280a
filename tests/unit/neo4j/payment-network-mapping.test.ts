import { describe, expect, it } from 'vitest';
import { proposeMapping, validateMapping, type GraphNames, type RelationshipEnds } from '../../../main/core/schema/schema-mapping';
import { PAYMENT_NETWORK_SCHEMA_MAPPING } from '../../../main/core/sources/neo4j/seed-payment-network';

/** What discovery finds in a database seeded with `seed:neo4j -- --schema payments`. */
const paymentNames: GraphNames = {
  labels: ['Client', 'Device', 'Email', 'Merchant', 'NationalId', 'Phone', 'RingScopeSeed', 'Transaction'],
  relationshipTypes: ['HAS_EMAIL', 'HAS_NATIONAL_ID', 'HAS_PHONE', 'PERFORMED', 'TO', 'USED_DEVICE'],
  nodeProperties: {
    Client: ['clientId', 'fraud', 'verified'],
    Device: ['fingerprint'],
    Email: ['address'],
    Merchant: ['category', 'merchantId', 'name'],
    NationalId: ['idNumber'],
    Phone: ['number'],
    RingScopeSeed: ['accounts', 'completedAt', 'fingerprint', 'name', 'seed'],
    Transaction: ['amount', 'transactionId', 'ts'],
  },
  relationshipProperties: {},
};
const paymentEnds: RelationshipEnds = {
  HAS_EMAIL: { from: ['Client'], to: ['Email'] },
  HAS_NATIONAL_ID: { from: ['Client'], to: ['NationalId'] },
  HAS_PHONE: { from: ['Client'], to: ['Phone'] },
  PERFORMED: { from: ['Client'], to: ['Transaction'] },
  TO: { from: ['Transaction'], to: ['Client', 'Merchant'] },
  USED_DEVICE: { from: ['Client'], to: ['Device'] },
};

describe('schema proposal for a graph that does not follow the demo schema', () => {
  it('proposes clients as accounts, their identifiers by kind, the markers and the transaction events of a payment network', () => {
    const { mapping, notes } = proposeMapping(paymentNames, paymentEnds);
    expect(mapping).toEqual(PAYMENT_NETWORK_SCHEMA_MAPPING);
    expect(validateMapping(mapping, paymentNames)).toEqual(PAYMENT_NETWORK_SCHEMA_MAPPING);
    expect(notes.map((note) => note.code)).not.toContain('no-account-label');
    // What the graph lacks is still said: no IP or address identifiers, no direct transfers or payments.
    expect(notes.filter((note) => note.code === 'identifier-missing').map((note) => note.params.kind)).toEqual(['ip', 'address']);
  });

  it('keeps an identifier kind to one label, and maps no label that leads back to accounts as an identifier', () => {
    const names: GraphNames = {
      ...paymentNames,
      labels: [...paymentNames.labels, 'WorkPhone'],
      relationshipTypes: [...paymentNames.relationshipTypes, 'HAS_WORK_PHONE'],
      nodeProperties: { ...paymentNames.nodeProperties, WorkPhone: ['number'] },
    };
    const { mapping } = proposeMapping(names, { ...paymentEnds, HAS_WORK_PHONE: { from: ['Client'], to: ['WorkPhone'] } });
    expect(mapping.identifiers.filter((identifier) => identifier.kind === 'phone')).toHaveLength(1);
    expect(mapping.identifiers.map((identifier) => identifier.label)).not.toContain('Transaction');
  });
});

describe('schema proposal in a database that once held the demo schema', () => {
  it('ignores a demo label with no nodes left (db.labels() still lists it) and proposes the clients', () => {
    const names: GraphNames = { ...paymentNames, labels: [...paymentNames.labels, 'User', 'IPAddress'].sort() };
    expect(proposeMapping(names, paymentEnds).mapping).toEqual(PAYMENT_NETWORK_SCHEMA_MAPPING);
  });
});
