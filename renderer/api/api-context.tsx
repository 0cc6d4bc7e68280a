import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Api } from '../../main/api';
import { createQueryClient } from './queries';

const ApiContext = createContext<Api | null>(null);

/** Hands the Api, and the cache of its answers (queries.ts), to every screen; tests wrap components with a fake. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

/** The Api of the surrounding ApiProvider. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
