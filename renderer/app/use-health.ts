import { useEffect, useState } from 'react';
import { ApiError, type Health } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';
import { useSourceRevision } from './workbench';

export type HealthState = { status: 'loading' } | { status: 'ok'; health: Health } | { status: 'error'; error: ApiError };

/** Asks the shell which data source it serves, for the top bar: once, and again after each source switch. */
export function useHealth(): HealthState {
  const api = useApi();
  const sourceRevision = useSourceRevision();
  const [state, setState] = useState<HealthState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    api.system.health({}).then(
      (health) => current && setState({ status: 'ok', health }),
      (error: unknown) => current && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, sourceRevision]);
  return state;
}
