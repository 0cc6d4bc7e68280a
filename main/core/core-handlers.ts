import { ApiError } from '../api';
import type { ApiHandlers } from './api-handlers';
import type { GraphSource } from './sources/graph-source';
import { createInvestigationHandlers } from './cases/handlers';
import type { Investigation } from './cases/investigation';
import type { ConnectionService } from './connections/connection-service';
import { createConnectionHandlers } from './connections/handlers';

export interface CoreDependencies {
  source: GraphSource;
  version: string;
  investigation: Investigation;
  connections: ConnectionService;
}

/** The core's answer to every Api method; each area delegates to the service that owns it. */
export function createCoreHandlers({ source, version, investigation, connections }: CoreDependencies): ApiHandlers {
  return {
    ...createInvestigationHandlers(investigation),
    ...createConnectionHandlers(connections),
    system: {
      health: async () => ({ status: 'ok', version, source: source.info() }),
    },
    graph: {
      search: async ({ query, limit }, { signal }) => ({ hits: await source.search(query, limit, signal) }),
      expand: async ({ nodeId, limit, offset }, { signal, progress }) =>
        source.expand(nodeId, { limit, offset, signal, onProgress: (done, total) => progress(done, total, 'Loading neighbours') }),
      nodeDetails: async ({ nodeId }) => {
        if (!nodeId.trim()) throw new ApiError('invalid_input', 'nodeId is required');
        return source.nodeDetails(nodeId);
      },
    },
  };
}
