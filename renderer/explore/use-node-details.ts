import { useEffect, useState } from 'react';
import type { ApiError, NodeDetails } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

export type NodeDetailsState =
  | { status: 'idle' }
  | { status: 'loading'; nodeId: string }
  | { status: 'ok'; nodeId: string; details: NodeDetails }
  | { status: 'error'; nodeId: string; error: ApiError };

/** Loads graph.nodeDetails for the selected node; answers for a node no longer selected are dropped. */
export function useNodeDetails(nodeId: string | null): NodeDetailsState {
  const api = useApi();
  const [state, setState] = useState<NodeDetailsState>({ status: 'idle' });
  useEffect(() => {
    if (!nodeId) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'loading', nodeId });
    api.graph.nodeDetails({ nodeId }).then(
      (details) => current && setState({ status: 'ok', nodeId, details }),
      (error: unknown) => current && setState({ status: 'error', nodeId, error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, nodeId]);
  return state;
}
