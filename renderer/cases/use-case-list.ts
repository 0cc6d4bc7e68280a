import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiError, ApiInput, Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { toApiError } from '../shared/to-api-error';

export type CaseFilter = ApiInput<'cases', 'list'>;

export interface CaseListState {
  cases: Case[] | null;
  error: ApiError | null;
}

/**
 * Cases matching the filter, most recently updated first, fetched while `enabled` (the screen is
 * shown) and again after any case changes; while a new filter's answer is on its way the last list stays.
 */
export function useCaseList(filter: CaseFilter, enabled: boolean): CaseListState {
  const api = useApi();
  const { data, error } = useQuery({ queryKey: queryKeys.caseList(filter), queryFn: () => api.cases.list(filter), enabled, placeholderData: keepPreviousData });
  return { cases: data?.cases ?? null, error: error ? toApiError(error) : null };
}
