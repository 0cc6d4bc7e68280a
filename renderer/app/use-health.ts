import { useQuery } from '@tanstack/react-query';
import type { ApiError, Health } from '../../main/api';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { toApiError } from '../shared/to-api-error';

export type HealthState = { status: 'loading' } | { status: 'ok'; health: Health } | { status: 'error'; error: ApiError };

/** Asks the shell which data source it serves, for the top bar: once, and again after each source switch (which invalidates every answer). */
export function useHealth(): HealthState {
  const api = useApi();
  const { data, error } = useQuery({ queryKey: queryKeys.health, queryFn: () => api.system.health({}) });
  if (error) return { status: 'error', error: toApiError(error) };
  return data ? { status: 'ok', health: data } : { status: 'loading' };
}
