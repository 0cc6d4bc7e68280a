import type { ApiHandlers } from '../api-handlers';
import type { ConnectionService } from './connection-service';

/** The `connections` and `schema` areas of the Api, answered by the connection service. */
export function createConnectionHandlers(service: ConnectionService): Pick<ApiHandlers, 'connections' | 'schema'> {
  return {
    connections: {
      list: () => service.list(),
      save: (input) => service.save(input),
      remove: ({ connectionId }) => service.remove(connectionId),
      test: (target, { signal }) => service.test(target, signal),
      connect: (target, { signal }) => service.connect(target, signal),
      useDemo: () => service.useDemo(),
    },
    schema: {
      discover: (target, { signal }) => service.discover(target, signal),
      save: ({ connectionId, schemaMapping, password }) => service.saveSchema(connectionId, schemaMapping, password),
    },
  };
}
