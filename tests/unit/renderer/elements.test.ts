import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../main/api';
import { edgeElement, nodeElement } from '../../../renderer/graph/elements';
import { riskBand } from '../../../renderer/graph/risk';

function account(id: string, riskScore: number | null, blacklisted = false): GraphNode {
  return { id, kind: 'account', key: id, label: id, properties: { userId: id }, riskScore, blacklisted, degree: 3 };
}

function identifier(id: string, kind: GraphNode['kind'], label: string): GraphNode {
  return { id, kind, key: label, label, properties: {}, riskScore: null, blacklisted: false, degree: 2 };
}

function edge(source: string, target: string, kind: GraphEdge['kind'] = 'identifier'): GraphEdge {
  return { id: `${source}->${target}`, source, target, type: kind === 'identifier' ? 'HAS_PHONE' : 'TRANSFERRED_TO', kind, properties: {} };
}

const classesOf = (element: { classes: string }) => element.classes.split(' ');

describe('nodeElement', () => {
  it('keeps the id, label and the whole DTO so the details panel can show it', () => {
    const node = account('account:U1', 0.2);
    const element = nodeElement(node);
    expect(element.group).toBe('nodes');
    expect(element.data).toMatchObject({ id: 'account:U1', kind: 'account', label: 'account:U1', riskScore: 0.2, blacklisted: false });
    expect(element.data.node).toBe(node);
  });

  it('classes an account by kind and risk band, and marks it blacklisted', () => {
    expect(classesOf(nodeElement(account('a', 0.95, true)))).toEqual(['kind-account', 'risk-high', 'blacklisted']);
    expect(classesOf(nodeElement(account('b', 0.5)))).toEqual(['kind-account', 'risk-medium']);
    expect(classesOf(nodeElement(account('c', 0.05)))).toEqual(['kind-account', 'risk-low']);
    expect(classesOf(nodeElement(account('d', null)))).toEqual(['kind-account', 'risk-unknown']);
  });

  it('gives identifiers their kind class but no risk band', () => {
    expect(classesOf(nodeElement(identifier('phone:1', 'phone', '+49 ••• ••• 67')))).toEqual(['kind-phone']);
    expect(classesOf(nodeElement(identifier('card:1', 'card', '•••• 1942')))).toEqual(['kind-card']);
  });

  it('draws an identifier with more neighbours than one page as a collapsed hub with its count', () => {
    const officeIp = { ...identifier('ip:7', 'ip', '193.15.249.•••'), degree: 1337 };
    const element = nodeElement(officeIp, 50, (count) => `${count.toLocaleString('en-US')} linked`);
    expect(classesOf(element)).toEqual(['kind-ip', 'hub']);
    expect(element.data.label).toBe('193.15.249.•••\n1,337 linked');
    // One page's worth is no hub, and accounts are never drawn as hubs whatever their degree.
    expect(classesOf(nodeElement({ ...officeIp, degree: 50 }))).toEqual(['kind-ip']);
    expect(classesOf(nodeElement({ ...account('a', 0.1), degree: 900 }))).not.toContain('hub');
    // The investigator's page size decides: at 200 neighbours a page, an IP with 150 is no hub.
    expect(classesOf(nodeElement(officeIp, 200))).toContain('hub');
    expect(classesOf(nodeElement({ ...officeIp, degree: 150 }, 200))).toEqual(['kind-ip']);
  });

  it('shows a masked label exactly as the core sent it', () => {
    expect(nodeElement(identifier('card:1', 'card', '•••• •••• •••• 1942')).data.label).toBe('•••• •••• •••• 1942');
  });
});

describe('riskBand', () => {
  it('puts the band edges at 0.4 (medium) and 0.7 (high)', () => {
    expect([0, 0.39, 0.4, 0.69, 0.7, 1].map(riskBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('reads a missing score as unknown, not as low risk', () => {
    expect(riskBand(null)).toBe('unknown');
  });
});

describe('edgeElement', () => {
  it('classes edges by what they mean to an investigator', () => {
    expect(edgeElement(edge('a', 'b', 'identifier')).classes).toBe('edge-identifier');
    expect(edgeElement(edge('a', 'b', 'transfer')).classes).toBe('edge-transfer');
    expect(edgeElement(edge('a', 'm', 'payment')).classes).toBe('edge-payment');
    expect(edgeElement(edge('a', 'b', 'transfer')).data).toMatchObject({ source: 'a', target: 'b', type: 'TRANSFERRED_TO', kind: 'transfer' });
  });
});
