import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiError, ApiInput, AuditEvent } from '../../main/api';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { toApiError } from '../shared/to-api-error';

export type AuditFilter = ApiInput<'audit', 'list'>;

export type AuditEventsState = { status: 'loading' } | { status: 'ok'; events: AuditEvent[]; total: number } | { status: 'error'; error: ApiError };

/** Audit events matching the filter, newest first, fetched while `enabled` and again after any change that writes to the trail. */
export function useAuditEvents(filter: AuditFilter, enabled = true): AuditEventsState {
  const api = useApi();
  const { data, error } = useQuery({ queryKey: queryKeys.auditEvents(filter), queryFn: () => api.audit.list(filter), enabled, placeholderData: keepPreviousData });
  if (error) return { status: 'error', error: toApiError(error) };
  return data ? { status: 'ok', events: data.events, total: data.total } : { status: 'loading' };
}
