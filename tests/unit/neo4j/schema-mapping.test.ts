import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api';
import { DEMO_SCHEMA_MAPPING, eventLinkPlaceholders, eventLinksParam, mappingPlaceholders, proposeMapping, unmappedEvidence, validateMapping, type GraphNames } from '../../../main/core/schema/schema-mapping';
import { demoNames } from './demo-graph-names';


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
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: ['Customer'] } }, demoNames);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The schema mapping does not fit this database: label Customer (accounts) does not exist in the database.');
  });

  it('rejects a relationship type the database does not have', () => {
    const identifiers = DEMO_SCHEMA_MAPPING.identifiers.map((i) => (i.kind === 'phone' ? { ...i, relationshipType: 'HAS_MOBILE' } : i));
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, identifiers }, demoNames).message).toContain('relationship type HAS_MOBILE (account to phone) does not exist');
  });

  it('rejects two identifier entries sharing one relationship type', () => {
    const identifiers = DEMO_SCHEMA_MAPPING.identifiers.map((i) => (i.kind === 'phone' ? { ...i, relationshipType: 'USES_DEVICE' } : i));
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, identifiers }, demoNames).message).toContain('each identifier entry needs its own relationship type');
  });

  it('rejects an incomplete mapping with the missing field named', () => {
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, account: { label: 'User' } }, demoNames).message).toContain('account.idProperty');
  });

  it('rejects a property key the database does not have, naming it and where it was looked for', () => {
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, createdAtProperty: 'openedOn' } }, demoNames);
    expect(error.message).toBe('The schema mapping does not fit this database: property openedOn (account creation time) does not exist on User nodes.');
  });

  it('rejects a relationship property key the database does not have', () => {
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, transfer: { ...DEMO_SCHEMA_MAPPING.transfer!, amountProperty: 'value' } }, demoNames);
    expect(error.message).toContain('property value (transfer amount) does not exist on TRANSFERRED_TO relationships');
  });

  // Finding H1: this key, once saved, ran a CREATE during write-back.
  const injection = 'userId\\u0060 = accountId CREATE (:Pwned) WITH account, accountId WHERE account.\\u0060userId';
  it.each([
    ['the H1 injection through a \\u0060 escape', injection],
    ['a backtick', 'user`Id'],
    ['a space', 'user Id'],
    ['a non-ASCII letter', '\u7528\u6237\u53f7'],
    ['an over-long name', `u${'x'.repeat(100)}`],
  ])('refuses %s as a property key before any query, even if the database reports it', (_what, key) => {
    const names = { ...demoNames, nodeProperties: { ...demoNames.nodeProperties, User: [...demoNames.nodeProperties.User, key] } };
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, idProperty: key } }, names);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('account.idProperty');
    expect(error.message).toContain('plain name');
  });

  it('refuses a hostile label even if the database has it', () => {
    const hostile = 'User`) DETACH DELETE n //';
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: [hostile] } }, { ...demoNames, labels: [...demoNames.labels, hostile] });
    expect(error.message).toContain('account.labels.0');
  });

  it('accepts direct account links and event-node links that fit, and names each part that does not', () => {
    const names: GraphNames = {
      ...demoNames,
      labels: [...demoNames.labels, 'Transaction'],
      relationshipTypes: [...demoNames.relationshipTypes, 'CALLED', 'PERFORMED', 'TO'],
      nodeProperties: { ...demoNames.nodeProperties, Transaction: ['amount', 'ts'] },
      relationshipProperties: { ...demoNames.relationshipProperties, CALLED: ['seconds'] },
    };
    const accountLinks = [{ relationshipType: 'CALLED', directed: false, amountProperty: null, timeProperty: null, weight: 0.4 }];
    const eventLinks = [{ fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'account' as const }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.6 }];
    expect(validateMapping({ ...DEMO_SCHEMA_MAPPING, accountLinks, eventLinks }, names).eventLinks).toEqual(eventLinks);

    const wrong = rejection(
      {
        ...DEMO_SCHEMA_MAPPING,
        accountLinks: [{ ...accountLinks[0], relationshipType: 'REFERRED', timeProperty: 'at' }, { ...accountLinks[0], timeProperty: 'at' }],
        eventLinks: [{ ...eventLinks[0], eventLabel: 'Payment' }, { ...eventLinks[0], amountProperty: 'value' }],
      },
      names,
    );
    expect(wrong.message).toBe(
      'The schema mapping does not fit this database: relationship type REFERRED (account link 1) does not exist in the database; ' +
        'property at (account link 2 time) does not exist on CALLED relationships; label Payment (event link 1 events) does not exist in the database; ' +
        'property value (event link 2 amount) does not exist on Transaction nodes.',
    );
  });

  it('refuses a link weight outside 0.01..1 and a known-good marker the accounts lack', () => {
    const heavy = { ...DEMO_SCHEMA_MAPPING, accountLinks: [{ relationshipType: 'TRANSFERRED_TO', directed: true, amountProperty: null, timeProperty: null, weight: 5 }] };
    expect(rejection(heavy, demoNames).message).toContain('accountLinks.0.weight: must be between 0.01 and 1');
    const good = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, knownGoodProperty: 'verified' } };
    expect(rejection(good, demoNames).message).toContain('property verified (known-good marker) does not exist on User nodes');
  });

  it('reads a mapping saved before links and markers existed as having none', () => {
    const { accountLinks: _a, eventLinks: _e, ...older } = DEMO_SCHEMA_MAPPING;
    const mapping = validateMapping({ ...older, account: { ...DEMO_SCHEMA_MAPPING.account, knownGoodProperty: undefined } }, demoNames);
    expect(mapping).toMatchObject({ accountLinks: [], eventLinks: [], account: { knownGoodProperty: null } });
  });

  it('lists the evidence a mapping lacks: nothing but known-good accounts for the demo schema, more for a bare graph', () => {
    expect(unmappedEvidence(DEMO_SCHEMA_MAPPING)).toEqual(['known-good']);
    const bare = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, createdAtProperty: null, blacklistedProperty: null }, transfer: null, payment: null };
    expect(unmappedEvidence(bare)).toEqual(['creation-time', 'known-bad', 'known-good', 'money-flows', 'payments']);
    const eventMoney = { ...bare, eventLinks: [{ fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'account' as const }, amountProperty: 'amount', timeProperty: null, weight: 0.5 }] };
    expect(unmappedEvidence(eventMoney)).not.toContain('money-flows');
  });

  it('proposes calls between accounts as a direct link and transaction nodes as event-node links to accounts and to merchants, with notes', () => {
    const names: GraphNames = {
      ...demoNames,
      labels: [...demoNames.labels, 'Transaction'],
      relationshipTypes: [...demoNames.relationshipTypes, 'CALLED', 'PERFORMED', 'TO'],
      nodeProperties: { ...demoNames.nodeProperties, Transaction: ['amount', 'ts'] },
      relationshipProperties: { ...demoNames.relationshipProperties, CALLED: ['at'] },
    };
    const ends = {
      CALLED: { from: ['User'], to: ['User'] },
      PERFORMED: { from: ['User'], to: ['Transaction'] },
      TO: { from: ['Transaction'], to: ['User', 'Merchant'] },
      TRANSFERRED_TO: { from: ['User'], to: ['User'] },
      PAID: { from: ['User'], to: ['Merchant'] },
      USES_DEVICE: { from: ['User'], to: ['Device'] },
    };
    const { mapping, notes } = proposeMapping(names, ends);
    expect(mapping.accountLinks).toEqual([{ relationshipType: 'CALLED', directed: true, amountProperty: null, timeProperty: 'at', weight: 0.5 }]);
    const toAccount = { fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'account' as const }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.5 };
    // The merchants the users also pay directly (PAID, the mapped payments) are the far end of transactions too.
    expect(mapping.eventLinks).toEqual([toAccount, { ...toAccount, farEnd: { kind: 'merchant', label: 'Merchant', idProperty: 'merchantId' } }]);
    expect(notes).toEqual([
      { code: 'direct-link-proposed', params: { relationshipType: 'CALLED', weight: '0.5' } },
      { code: 'event-link-proposed', params: { label: 'Transaction', fromType: 'PERFORMED', toType: 'TO', weight: '0.5' } },
      { code: 'event-payment-proposed', params: { label: 'Transaction', fromType: 'PERFORMED', toType: 'TO', merchantLabel: 'Merchant', merchantIdProperty: 'merchantId' } },
    ]);
    expect(validateMapping(mapping, names).eventLinks).toHaveLength(2);
  });

  it('proposes labels linked to accounts either way as identifier kinds the team defines, named after the label, with a note', () => {
    const names: GraphNames = {
      ...demoNames,
      labels: [...demoNames.labels, 'SSN', 'Wallet'],
      relationshipTypes: [...demoNames.relationshipTypes, 'ISSUED_TO', 'USES_WALLET'],
      nodeProperties: { ...demoNames.nodeProperties, SSN: ['issuedAt', 'number'], Wallet: ['address', 'chain'] },
    };
    const ends = { ISSUED_TO: { from: ['SSN'], to: ['User'] }, USES_WALLET: { from: ['User'], to: ['Wallet'] }, USES_DEVICE: { from: ['User'], to: ['Device'] } };
    const { mapping, notes } = proposeMapping(names, ends);
    expect(mapping.identifiers.slice(DEMO_SCHEMA_MAPPING.identifiers.length)).toEqual([
      { kind: null, displayName: 'SSN', icon: null, label: 'SSN', valueProperty: 'number', relationshipType: 'ISSUED_TO', direction: 'to-account', weight: null, masking: 'mask' },
      { kind: null, displayName: 'Wallet', icon: null, label: 'Wallet', valueProperty: 'address', relationshipType: 'USES_WALLET', direction: 'from-account', weight: null, masking: 'mask' },
    ]);
    expect(notes).toEqual([
      { code: 'identifier-proposed', params: { label: 'SSN', relationshipType: 'ISSUED_TO' } },
      { code: 'identifier-proposed', params: { label: 'Wallet', relationshipType: 'USES_WALLET' } },
    ]);
    expect(validateMapping(mapping, names).identifiers).toHaveLength(DEMO_SCHEMA_MAPPING.identifiers.length + 2);
  });

  it('reads a mapping saved with one account label and fixed identifier kinds as it was, with default names, pictures and masking', () => {
    // The shape saved before accounts had several labels and identifier entries their own names.
    const saved = {
      ...DEMO_SCHEMA_MAPPING,
      account: { label: 'User', idProperty: 'userId', createdAtProperty: 'createdAt', riskScoreProperty: null, blacklistedProperty: 'blacklisted' },
      identifiers: [{ kind: 'phone', label: 'Phone', valueProperty: 'phoneNumber', relationshipType: 'HAS_PHONE', weight: 0.7 }],
    };
    const mapping = validateMapping(saved, demoNames);
    expect(mapping.account.labels).toEqual(['User']);
    expect(mapping.identifiers).toEqual([
      { kind: 'phone', displayName: null, icon: null, label: 'Phone', valueProperty: 'phoneNumber', relationshipType: 'HAS_PHONE', direction: 'from-account', weight: 0.7, masking: 'mask' },
    ]);
  });

  it('accepts an identifier kind the team defines, with its display name, picture, weight and masking', () => {
    const names = { ...demoNames, labels: [...demoNames.labels, 'SSN'], relationshipTypes: [...demoNames.relationshipTypes, 'HAS_SSN'], nodeProperties: { ...demoNames.nodeProperties, SSN: ['number'] } };
    const ssn = { kind: null, displayName: 'SSN', icon: 'id-card', label: 'SSN', valueProperty: 'number', relationshipType: 'HAS_SSN', direction: 'to-account', weight: 1, masking: 'show' };
    const mapping = validateMapping({ ...DEMO_SCHEMA_MAPPING, identifiers: [...DEMO_SCHEMA_MAPPING.identifiers, ssn] }, names);
    expect(mapping.identifiers.at(-1)).toEqual(ssn);
    // Mixed directions: identifier patterns match either way (Cypher has no per-type direction).
    expect(mappingPlaceholders(mapping)).toMatchObject({ accountSide: '-', identifierSide: '-' });
  });

  it('refuses a team-defined kind without a display name, a display name with markup, an unknown icon and bad names, naming each field', () => {
    const entry = { kind: null, label: 'SSN', valueProperty: 'number', relationshipType: 'HAS_SSN' };
    const cases: [object, string][] = [
      [entry, 'identifiers.0.displayName: give a kind of your own a display name'],
      [{ ...entry, displayName: '   ' }, 'identifiers.0.displayName: is required'],
      [{ ...entry, displayName: '<b>SSN</b>' }, 'identifiers.0.displayName: must be plain text'],
      [{ ...entry, displayName: 'SSN', icon: 'skull' }, 'identifiers.0.icon'],
      [{ ...entry, displayName: 'SSN', masking: 'hide' }, 'identifiers.0.masking'],
      [{ ...entry, displayName: 'SSN', direction: 'sideways' }, 'identifiers.0.direction'],
      [{ ...entry, displayName: 'SSN', label: 'SSN`) DETACH DELETE n //' }, 'identifiers.0.label: must be a plain name'],
      [{ ...entry, displayName: 'SSN', valueProperty: '' }, 'identifiers.0.valueProperty: is required'],
    ];
    for (const [identifier, message] of cases) {
      const error = rejection({ ...DEMO_SCHEMA_MAPPING, identifiers: [identifier] }, demoNames);
      expect(error.reason).toBe('schema_mapping_incomplete');
      expect(error.message).toContain(message);
    }
  });

  it('refuses an identifier label the database does not have, naming the entry by its display name', () => {
    const wallet = { kind: null, displayName: 'Wallet', label: 'Wallet', valueProperty: 'address', relationshipType: 'USES_WALLET' };
    const error = rejection({ ...DEMO_SCHEMA_MAPPING, identifiers: [wallet] }, demoNames);
    expect(error.reason).toBe('schema_mapping_mismatch');
    expect(error.message).toContain('label Wallet (Wallet identifiers) does not exist in the database');
    expect(error.message).toContain('relationship type USES_WALLET (account to Wallet) does not exist');
  });

  it('reads accounts under every mapped label, each checked against the database and quoted', () => {
    const names = { ...demoNames, labels: [...demoNames.labels, 'Customer'], nodeProperties: { ...demoNames.nodeProperties, Customer: ['userId'] } };
    const mapping = validateMapping({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: ['User', 'Customer'] } }, names);
    expect(mappingPlaceholders(mapping).accountLabel).toBe('`User`|`Customer`');
    // The id must be on every account label; markers on any of them.
    const noId = { ...names, nodeProperties: { ...names.nodeProperties, Customer: ['createdAt'] } };
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: ['User', 'Customer'] } }, noId).message).toContain('property userId (account id) does not exist on Customer nodes');
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: ['User', 'Client'] } }, names).message).toContain('label Client (accounts) does not exist');
    expect(rejection({ ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: [] } }, names).message).toContain('account.labels: name at least one account label');
  });

  it('fills unmapped parts with a name no graph uses, so they match nothing', () => {
    const mapping = validateMapping({ ...DEMO_SCHEMA_MAPPING, transfer: null }, demoNames);
    expect(mappingPlaceholders(mapping).transferTypes).toBe('`ringscope_unmapped`');
    expect(mappingPlaceholders(mapping).exploredTypes).not.toContain('TRANSFERRED_TO');
    expect(mappingPlaceholders(mapping)).toMatchObject({ eventFromTypes: '`ringscope_unmapped`', eventLabels: '`ringscope_unmapped`', eventToTypes: '`ringscope_unmapped`' });
  });

  it('explores every mapped event-node link through one quoted pattern, and hands the statements each link as values to tell them apart', () => {
    const names: GraphNames = {
      ...demoNames,
      labels: [...demoNames.labels, 'Transaction'],
      relationshipTypes: [...demoNames.relationshipTypes, 'PERFORMED', 'TO', 'REFUNDED'],
      nodeProperties: { ...demoNames.nodeProperties, Transaction: ['amount', 'ts'] },
    };
    const performed = { fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'account' as const }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.5 };
    const refunded = { ...performed, fromType: 'REFUNDED', amountProperty: null, timeProperty: null };
    const mapping = validateMapping({ ...DEMO_SCHEMA_MAPPING, eventLinks: [performed, refunded] }, names);
    expect(mappingPlaceholders(mapping)).toMatchObject({ eventFromTypes: '`PERFORMED`|`REFUNDED`', eventLabels: '`Transaction`', eventToTypes: '`TO`' });
    expect(eventLinksParam(mapping)).toEqual([
      { fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', amountProperty: 'amount', timeProperty: 'ts' },
      { fromType: 'REFUNDED', eventLabel: 'Transaction', toType: 'TO', amountProperty: null, timeProperty: null },
    ]);
  });

  describe('event links whose far end is a merchant', () => {
    /** A payment network: clients, transactions to clients and merchants, merchants reached only through transactions. */
    const paymentNames: GraphNames = {
      labels: ['Client', 'Device', 'Transaction', 'Merchant', 'Shop'],
      relationshipTypes: ['USED_DEVICE', 'PERFORMED', 'TO'],
      nodeProperties: { Client: ['clientId', 'fraud'], Device: ['fingerprint'], Transaction: ['amount', 'ts'], Merchant: ['category', 'merchantId', 'name'], Shop: ['name'] },
      relationshipProperties: {},
    };
    const paymentEnds = {
      USED_DEVICE: { from: ['Client'], to: ['Device'] },
      PERFORMED: { from: ['Client'], to: ['Transaction'] },
      TO: { from: ['Transaction'], to: ['Client', 'Merchant'] },
    };
    const toMerchant = { fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'merchant' as const, label: 'Merchant', idProperty: 'merchantId' }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.5 };
    const mappingWith = (farEnd: unknown) => ({ ...proposeMapping(paymentNames, paymentEnds).mapping, eventLinks: [{ ...toMerchant, farEnd }] });

    it('proposes transactions to merchants as payments through event nodes beside transactions to clients, with a note', () => {
      const { mapping, notes } = proposeMapping(paymentNames, paymentEnds);
      expect(mapping.eventLinks).toEqual([{ ...toMerchant, farEnd: { kind: 'account' } }, toMerchant]);
      expect(notes).toContainEqual({ code: 'event-payment-proposed', params: { label: 'Transaction', fromType: 'PERFORMED', toType: 'TO', merchantLabel: 'Merchant', merchantIdProperty: 'merchantId' } });
      // A merchant is not an identifier kind of the team's own.
      expect(mapping.identifiers.map((identifier) => identifier.label)).not.toContain('Merchant');
      expect(unmappedEvidence(mapping)).not.toContain('payments');
      expect(validateMapping(mapping, paymentNames).eventLinks).toHaveLength(2);
    });

    it('reads an event link saved before far ends existed as one between two accounts', () => {
      const { farEnd: _farEnd, ...older } = toMerchant;
      expect(validateMapping({ ...mappingWith({ kind: 'account' }), eventLinks: [older] }, paymentNames).eventLinks[0].farEnd).toEqual({ kind: 'account' });
    });

    it('refuses a merchant label or id key the database lacks, naming it', () => {
      expect(rejection(mappingWith({ kind: 'merchant', label: 'Store', idProperty: 'merchantId' }), paymentNames).message).toBe(
        'The schema mapping does not fit this database: label Store (event link 1 merchants) does not exist in the database.',
      );
      expect(rejection(mappingWith({ kind: 'merchant', label: 'Shop', idProperty: 'shopId' }), paymentNames).message).toBe(
        'The schema mapping does not fit this database: property shopId (event link 1 merchant id) does not exist on Shop nodes.',
      );
    });

    it.each([
      ['a backtick', 'Mer`chant'],
      ['a \\u0060 escape', 'Mer\\u0060chant'],
      ['a space', 'Mer chant'],
      ['unicode', 'Händler'],
      ['an over-long name', 'M'.repeat(101)],
    ])('refuses a merchant label or id key with %s before any query', (_case, name) => {
      for (const farEnd of [{ kind: 'merchant', label: name, idProperty: 'merchantId' }, { kind: 'merchant', label: 'Merchant', idProperty: name }]) {
        const error = rejection(mappingWith(farEnd), { ...paymentNames, labels: [...paymentNames.labels, name], nodeProperties: { ...paymentNames.nodeProperties, Merchant: ['merchantId', name] } });
        expect(error.reason).toBe('schema_mapping_incomplete');
        expect(error.message).toMatch(/eventLinks\.0\.farEnd\.(label|idProperty): must be a plain name/);
      }
    });

    it('refuses a far end that is neither an account nor a merchant with its label and id key', () => {
      expect(rejection(mappingWith({ kind: 'merchant', label: 'Merchant' }), paymentNames).message).toContain('eventLinks.0.farEnd.idProperty');
      expect(rejection(mappingWith({ kind: 'shop' }), paymentNames).message).toContain('eventLinks.0.farEnd');
    });

    it('quotes the merchant label and id key for the statement that loads the payments, and leaves merchant links out of Explore', () => {
      const mapping = validateMapping(proposeMapping(paymentNames, paymentEnds).mapping, paymentNames);
      expect(eventLinkPlaceholders(mapping, 1)).toMatchObject({ merchantLabel: '`Merchant`', merchantIdProperty: '`merchantId`', eventLabel: '`Transaction`', toType: '`TO`' });
      expect(eventLinksParam(mapping)).toEqual([{ fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', amountProperty: 'amount', timeProperty: 'ts' }]);
    });
  });
});
