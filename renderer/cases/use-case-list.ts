import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiInput, Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

export type CaseFilter = ApiInput<'cases', 'list'>;

export interface CaseListState {
  cases: Case[] | null;
  error: ApiError | null;
  refresh(): void;
  /** Puts a changed case in place without a round trip. */
  replace(item: Case): void;
}

/** Cases matching the filter, most recently updated first. */
export function useCaseList(filter: CaseFilter, refreshKey: unknown): CaseListState {
  const api = useApi();
  const [cases, setCases] = useState<Case[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    api.cases.list(JSON.parse(filterKey) as CaseFilter).then(
      (result) => {
        if (!current) return;
        setCases(result.cases);
        setError(null);
      },
      (failure: unknown) => current && setError(toApiError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, filterKey, refreshKey, generation]);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  const replace = useCallback((item: Case) => setCases((list) => list?.map((existing) => (existing.id === item.id ? item : existing)) ?? list), []);
  return { cases, error, refresh, replace };
}
