import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../main/api';

const ApiContext = createContext<Api | null>(null);

/** Hands the Api to every screen; tests wrap components with a fake. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The Api of the surrounding ApiProvider. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
