import type { ApiHandlers } from '../api-handlers';
import type { RingService } from './ring-service';

/** The `rings` area of the Api, answered by the ring service. */
export function createRingHandlers(rings: RingService): Pick<ApiHandlers, 'rings'> {
  return {
    rings: {
      detect: async (input, context) => rings.detect(input, context),
      list: async (input) => rings.list(input),
      get: async ({ clusterId }) => rings.get(clusterId),
      accountRisk: async ({ nodeId }) => rings.accountRisk(nodeId),
      moneyFlows: async ({ clusterId }) => rings.moneyFlows(clusterId),
    },
  };
}
