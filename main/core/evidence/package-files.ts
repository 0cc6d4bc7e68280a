/**
 * The data files of an evidence package, each a pure function of the case graph: nodes.csv,
 * edges.csv, graph.graphml, cytoscape.json, queries.cypher and audit.jsonl. The report and the
 * manifest are built elsewhere from the same inputs.
 */
import { stringify } from 'csv-stringify/sync';
import type { AuditEvent, Case, GraphEdge, GraphNode, PropertyValue, Subgraph } from '../../api';
import type { NodePositions } from './graph-layout';

/** One query run (or its catalogued equivalent) to build the package, with its parameters as run. */
export interface RecordedQuery {
  /** What answered it, e.g. "GraphSource.subgraph on the embedded demo graph". */
  ranOn: string;
  /** Catalogued statement name (graph-queries/<name>.cypher), or null when no Cypher was involved. */
  catalogName: string | null;
  params: Record<string, unknown>;
  /** The statement text: rendered with the graph's names for Neo4j, the catalogued template otherwise. */
  statement: string | null;
  note: string;
}

const NODE_COLUMNS = ['id', 'kind', 'key', 'label', 'riskScore', 'blacklisted', 'degree', 'properties'] as const;
const EDGE_COLUMNS = ['id', 'source', 'target', 'type', 'kind', 'count', 'totalAmount', 'firstAt', 'lastAt', 'properties'] as const;

const cell = (value: PropertyValue | undefined): string | number | boolean | null => value ?? null;
/** A cell starting with = + - @ (a label, a key from the graph) would run as a formula in a spreadsheet: prefixed with '. */
const CSV_OPTIONS = { header: true, escape_formulas: true } as const;

/** A node's kind as the package names it: an identifier of the team's own kind by its entry's display name ("SSN"), else the kind. */
const kindName = (node: GraphNode): string => (node.kind === 'identifier' && node.identifierType?.displayName) || node.kind;

/** Every node of the case graph, one per row; properties also as JSON so nothing is lost. */
export function nodesCsv(nodes: readonly GraphNode[]): string {
  return stringify(
    nodes.map((node) => [node.id, kindName(node), node.key, node.label, node.riskScore, node.blacklisted, node.degree, JSON.stringify(node.properties)]),
    { ...CSV_OPTIONS, columns: [...NODE_COLUMNS], cast: { boolean: (value) => String(value) } },
  );
}

/** Every edge of the case graph; money flows carry their folded count, total and time span. */
export function edgesCsv(edges: readonly GraphEdge[]): string {
  return stringify(
    edges.map((edge) => [
      edge.id,
      edge.source,
      edge.target,
      edge.type,
      edge.kind,
      cell(edge.properties.count),
      cell(edge.properties.totalAmount),
      cell(edge.properties.firstAt),
      cell(edge.properties.lastAt),
      JSON.stringify(edge.properties),
    ]),
    { ...CSV_OPTIONS, columns: [...EDGE_COLUMNS] },
  );
}

const xmlEscape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);

type GraphMlType = 'string' | 'double' | 'boolean';
const graphMlType = (value: PropertyValue): GraphMlType => (typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string');

/** Declares one <key> per attribute name, typed by the first non-null value seen (string when mixed). */
function graphMlKeys(domain: 'node' | 'edge', records: readonly Record<string, PropertyValue>[]): Map<string, { id: string; type: GraphMlType }> {
  const keys = new Map<string, { id: string; type: GraphMlType }>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const existing = keys.get(name);
      if (!existing) keys.set(name, { id: `${domain[0]}_${keys.size}`, type: value === null ? 'string' : graphMlType(value) });
      else if (value !== null && existing.type !== graphMlType(value)) existing.type = 'string';
    }
  }
  return keys;
}

