import { useEffect, useState } from 'react';
import type { GraphNode } from '../../main/api';
import { useApi } from '../api/api-context';

/** Members beyond this are listed without their risk, so a huge case does not fire thousands of calls. */
export const MAX_DETAILED_MEMBERS = 100;

/**
 * The graph nodes of a case's accounts (risk, blacklisted), by node id; missing ones stay absent.
 * They are fetched again when `refreshOn` changes: pass the case's status, as approving and revoking
 * mark and unmark the accounts in the graph.
 */
export function useAccountNodes(nodeIds: readonly string[], refreshOn = ''): Map<string, GraphNode> {
  const api = useApi();
  const [nodes, setNodes] = useState(() => new Map<string, GraphNode>());
  const key = nodeIds.slice(0, MAX_DETAILED_MEMBERS).join('\n');
  useEffect(() => {
    let current = true;
    const ids = key ? key.split('\n') : [];
    void Promise.allSettled(ids.map((nodeId) => api.graph.nodeDetails({ nodeId }))).then((results) => {
      if (!current) return;
      const found = new Map<string, GraphNode>();
      for (const result of results) if (result.status === 'fulfilled') found.set(result.value.node.id, result.value.node);
      setNodes(found);
    });
    return () => {
      current = false;
    };
  }, [api, key, refreshOn]);
  return nodes;
}
