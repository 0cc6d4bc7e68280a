import { useCallback, useRef, useState } from 'react';
import type { ApiError, SearchHit } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

export interface SearchState {
  /** The query of the hits shown (null before the first search). */
  query: string | null;
  hits: SearchHit[];
  loading: boolean;
  error: ApiError | null;
}

/** Runs graph.search; a slower earlier search never overwrites the answer of a later one. */
export function useSearch(): SearchState & { search(query: string): Promise<void>; reset(): void } {
  const api = useApi();
  const [state, setState] = useState<SearchState>({ query: null, hits: [], loading: false, error: null });
  const latest = useRef(0);

  const search = useCallback(
    async (query: string) => {
      const request = ++latest.current;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      try {
        const { hits } = await api.graph.search({ query });
        if (request === latest.current) setState({ query, hits, loading: false, error: null });
      } catch (error) {
        if (request === latest.current) setState({ query: null, hits: [], loading: false, error: toApiError(error) });
      }
    },
    [api],
  );

  const reset = useCallback(() => {
    latest.current++;
    setState({ query: null, hits: [], loading: false, error: null });
  }, []);

  return { ...state, search, reset };
}