const nodeAttributes = (node: GraphNode): Record<string, PropertyValue> => ({
  kind: kindName(node),
  key: node.key,
  label: node.label,
  riskScore: node.riskScore,
  blacklisted: node.blacklisted,
  ...Object.fromEntries(Object.entries(node.properties).map(([name, value]) => [`property.${name}`, value])),
});
const edgeAttributes = (edge: GraphEdge): Record<string, PropertyValue> => ({
  type: edge.type,
  kind: edge.kind,
  ...Object.fromEntries(Object.entries(edge.properties).map(([name, value]) => [`property.${name}`, value])),
});

/** GraphML (graphml.graphdrawing.org) with a typed <key> for every attribute, readable by Gephi, yEd and networkx. */
export function graphMl(graph: Subgraph): string {
  const nodeRecords = graph.nodes.map(nodeAttributes);
  const edgeRecords = graph.edges.map(edgeAttributes);
  const nodeKeys = graphMlKeys('node', nodeRecords);
  const edgeKeys = graphMlKeys('edge', edgeRecords);
  const data = (keys: typeof nodeKeys, record: Record<string, PropertyValue>) =>
    Object.entries(record)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `<data key="${keys.get(name)!.id}">${xmlEscape(String(value))}</data>`)
      .join('');
  const keyLines = (domain: 'node' | 'edge', keys: typeof nodeKeys) =>
    [...keys].map(([name, { id, type }]) => `  <key id="${id}" for="${domain}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // One line on purpose: some lenient XML parsers (happy-dom's) reject attributes on a continuation line.
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines('node', nodeKeys),
    ...keyLines('edge', edgeKeys),
    '  <graph id="case" edgedefault="directed">',
    ...graph.nodes.map((node, i) => `    <node id="${xmlEscape(node.id)}">${data(nodeKeys, nodeRecords[i])}</node>`),
    ...graph.edges.map(
      (edge, i) => `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${data(edgeKeys, edgeRecords[i])}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** Cytoscape.js elements JSON (`cy.json({ elements })` loads it), with the positions drawn in the report. */
export function cytoscapeJson(graph: Subgraph, positions: NodePositions): string {
  const elements = {
    nodes: graph.nodes.map((node) => ({
      group: 'nodes',
      data: { id: node.id, kind: node.kind, key: node.key, label: node.label, riskScore: node.riskScore, blacklisted: node.blacklisted, degree: node.degree, ...node.properties },
      position: positions.get(node.id) ?? { x: 0, y: 0 },
    })),
    edges: graph.edges.map((edge) => ({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, kind: edge.kind, ...edge.properties },
    })),
  };
  return `${JSON.stringify({ format: 'cytoscape.js elements', elements }, null, 2)}\n`;
}

/** The queries that read a submitted case's snapshot, as recorded on submission (none before submission or on the demo graph). */
export function submittedQueries(caseRecord: Pick<Case, 'id' | 'snapshot'>): RecordedQuery[] {
  const snapshot = caseRecord.snapshot;
  return (snapshot?.queries ?? []).map((query) => ({
    ranOn: `as submitted: read for the case's snapshot of ${snapshot!.takenAt}`,
    catalogName: query.name,
    params: query.params,
    statement: query.text,
    note: `As submitted: what the analyst saw when case ${caseRecord.id} was submitted for review was read by this statement.`,
  }));
}

/** Every query behind the package as Cypher comments and text, parameters as run. */
export function queriesCypher(queries: readonly RecordedQuery[]): string {
  return queries
    .map((query, i) =>
      [
        `// Query ${i + 1}: ${query.catalogName ?? '(no Cypher)'}`,
        `// Ran on: ${query.ranOn}`,
        ...query.note.split('\n').map((line) => `// ${line}`),
        `// Parameters as run:`,
        ...JSON.stringify(query.params, null, 2)
          .split('\n')
          .map((line) => `//   ${line}`),
        query.statement ? `${query.statement.trim()};` : '',
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

/** The case's audit events as stored (oldest first), one JSON object a line, hashes untouched. */
export function auditJsonl(events: readonly AuditEvent[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n').concat(events.length ? '\n' : '');
}
