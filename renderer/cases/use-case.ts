import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { caseChanged, caseChangedElsewhere, queryKeys } from '../api/queries';
import { toApiError } from '../shared/to-api-error';

export interface CaseState {
  item: Case | null;
  loadError: ApiError | null;
  /** The last change that failed (a conflict, a refused transition, …), until the next success or reload. */
  changeError: ApiError | null;
  busy: boolean;
  /** Fetches the case as stored now, dropping the failed change's error. */
  reload(): Promise<void>;
  /** Applies a change to the case as shown; its answer replaces it. A failure is kept, never retried. */
  change(apply: (current: Case) => Promise<Case>): Promise<boolean>;
  /** Shows a case that a dialog changed itself (keeping its own error handling), as a change's answer is shown. */
  show(next: Case): void;
  dismissError(): void;
}

/**
 * One case, loaded by id, and the changes made to it from this screen; a change's answer replaces
 * the case everywhere it is shown (queries.ts caseChanged). When `latestVersion` (what a list shows)
 * is newer than the case shown, someone else changed it: it is loaded again.
 */
export function useCase(caseId: string, latestVersion?: number): CaseState {
  const api = useApi();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => api.cases.get({ caseId }) });
  const item = data ?? null;
  const [changeError, setChangeError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: queryKeys.case(caseId), exact: true });
    if (!queryClient.getQueryState(queryKeys.case(caseId))?.error) setChangeError(null);
  }, [queryClient, caseId]);

  useEffect(() => {
    if (item && latestVersion !== undefined && latestVersion > item.version) void caseChangedElsewhere(queryClient, caseId);
  }, [item, latestVersion, queryClient, caseId]);

  const show = useCallback(
    (next: Case) => {
      setChangeError(null);
      void caseChanged(queryClient, next);
    },
    [queryClient],
  );

  const change = useCallback(
    async (apply: (current: Case) => Promise<Case>) => {
      if (!item) return false;
      setBusy(true);
      try {
        show(await apply(item));
        return true;
      } catch (failure) {
        setChangeError(toApiError(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [item, show],
  );

  return { item, loadError: error ? toApiError(error) : null, changeError, busy, reload, change, show, dismissError: () => setChangeError(null) };
}
