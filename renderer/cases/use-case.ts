import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Case } from '../../main/api';
import { useApi } from '../api/api-context';
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
  dismissError(): void;
}

/** One case, loaded by id, and the changes made to it from this screen. */
export function useCase(caseId: string, onChanged?: (item: Case) => void): CaseState {
  const api = useApi();
  const [item, setItem] = useState<Case | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [changeError, setChangeError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const loaded = await api.cases.get({ caseId });
      setItem(loaded);
      setLoadError(null);
      setChangeError(null);
    } catch (error) {
      setLoadError(toApiError(error));
    }
  }, [api, caseId]);

  useEffect(() => {
    setItem(null);
    void reload();
  }, [reload]);

  const change = useCallback(
    async (apply: (current: Case) => Promise<Case>) => {
      if (!item) return false;
      setBusy(true);
      try {
        const next = await apply(item);
        setItem(next);
        setChangeError(null);
        onChanged?.(next);
        return true;
      } catch (error) {
        setChangeError(toApiError(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [item, onChanged],
  );

  return { item, loadError, changeError, busy, reload, change, dismissError: () => setChangeError(null) };
}
