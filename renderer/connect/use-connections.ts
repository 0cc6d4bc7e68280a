import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ConnectionsListResult } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

export type ConnectionsState = { status: 'loading' } | { status: 'ok'; list: ConnectionsListResult } | { status: 'error'; error: ApiError };

/** The saved connections, whether passwords can be stored, and the active source; `reload` asks again. */
export function useConnections(): { state: ConnectionsState; reload: () => Promise<void> } {
  const api = useApi();
  const [state, setState] = useState<ConnectionsState>({ status: 'loading' });
  const reload = useCallback(
    () =>
      api.connections.list({}).then(
        (list) => setState({ status: 'ok', list }),
        (error: unknown) => setState({ status: 'error', error: toApiError(error) }),
      ),
    [api],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}
