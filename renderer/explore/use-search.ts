import { useCallback, useRef, useState } from 'react';
import type { ApiError, SearchHit, TextSearchGroup } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';

export interface SearchState {
  /** The query of the hits shown (null before the first search). */
  query: string | null;
  /** Exact matches: an account id, a full phone number, device id or card number (graph.search). */
  hits: SearchHit[];
  /** Full-text matches by kind (graph.textSearch): merchant names, cities, e-mail domains, card last four, phone formats. */
  groups: TextSearchGroup[];
  loading: boolean;
  error: ApiError | null;
}

const idle: SearchState = { query: null, hits: [], groups: [], loading: false, error: null };

/**
 * Runs the exact search and the full-text search together; a slower earlier search never overwrites
 * the answer of a later one. What either found is shown, with the first error (the exact search's
 * when both failed).
 */
export function useSearch(): SearchState & { search(query: string): Promise<void>; reset(): void } {
  const api = useApi();
  const [state, setState] = useState<SearchState>(idle);
  const latest = useRef(0);

  const search = useCallback(
    async (query: string) => {
      const request = ++latest.current;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      const [exact, fullText] = await Promise.allSettled([api.graph.search({ query }), api.graph.textSearch({ query })]);
      if (request !== latest.current) return;
      const failure = exact.status === 'rejected' ? exact.reason : fullText.status === 'rejected' ? fullText.reason : null;
      setState({
        // Nothing answered: there is no result to title.
        query: exact.status === 'rejected' && fullText.status === 'rejected' ? null : query,
        hits: exact.status === 'fulfilled' ? exact.value.hits : [],
        groups: fullText.status === 'fulfilled' ? fullText.value.groups : [],
        loading: false,
        error: failure === null ? null : toApiError(failure),
      });
    },
    [api],
  );

  const reset = useCallback(() => {
    latest.current++;
    setState(idle);
  }, []);

  return { ...state, search, reset };
}
