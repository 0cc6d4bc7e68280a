import { ApiError, type AccountRef, type ClusterMembers, type RingClusterDetail } from '../../api';
import type { GraphSource } from '../sources/graph-source';

export interface ClusterFactsOptions {
  source: GraphSource;
  /** The latest detection's cluster by id (RingService.get); throws not_found when the run lacks it. */
  ringCluster(clusterId: string): RingClusterDetail;
}

/**
 * What a case may claim about its members, established by the core rather than taken from the
 * client: each account's business key (pushed to scoring) comes from the graph, and a ring case's
 * kind, score and reasons from the detection run, whose members bound the case's accounts.
 */
export class ClusterFacts {
  constructor(private readonly options: ClusterFactsOptions) {}

  /** The cluster as the graph and the detection run have it; the client's claims only choose nodes. */
  async verified(cluster: ClusterMembers, signal: AbortSignal): Promise<ClusterMembers> {
    if (cluster.origin === 'selection') {
      return { ...cluster, ringId: null, ringKind: null, score: null, reasons: [], accounts: await this.accounts(cluster.accounts, signal) };
    }
    const ring = this.options.ringCluster(cluster.ringId ?? '');
    const members = new Set(ring.memberIds);
    const outsider = cluster.accounts.find((account) => !members.has(account.nodeId));
    if (outsider) {
      throw new ApiError('invalid_input', `Account ${outsider.nodeId} is not in cluster ${ring.clusterId}`, {
        reason: 'account_not_in_cluster',
        params: { nodeId: outsider.nodeId, clusterId: ring.clusterId },
        fields: [{ path: 'cluster.accounts', message: 'must be members of the cluster' }],
      });
    }
    return {
      ...cluster,
      ringId: ring.clusterId,
      ringKind: ring.ringKind,
      score: ring.score,
      reasons: ring.reasons.map(({ code, params }) => ({ code, params })),
      accounts: await this.accounts(cluster.accounts, signal),
    };
  }

  /** The accounts with the user ids the graph holds; an id that is not an account in the graph is refused. */
  async accounts(claimed: readonly AccountRef[], signal: AbortSignal): Promise<AccountRef[]> {
    if (!claimed.length) return [];
    const { nodes } = await this.options.source.subgraph(
      claimed.map((account) => account.nodeId),
      { includeSharedIdentifiers: false, signal },
    );
    const keys = new Map(nodes.filter((node) => node.kind === 'account').map((node) => [node.id, node.key]));
    return claimed.map(({ nodeId }) => {
      const userId = keys.get(nodeId);
      if (userId === undefined) throw new ApiError('not_found', `No account with id ${nodeId} in this graph`, { reason: 'node_missing', params: { nodeId, count: 1 } });
      return { nodeId, userId };
    });
  }
}
