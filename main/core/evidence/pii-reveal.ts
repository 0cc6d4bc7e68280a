import { ApiError, IDENTIFIER_KINDS, type GraphNode, type IdentifierKind } from '../../api';
import { ActiveGraphSource } from '../sources/active-source';
import { EmbeddedGraphSource } from '../sources/embedded-source';
import type { GraphSource } from '../sources/graph-source';

/**
 * Sources mask PII before anything leaves them; an export with includePii needs the raw values back.
 * Only the embedded demo graph can give them for now (it holds the dataset); reading raw properties
 * from Neo4j would need its own catalogued query, so there the export says so instead.
 */
export function unmaskIdentifiers(source: GraphSource, nodes: readonly GraphNode[]): GraphNode[] {
  const current = source instanceof ActiveGraphSource ? source.current : source;
  if (!(current instanceof EmbeddedGraphSource)) {
    throw new ApiError('unavailable', 'Exporting unmasked personal data is only supported on the embedded demo graph for now; export this case with masking instead');
  }
  const { identifiers } = current.dataset;
  return nodes.map((node) => {
    if (!(IDENTIFIER_KINDS as readonly string[]).includes(node.kind) || node.kind === 'device') return node;
    const index = Number(node.id.slice(node.id.indexOf(':') + 1));
    // identifierNodeId(index) names the kind too, so a matching id proves index and kind belong together.
    if (!Number.isInteger(index) || index < 0 || index >= identifiers.count || current.identifierNodeId(index) !== node.id) return node;
    const raw = identifiers.value[index];
    const properties = Object.fromEntries(Object.entries(node.properties).map(([name, value]) => [name, value === node.key ? raw : value]));
    return { ...node, key: raw, label: raw, properties, kind: node.kind as IdentifierKind };
  });
}
