import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CaseSnapshot, GraphNode } from '../../../main/api';
import { edgesCsv, nodesCsv, queriesCypher, submittedQueries } from '../../../main/core/evidence/package-files';

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
