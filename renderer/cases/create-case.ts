import type { AccountRef, Api, Case, RingClusterDetail } from '../../main/api';

/** The accounts of a list of graph nodes, keyed as the core wants them (node id for drawing, user id for scoring). */
export function accountRefsOf(nodes: readonly { id: string; kind: string; key: string }[]): AccountRef[] {
  return nodes.filter((node) => node.kind === 'account').map((node) => ({ nodeId: node.id, userId: node.key }));
}

/** Opens a case on a flagged cluster from ring detection, with its members, identifiers, score and reasons (untitled: readers title it from the ring). */
export async function createCaseFromCluster(api: Api, cluster: RingClusterDetail): Promise<Case> {
  // The detail names members by node id; their user ids (the scoring key) come from the graph.
  const { nodes } = await api.graph.subgraph({ nodeIds: cluster.memberIds });
  return api.cases.create({
    cluster: {
      origin: 'ring',
      ringId: cluster.clusterId,
      ringKind: cluster.ringKind,
      score: cluster.score,
      reasons: cluster.reasons.map(({ code, params }) => ({ code, params })),
      accounts: accountRefsOf(nodes),
      identifierNodeIds: cluster.identifierIds,
    },
  });
}

/** Opens a case on accounts picked by hand; without a title readers title it from its first account. */
export async function createCaseFromAccounts(api: Api, accounts: readonly AccountRef[], title = ''): Promise<Case> {
  return api.cases.create({ title, cluster: { origin: 'selection', accounts: [...accounts] } });
}
