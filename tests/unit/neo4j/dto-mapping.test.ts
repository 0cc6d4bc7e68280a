import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DEMO_SCHEMA_MAPPING, type ValidatedMapping } from '../../../main/core/schema/schema-mapping';
import { PAYMENT_NETWORK_SCHEMA_MAPPING } from '../../../main/core/sources/neo4j/seed-payment-network';
import { plainProperties, toPlain } from '../../../main/core/sources/neo4j/bolt-mapping';
import { parseNodeId, toGraphEdges, toGraphNode } from '../../../main/core/sources/neo4j/dto-mapping';

const mapping = DEMO_SCHEMA_MAPPING as ValidatedMapping;

describe('bolt mapping', () => {
  it('turns driver integers into numbers, and into exact strings beyond the safe range', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns a zoned date-time into the ISO instant JavaScript would print', () => {
    const at = neo4j.types.DateTime.fromStandardDate(new Date('2026-03-01T10:15:00.250Z'));
    expect(toPlain(at)).toBe('2026-03-01T10:15:00.250Z');
  });

  it('turns nodes into plain objects and list properties into display text', () => {
    const node = new neo4j.types.Node(neo4j.int(7), ['User'], { userId: 'U0000007', tags: ['a', 'b'] }, '4:abc:7');
    expect(toPlain(node)).toEqual({ elementId: '4:abc:7', labels: ['User'], properties: { userId: 'U0000007', tags: 'a, b' } });
    expect(plainProperties({ n: neo4j.int(3) })).toEqual({ n: 3 });
  });
});

