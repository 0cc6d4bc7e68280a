import type { GraphNode, Subgraph } from '../../api';
import { canonicalJson } from '../trust/canonical-json';

/** One value that differs between what the analyst submitted and the graph at export time. */
export interface ValueChange {
  nodeId: string;
  /** A property key, or riskScore / blacklisted / node (the node is gone from the graph). */
  field: string;
  then: string;
  now: string;
}

const shown = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : canonicalJson(value));

/**
 * Every value of the submitted snapshot's nodes that the live graph now shows differently, so the
 * evidence report can mark it: the package shows what was reviewed, and says what changed since.
 */
export function valuesChangedSince(snapshot: Pick<Subgraph, 'nodes'>, live: Pick<Subgraph, 'nodes'>): ValueChange[] {
  const liveById = new Map<string, GraphNode>(live.nodes.map((node) => [node.id, node]));
  const changes: ValueChange[] = [];
  for (const then of snapshot.nodes) {
    const now = liveById.get(then.id);
    if (!now) {
      changes.push({ nodeId: then.id, field: 'node', then: 'in the graph', now: 'gone' });
      continue;
    }
    if (then.riskScore !== now.riskScore) changes.push({ nodeId: then.id, field: 'riskScore', then: shown(then.riskScore), now: shown(now.riskScore) });
    if (then.blacklisted !== now.blacklisted) changes.push({ nodeId: then.id, field: 'blacklisted', then: shown(then.blacklisted), now: shown(now.blacklisted) });
    for (const key of [...new Set([...Object.keys(then.properties), ...Object.keys(now.properties)])].sort()) {
      if (canonicalJson(then.properties[key]) !== canonicalJson(now.properties[key])) {
        changes.push({ nodeId: then.id, field: key, then: shown(then.properties[key]), now: shown(now.properties[key]) });
      }
    }
  }
  return changes;
}
