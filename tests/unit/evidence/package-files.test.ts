import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../main/api';
import { edgesCsv, nodesCsv } from '../../../main/core/evidence/package-files';

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
