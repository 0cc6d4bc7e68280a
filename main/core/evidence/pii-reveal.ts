import { IDENTIFIER_KINDS, type GraphNode } from '../../api';
import type { GraphSource } from '../sources/graph-source';

/**
 * Sources mask PII before anything leaves them; an export with includePii needs the raw values
 * back. The active source reads them (the demo dataset, or the stored Neo4j properties); the
 * masked value is swapped for the raw one wherever it appears on the node. Device ids are not PII.
 */
export async function unmaskIdentifiers(source: GraphSource, nodes: readonly GraphNode[], signal: AbortSignal): Promise<GraphNode[]> {
  const identifierIds = nodes.filter((node) => (node.kind === 'identifier' || (IDENTIFIER_KINDS as readonly string[]).includes(node.kind)) && node.kind !== 'device').map((node) => node.id);
  const raw = await source.revealIdentifiers(identifierIds, signal);
  return nodes.map((node) => {
    const value = raw.get(node.id);
    if (value === undefined) return node;
    const properties = Object.fromEntries(Object.entries(node.properties).map(([name, shown]) => [name, shown === node.key ? value : shown]));
    return { ...node, key: value, label: value, properties };
  });
}
