import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CaseSnapshot, GraphNode } from '../../../main/api';
import { edgesCsv, graphMl, nodesCsv, queriesCypher, submittedQueries } from '../../../main/core/evidence/package-files';

const node = (label: string): GraphNode => ({ id: 'account:U1', kind: 'account', key: 'U1', label, properties: {}, riskScore: -0.5, blacklisted: false, degree: 3 });

describe('CSV files of an evidence package', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+1+cmd|calc', '@SUM(A1)', '-2+3', '\t=1'])('escapes a label starting like a formula (%s) so a spreadsheet shows it as text', (label) => {
    const [row] = parse(nodesCsv([node(label)]), { columns: true }) as Record<string, string>[];
    expect(row.label).toBe(`'${label}`);
  });

  it('keeps negative numbers as numbers', () => {
    const [row] = parse(nodesCsv([node('Alice')]), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ label: 'Alice', riskScore: '-0.5' });
  });

  it("names identifiers of the team's own kinds (SSN, Wallet, EMail) by the mapping entry's display name, built-in kinds by their kind", () => {
    const identifier = (id: string, displayName: string | null, kind: GraphNode['kind'] = 'identifier'): GraphNode => ({
      id, kind, key: '•••89', label: '•••89', properties: {}, riskScore: null, blacklisted: false, degree: 2,
      ...(displayName !== null && { identifierType: { displayName, icon: 'generic' as const } }),
    });
    const nodes = [identifier('identifier:1', 'SSN'), identifier('identifier:2', 'Wallet'), identifier('identifier:3', 'EMail'), identifier('phone:4', null, 'phone'), identifier('phone:5', '手机', 'phone')];
    const rows = parse(nodesCsv(nodes), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.kind)).toEqual(['SSN', 'Wallet', 'EMail', 'phone', 'phone']);
    const graphml = graphMl({ nodes, edges: [] });
    expect(graphml).toContain('<node id="identifier:1"><data key="n_0">SSN</data>');
    expect(graphml).not.toContain('>identifier<');
  });

  it('escapes formula-like relationship types in edges.csv too', () => {
    const csv = edgesCsv([{ id: 'e1', source: 'a', target: 'b', type: '=CMD()', kind: 'identifier', properties: {} }]);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row.type).toBe("'=CMD()");
  });
});

describe('queries.cypher of a submitted case', () => {
  const snapshot: CaseSnapshot = {
    takenAt: '2026-03-02T09:00:00.000Z',
    accounts: [{ nodeId: 'account:U1', userId: 'U1' }],
    identifierNodeIds: [],
    ringId: null,
    ringKind: null,
    score: null,
    reasons: [],
    nodes: [node('U1')],
    edges: [],
    queries: [{ name: 'subgraph-between', text: 'MATCH (a:`Client`) WHERE a.`clientId` IN $accountIds RETURN a', params: { accountIds: ['U1'], includeSharedIdentifiers: true } }],
  };

  it('writes the statements that read the snapshot, marked as submitted, with their parameters as run', () => {
    const text = queriesCypher(submittedQueries({ id: 'case-1', snapshot }));
    expect(text).toContain('// Query 1: subgraph-between');
    expect(text).toContain("// Ran on: as submitted: read for the case's snapshot of 2026-03-02T09:00:00.000Z");
    expect(text).toMatch(/^\/\/ +"U1"$/m);
    expect(text).toContain('MATCH (a:`Client`) WHERE a.`clientId` IN $accountIds RETURN a;');
  });

  it('adds nothing for a case not submitted or a snapshot taken before queries were recorded', () => {
    const { queries: _none, ...older } = snapshot;
    expect(submittedQueries({ id: 'case-1', snapshot: null })).toEqual([]);
    expect(submittedQueries({ id: 'case-1', snapshot: older })).toEqual([]);
  });
});
