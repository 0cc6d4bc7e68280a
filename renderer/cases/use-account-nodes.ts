import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GraphNode } from '../../main/api';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';

/** Members beyond this are listed without their risk, so a huge case does not fire thousands of calls. */
export const MAX_DETAILED_MEMBERS = 100;

const NO_NODES = new Map<string, GraphNode>();

/**
 * The graph nodes of a case's accounts (risk, blacklisted), by node id; missing ones stay absent.
 * Fetched again after a case change (approving and revoking mark and unmark the accounts in the graph).
 */
export function useAccountNodes(nodeIds: readonly string[]): Map<string, GraphNode> {
  const api = useApi();
  const ids = nodeIds.slice(0, MAX_DETAILED_MEMBERS);
  const { data } = useQuery({
    queryKey: queryKeys.accountNodes(ids),
    queryFn: async () => {
      const results = await Promise.allSettled(ids.map((nodeId) => api.graph.nodeDetails({ nodeId })));
      const found = new Map<string, GraphNode>();
      for (const result of results) if (result.status === 'fulfilled') found.set(result.value.node.id, result.value.node);
      return found;
    },
    placeholderData: keepPreviousData,
  });
  return data ?? NO_NODES;
}
