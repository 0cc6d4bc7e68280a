import { describe, expect, it, vi } from 'vitest';
import type { RingClusterDetail } from '../../../main/api';
import { createCaseFromCluster } from '../../../renderer/cases/create-case';
import { caseFixture, fakeApi } from './cases-fixtures';

const cluster: RingClusterDetail = {
  clusterId: 'C0042',
  score: 0.87,
  size: 2,
  ringKind: 'shared-identity',
  reasons: [
    { kind: 'shared-identifiers', code: 'shared_identifiers', params: { accounts: 2, kinds: ['device'], counts: [1] }, weight: 0.6, evidenceNodeIds: ['device:7'], timeWindow: null },
    { kind: 'account-age-burst', code: 'opening_burst', params: { opened: 2, accounts: 2, windowMs: 259_200_000 }, weight: 0.3, evidenceNodeIds: [], timeWindow: null },
  ],
  memberCount: 2,
  identifierCount: 1,
  blacklistedCount: 0,
  memberIds: ['account:U0000007', 'account:U0000008'],
  identifierIds: ['device:7'],
};

const node = (id: string, kind: 'account' | 'device', key: string) => ({ id, kind, key, label: key, properties: {}, riskScore: null, blacklisted: false, degree: null });

describe('createCaseFromCluster', () => {
  it('opens an untitled ring case (readers title it in their language) with the members’ user ids from the graph, the identifiers, the score and the reasons', async () => {
    const subgraph = vi.fn(async () => ({ nodes: [node('account:U0000007', 'account', 'U0000007'), node('account:U0000008', 'account', 'U0000008'), node('device:7', 'device', 'dev-7')], edges: [] }));
    const create = vi.fn(async () => caseFixture());
    await createCaseFromCluster(fakeApi({ graph: { subgraph }, cases: { create } }), cluster);

    expect(subgraph).toHaveBeenCalledWith({ nodeIds: cluster.memberIds });
    expect(create).toHaveBeenCalledWith({
      cluster: {
        origin: 'ring',
        ringId: 'C0042',
        ringKind: 'shared-identity',
        score: 0.87,
        // Codes, not sentences: the case reads in whichever language its reader chose.
        reasons: [
          { code: 'shared_identifiers', params: { accounts: 2, kinds: ['device'], counts: [1] } },
          { code: 'opening_burst', params: { opened: 2, accounts: 2, windowMs: 259_200_000 } },
        ],
        accounts: [
          { nodeId: 'account:U0000007', userId: 'U0000007' },
          { nodeId: 'account:U0000008', userId: 'U0000008' },
        ],
        identifierNodeIds: ['device:7'],
      },
    });
  });
});
