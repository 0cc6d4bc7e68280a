import { useEffect, useState } from 'react';
import type { ApiError, ApiInput, AuditEvent } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

export type AuditFilter = ApiInput<'audit', 'list'>;

export type AuditEventsState = { status: 'loading' } | { status: 'ok'; events: AuditEvent[]; total: number } | { status: 'error'; error: ApiError };

/** Audit events matching the filter, newest first; `refreshKey` changing fetches them again. */
export function useAuditEvents(filter: AuditFilter, refreshKey: unknown = null): AuditEventsState {
  const api = useApi();
  const [state, setState] = useState<AuditEventsState>({ status: 'loading' });
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    api.audit.list(JSON.parse(filterKey) as AuditFilter).then(
      ({ events, total }) => current && setState({ status: 'ok', events, total }),
      (error: unknown) => current && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, filterKey, refreshKey]);
  return state;
}