describe('Neo4j nodes as GraphNode DTOs', () => {
  it('shows identifiers of a team-defined kind by its mapped name and picture, masked unless the entry says show', () => {
    const ssn = { kind: null, displayName: 'SSN', icon: 'id-card', label: 'SSN', valueProperty: 'number', relationshipType: 'HAS_SSN', direction: 'to-account', weight: null, masking: 'mask' } as const;
    const phone = { ...DEMO_SCHEMA_MAPPING.identifiers[1], displayName: '手机', masking: 'show' } as const;
    const custom = { ...DEMO_SCHEMA_MAPPING, account: { ...DEMO_SCHEMA_MAPPING.account, labels: ['Client', 'Customer'] }, identifiers: [ssn, phone] } as ValidatedMapping;
    const ssnNode = toGraphNode({ elementId: '4:x:9', labels: ['SSN'], properties: { number: '123-45-6789' } }, 2, custom);
    expect(ssnNode).toMatchObject({ id: 'identifier:4:x:9', kind: 'identifier', key: '•••89', label: '•••89', properties: { number: '•••89' }, identifierType: { displayName: 'SSN', icon: 'id-card' } });
    expect(parseNodeId(ssnNode.id)).toEqual({ accountId: null, merchantId: null, elementId: '4:x:9' });
    // A built-in kind marked show keeps its value as stored, and its own picture under the team's word.
    const phoneNode = toGraphNode({ elementId: '4:x:8', labels: ['Phone'], properties: { phoneNumber: '+4915112345678' } }, 2, custom);
    expect(phoneNode).toMatchObject({ kind: 'phone', label: '+4915112345678', identifierType: { displayName: '手机', icon: 'phone' } });
    // A kind of the team's own mapped without a display name is called by its label, never just "identifier".
    const wallet = { ...ssn, displayName: null, icon: null, label: 'Wallet', valueProperty: 'address', relationshipType: 'USES_WALLET' } as const;
    const walletNode = toGraphNode({ elementId: '4:x:6', labels: ['Wallet'], properties: { address: '0x5290' } }, 2, { ...custom, identifiers: [wallet] } as ValidatedMapping);
    expect(walletNode.identifierType).toEqual({ displayName: 'Wallet', icon: 'generic' });
    // Either account label makes a node an account.
    expect(toGraphNode({ elementId: '4:x:7', labels: ['Customer'], properties: { userId: 'C7' } }, 1, custom).id).toBe('account:C7');
  });

  it('shows an account with its mapped properties only, id by business key', () => {
    const node = { elementId: '4:x:1', labels: ['User'], properties: { userId: 'U0000001', createdAt: '2025-01-02T03:04:05.000Z', riskScore: 0.75, blacklisted: true, fullName: 'Anna Schmidt' } };
    expect(toGraphNode(node, 4, mapping)).toEqual({
      id: 'account:U0000001',
      kind: 'account',
      key: 'U0000001',
      label: 'U0000001',
      properties: { userId: 'U0000001', createdAt: '2025-01-02T03:04:05.000Z', riskScore: 0.75, blacklisted: true },
      riskScore: 0.75,
      blacklisted: true,
      degree: 4,
    });
  });

  it('masks an identifier value and keeps it out of the node id', () => {
    const node = { elementId: '4:x:9', labels: ['Phone'], properties: { phoneNumber: '+4915112345678' } };
    const dto = toGraphNode(node, 3, mapping);
    expect(dto).toMatchObject({ id: 'phone:4:x:9', kind: 'phone', label: '+49 ••• ••• 78', properties: { phoneNumber: '+49 ••• ••• 78' } });
    expect(JSON.stringify(dto)).not.toContain('12345678');
  });

  it('shows a merchant paid through event nodes by the id key of the event link, and a Transaction to it as a payment', () => {
    const payments = PAYMENT_NETWORK_SCHEMA_MAPPING as ValidatedMapping;
    const merchant = toGraphNode({ elementId: '4:x:5', labels: ['Merchant'], properties: { merchantId: 'M00042', owner: 'PII' } }, 3, payments);
    expect(merchant).toEqual({ id: 'merchant:M00042', kind: 'merchant', key: 'M00042', label: 'M00042', properties: { merchantId: 'M00042' }, riskScore: null, blacklisted: false, degree: 3 });
    expect(parseNodeId(merchant.id)).toEqual({ accountId: null, merchantId: 'M00042', elementId: null });
    const flow = { type: 'Transaction', outgoing: true, count: 2, totalAmount: 1000, firstAt: null, lastAt: null };
    expect(toGraphEdges('account:C0000001', merchant.id, [flow], payments)[0].kind).toBe('payment');
    // The same event label between two clients moves money like a transfer.
    expect(toGraphEdges('account:C0000001', 'account:C0000002', [flow], payments)[0].kind).toBe('transfer');
  });

  it('parses node ids back into the lookup each kind needs', () => {
    expect(parseNodeId('account:U0000001')).toEqual({ accountId: 'U0000001', merchantId: null, elementId: null });
    expect(parseNodeId('merchant:M00001')).toEqual({ accountId: null, merchantId: 'M00001', elementId: null });
    expect(parseNodeId('ip:4:x:12')).toEqual({ accountId: null, merchantId: null, elementId: '4:x:12' });
    expect(() => parseNodeId('robot:1')).toThrow(/No node with id robot:1/);
  });

  it('folds transfers into one edge per direction with totals, ids from both ends', () => {
    const flows = [
      { type: 'TRANSFERRED_TO', outgoing: true, count: 2, totalAmount: 100.005, firstAt: '2025-01-01T00:00:00.000Z', lastAt: Date.UTC(2025, 0, 2) },
      { type: 'TRANSFERRED_TO', outgoing: false, count: 1, totalAmount: 5, firstAt: null, lastAt: null },
    ];
    const edges = toGraphEdges('account:U1', 'account:U2', flows, mapping);
    expect(edges[0]).toEqual({
      id: 'account:U1-TRANSFERRED_TO->account:U2',
      source: 'account:U1',
      target: 'account:U2',
      type: 'TRANSFERRED_TO',
      kind: 'transfer',
      properties: { count: 2, totalAmount: 100.01, firstAt: '2025-01-01T00:00:00.000Z', lastAt: '2025-01-02T00:00:00.000Z' },
    });
    expect(edges[1]).toMatchObject({ source: 'account:U2', target: 'account:U1' });
  });
});
