import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiError, ConnectionsListResult } from '../../main/api';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { toApiError } from '../shared/to-api-error';

export type ConnectionsState = { status: 'loading' } | { status: 'ok'; list: ConnectionsListResult } | { status: 'error'; error: ApiError };

/** The saved connections, whether passwords can be stored, and the active source; `reload` asks again (after a change). */
export function useConnections(): { state: ConnectionsState; reload: () => Promise<void> } {
  const api = useApi();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: queryKeys.connections, queryFn: () => api.connections.list({}) });
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: queryKeys.connections }), [queryClient]);
  const state: ConnectionsState = error ? { status: 'error', error: toApiError(error) } : data ? { status: 'ok', list: data } : { status: 'loading' };
  return { state, reload };
}
