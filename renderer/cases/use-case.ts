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
  /** Shows a case that a dialog changed itself (keeping its own error handling), as a change's answer is shown. */
  show(next: Case): void;
  dismissError(): void;
}

/**
 * One case, loaded by id, and the changes made to it from this screen. When `latestVersion` (what a
 * list shows) is newer than the case shown, someone else changed it: it is loaded again.
 */
export function useCase(caseId: string, onChanged?: (item: Case) => void, latestVersion?: number): CaseState {
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

  useEffect(() => {
    if (item && latestVersion !== undefined && latestVersion > item.version) void reload();
  }, [item, latestVersion, reload]);

  const show = useCallback(
    (next: Case) => {
      setItem(next);
      setChangeError(null);
      onChanged?.(next);
    },
    [onChanged],
  );

  const change = useCallback(
    async (apply: (current: Case) => Promise<Case>) => {
      if (!item) return false;
      setBusy(true);
      try {
        show(await apply(item));
        return true;
      } catch (error) {
        setChangeError(toApiError(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [item, show],
  );

  return { item, loadError, changeError, busy, reload, change, show, dismissError: () => setChangeError(null) };
}
