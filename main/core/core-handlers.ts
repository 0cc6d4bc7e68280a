import { ApiError, type Identity } from '../api';
import { keyFingerprint } from './trust/signing';
import type { ApiHandlers } from './api-handlers';
import type { GraphSource } from './sources/graph-source';
import { ClusterFacts } from './cases/cluster-facts';
import { createInvestigationHandlers } from './cases/handlers';
import type { Investigation } from './cases/investigation';
import type { ConnectionService } from './connections/connection-service';
import { createConnectionHandlers } from './connections/handlers';
import { createRingHandlers } from './rings/handlers';
import type { RingService } from './rings/ring-service';
import { createEvidenceHandlers } from './evidence/handlers';
import type { EvidenceService } from './evidence/evidence-service';
import { createMoneyGraphHandlers } from './money/handlers';

export interface CoreDependencies {
  source: GraphSource;
  version: string;
  investigation: Investigation;
  connections: ConnectionService;
  rings: RingService;
  evidence: EvidenceService;
}

async function describeIdentity({ identity, trust, cases }: Investigation): Promise<Identity> {
  const name = identity.current();
  const signer = await trust.signerFor(name);
  return { name, isTeamLead: await cases.isTeamLead(name), demo: identity.isDemo(), keyFingerprint: keyFingerprint(signer.publicKey) };
}

/** The core's answer to every Api method; each area delegates to the service that owns it. */
export function createCoreHandlers({ source, version, investigation, connections, rings, evidence }: CoreDependencies): ApiHandlers {
  return {
    ...createInvestigationHandlers(investigation, new ClusterFacts({ source, ringCluster: (clusterId) => rings.get(clusterId) })),
    ...createConnectionHandlers(connections),
    ...createRingHandlers(rings),
    ...createEvidenceHandlers(evidence),
    system: {
      health: async () => ({ status: 'ok', version, source: source.info(), user: await describeIdentity(investigation) }),
      useDemoIdentity: async ({ identity }) => {
        await investigation.useDemoIdentity(identity);
        return describeIdentity(investigation);
      },
    },
    // Graph reads first catch up with approvals made by other RingScopes sharing the local store.
    graph: {
      ...createMoneyGraphHandlers(source, () => investigation.refreshWriteBack()),
      search: async ({ query, limit }, { signal }) => {
        await investigation.refreshWriteBack();
        return { hits: await source.search(query, limit, signal) };
      },
      expand: async ({ nodeId, limit, offset }, { signal, progress }) => {
        await investigation.refreshWriteBack();
        return source.expand(nodeId, { limit, offset, signal, onProgress: (done, total) => progress(done, total, 'neighbours.load') });
      },
      nodeDetails: async ({ nodeId }) => {
        if (!nodeId.trim()) throw new ApiError('invalid_input', 'nodeId is required', { reason: 'input_invalid', fields: [{ path: 'nodeId', message: 'is required' }] });
        await investigation.refreshWriteBack();
        return source.nodeDetails(nodeId);
      },
      subgraph: async ({ nodeIds, includeSharedIdentifiers }, { signal }) => {
        await investigation.refreshWriteBack();
        return source.subgraph(nodeIds, { includeSharedIdentifiers, signal });
      },
    },
  };
}
