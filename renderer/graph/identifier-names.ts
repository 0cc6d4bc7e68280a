import type { TFunction } from 'i18next';
import type { GraphNode, IdentifierType, NodeKind } from '../../main/api';

/** How a node's kind reads: a mapped identifier entry's display name ("SSN"), else the kind's word. */
export function nodeKindName(node: Pick<GraphNode, 'kind' | 'identifierType'>, t: TFunction): string {
  return node.identifierType?.displayName ?? t(`kinds.${node.kind}`);
}

/**
 * A collapsed hub's second label line: its neighbour count, after the mapped entry's name when the
 * mapping gives one ("SSN · 1,337 linked"), since a kind of the team's own has no shape or word of RingScope's.
 */
export function hubCountLine(t: TFunction, count: number, node: Pick<GraphNode, 'identifierType'>): string {
  const name = node.identifierType?.displayName;
  return name ? t('graph.hubCountNamed', { name, count }) : t('graph.hubCount', { count });
}

/** One legend row per mapped identifier entry drawn with its own name or picture. */
export interface NamedIdentifierType extends IdentifierType {
  kind: NodeKind;
}

/** The identifier entries with their own name or picture among the drawn nodes, each once, in first-drawn order. */
export function namedIdentifierTypes(nodes: readonly Pick<GraphNode, 'kind' | 'identifierType'>[]): NamedIdentifierType[] {
  const seen = new Map<string, NamedIdentifierType>();
  for (const { kind, identifierType } of nodes) {
    if (!identifierType) continue;
    const key = `${kind}\u0000${identifierType.displayName ?? ''}\u0000${identifierType.icon}`;
    if (!seen.has(key)) seen.set(key, { kind, ...identifierType });
  }
  return [...seen.values()];
}
