import { useCallback, useState, type RefObject } from 'react';
import type { ApiError, FollowMoneyInput } from '../../main/api';
import { useApi } from '../api/api-context';
import type { CanvasCommand } from '../graph/canvas-model';
import type { GraphView } from '../graph/graph-view';
import { toApiError } from '../shared/to-api-error';
import { followMoneyCommand } from './follow-money';
import { moneyEdges } from './time-filter';
import type { TimeWindowState } from './use-time-window';

export interface FollowMoneyRequest {
  nodeId: string;
  direction: FollowMoneyInput['direction'];
  maxHops: number;
  /** Only money that moved inside the timeline's window. */
  withinWindow: boolean;
}

/** "Follow the money" from a node: graph.followMoney, then the found links drawn (undoable) and highlighted. */
export function useFollowMoney(run: (command: CanvasCommand) => void, viewRef: RefObject<GraphView | null>, timeline: Pick<TimeWindowState, 'timeWindow' | 'setHighlight'>) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<{ links: number; truncated: boolean } | null>(null);
  const { timeWindow, setHighlight } = timeline;

  const follow = useCallback(
    async ({ nodeId, direction, maxHops, withinWindow }: FollowMoneyRequest) => {
      setBusy(true);
      setError(null);
      try {
        const found = await api.graph.followMoney({ nodeId, direction, maxHops, window: withinWindow && timeWindow ? timeWindow : undefined });
        run(followMoneyCommand(found, nodeId));
        setHighlight({ kind: 'edges', edgeIds: moneyEdges(found.links).map((edge) => edge.id), currentId: null });
        setLast({ links: found.links.length, truncated: found.truncated });
        viewRef.current?.reveal(found.nodes.map((node) => node.id));
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        setBusy(false);
      }
    },
    [api, run, viewRef, timeWindow, setHighlight],
  );

  return { follow, busy, error, dismissError: () => setError(null), last };
}
