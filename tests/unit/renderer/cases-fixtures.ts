import { vi } from 'vitest';
import type { Api, Case, ScoringDecision, SignedDecision } from '../../../main/api';

/** A case as the core returns it; override what a test is about. */
export function caseFixture(overrides: Partial<Case> = {}): Case {
  return {
    id: 'RS-20250101-abcdef12',
    version: 3,
    title: 'Ring R0007 · shared-identity',
    description: '',
    assignee: null,
    status: 'open',
    cluster: {
      origin: 'ring',
      ringId: 'R0007',
      ringKind: 'shared-identity',
      score: 0.91,
      reasons: ['4 accounts share 2 devices'],
      accounts: [
        { nodeId: 'account:U0000001', userId: 'U0000001' },
        { nodeId: 'account:U0000002', userId: 'U0000002' },
      ],
      identifierNodeIds: [],
    },
    tag: null,
    taggedBy: ['ana'],
    submittedBy: null,
    submittedAt: null,
    notes: [],
    reviews: [],
    snapshot: null,
    signatures: [],
    views: [],
    chosenViewId: null,
    createdBy: 'ana',
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedBy: 'ana',
    updatedAt: '2025-01-01T09:00:00.000Z',
    ...overrides,
  };
}

export const fraudRingTag = { reasonCode: 'fraud_ring', confidence: 0.9, note: 'one device farm', taggedBy: 'ana', taggedAt: '2025-01-01T09:05:00.000Z' } as const;

type Methods = { [A in keyof Api]?: Partial<Api[A]> };

/** An Api whose given methods are the test's fakes; every other call rejects, so an unexpected one shows. */
export function fakeApi(methods: Methods): Api {
  return new Proxy({} as Api, {
    get: (_target, area: string) =>
      new Proxy(
        {},
        {
          get: (_methods, name: string) =>
            (methods as Record<string, Record<string, unknown>>)[area]?.[name] ?? vi.fn(() => Promise.reject(new Error(`Unexpected Api call ${area}.${name}`))),
        },
      ),
  });
}

/** Fakes for the reads every case page makes: node details of members, the case's audit events. */
export const caseReads = {
  graph: {
    nodeDetails: vi.fn(async ({ nodeId }: { nodeId: string }) => ({
      node: { id: nodeId, kind: 'account' as const, key: nodeId.replace('account:', ''), label: nodeId, properties: {}, riskScore: 0.5, blacklisted: false, degree: 3 },
      neighbourCounts: [],
    })),
  },
  audit: { list: vi.fn(async () => ({ events: [], total: 0 })) },
  // The evidence-export button on the case page listens for progress.
  events: { onProgress: () => () => undefined },
};

/** A signed review act as the core stores it (the renderer only shows it; no signature is checked here). */
export function signedDecisionFixture(overrides: Partial<SignedDecision> = {}): SignedDecision {
  return {
    decision: 'approve',
    caseId: 'RS-20250101-abcdef12',
    version: 4,
    membersHash: 'a'.repeat(64),
    snapshotHash: 'b'.repeat(64),
    actor: 'lee',
    actorKey: 'TUNvd0JRWURLMlZ3QXlFQQ==',
    at: '2025-01-01T11:00:00.000Z',
    submissionHash: 'c'.repeat(64),
    signature: 'c2lnbmF0dXJl',
    ...overrides,
  };
}

/** The signature, certificate and audit-head fields of a pushed decision. */
export function pushEvidenceFixture(): Pick<ScoringDecision, 'submission' | 'approval' | 'approverCertificate' | 'auditHead'> {
  return {
    submission: signedDecisionFixture({ decision: 'submit', actor: 'ana', submissionHash: null }),
    approval: signedDecisionFixture(),
    approverCertificate: { subject: 'lee', publicKey: 'TUNvd0JRWURLMlZ3QXlFQQ==', role: 'team_lead', issuedAt: '2025-01-01T09:00:00.000Z', teamKey: '0123456789abcdef', signature: 'c2lnbmF0dXJl' },
    auditHead: { seq: 7, hash: 'd'.repeat(64) },
  };
}
