/**
 * Links with an end inside a collapsed group are drawn to the group's node instead: one link per
 * pair of drawn ends and kind of link, counted, so a money link keeps the money colour and its
 * direction, and an identifier link its own look.
 */
import type cytoscape from 'cytoscape';
import type { EdgeKind } from '../../main/api';
import { EDGE_KIND_VISUALS } from './node-kinds';

export interface ReroutedLink {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** How many links it stands for (its width, and its label when more than one). */
  count: number;
  element: cytoscape.ElementDefinition;
}

/** Folds the re-routed links ({drawn source, drawn target, kind}); directed kinds keep each direction apart. */
export function foldReroutedLinks(links: Iterable<{ source: string; target: string; kind: EdgeKind }>): ReroutedLink[] {
  const folded = new Map<string, Omit<ReroutedLink, 'element'>>();
  for (const { source, target, kind } of links) {
    const [from, to] = EDGE_KIND_VISUALS[kind].directed || source < target ? [source, target] : [target, source];
    const id = `folded:${kind}:${from}|${to}`;
    const link = folded.get(id) ?? { id, source: from, target: to, kind, count: 0 };
    link.count++;
    folded.set(id, link);
  }
  return [...folded.values()].map((link) => ({
    ...link,
    element: { group: 'edges', data: { id: link.id, source: link.source, target: link.target, label: link.count > 1 ? String(link.count) : '', count: link.count }, classes: `folded-link edge-${link.kind}` },
  }));
}
